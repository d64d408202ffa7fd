using RemitCompare.Data;
using RemitCompare.Data.Snapshots;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Api.Hosting;

/// <summary>Runs the configured live sources (configuration section <c>Feeds</c>) inside the API process.</summary>
public static class FeedHosting
{
    /// <summary>Registers the scheduler and its hosted service; after each batch the snapshot is rebuilt and swapped.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(FeedOptions.Section).Get<FeedOptions>() ?? new FeedOptions());
        services.AddSingleton(sp =>
        {
            var refresher = sp.GetRequiredService<SnapshotRefresher>();
            return new FeedScheduler(sp.GetRequiredService<FeedOptions>(), sp.GetRequiredService<Store>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<SnapshotOptions>().FeedFreshness, _ => refresher.RefreshIfChanged());
        });
        services.AddHostedService<FeedService>();
        return services;
    }
}

/// <summary>
/// The scheduler as a hosted service: every source now, then at its interval, until the host stops; on a store shared by
/// several nodes (PostgreSQL), only while this node holds the ingestion lease.
/// </summary>
public sealed class FeedService(FeedScheduler scheduler) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        scheduler.Sources.Count == 0 ? Task.CompletedTask : scheduler.LeadAsync(stoppingToken);
}
