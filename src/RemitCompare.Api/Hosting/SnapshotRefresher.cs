using Dapper;
using RemitCompare.Data;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// Watches the store for batches committed by any process (the CLI, another node) and swaps in a new snapshot
/// when one appears. One cheap query per interval (configuration <c>Snapshot:PollInterval</c>, default 5 s).
/// </summary>
public sealed class SnapshotRefresher(SqliteStore store, SnapshotHolder holder, TimeProvider clock, IConfiguration configuration, ILogger<SnapshotRefresher> logger)
    : BackgroundService
{
    private long _seenBatch = -1;

    /// <summary>Refreshes the snapshot when the newest committed batch differs from the last one seen; true when it did.</summary>
    public bool RefreshIfChanged()
    {
        using var connection = store.Open();
        var latest = connection.ExecuteScalar<long?>("SELECT MAX(id) FROM batches") ?? 0;
        if (Interlocked.Exchange(ref _seenBatch, latest) == latest) return false;
        holder.Refresh();
        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Snapshot:PollInterval", TimeSpan.FromSeconds(5));
        using var connection = store.Open();
        _seenBatch = connection.ExecuteScalar<long?>("SELECT MAX(id) FROM batches") ?? 0;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                RefreshIfChanged();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store being briefly unreadable must not stop the service: it keeps serving the last snapshot.
                logger.LogWarning(e, "Snapshot refresh failed; still serving snapshot {Version}", holder.Current.Version);
            }
        }
    }
}
