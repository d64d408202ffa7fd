using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Json;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Api.Features;

/// <summary>GET /healthz: whether the service has data to answer with.</summary>
public static class HealthApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Get).WithName("Health");
        return app;
    }

    internal static Ok<HealthDto> Get(SnapshotHolder snapshots, FeedScheduler feeds, IngestionHealth ingestion)
    {
        var s = snapshots.Current;
        var quotes = s.Corridors.Values.Sum(c => c.Quotes.Count);
        var sources = feeds.Status().Select(SourceStatusDto.From).ToList();
        var failure = ingestion.Current;
        var healthy = quotes > 0 && sources.All(f => f.Fresh) && failure is null;
        return TypedResults.Ok(new HealthDto(healthy ? "ok" : "degraded", s.Version, s.AsOf, s.Corridors.Count, quotes, sources, failure?.Reason,
            feeds.IsLeader));
    }
}
