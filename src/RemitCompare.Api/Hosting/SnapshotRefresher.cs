using Dapper;
using RemitCompare.Data;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// Watches the store for batches committed by any process (the CLI, another node) and swaps in a new snapshot
/// when one appears. One cheap query per interval (configuration <c>Snapshot:PollInterval</c>, default 5 s), and on
/// PostgreSQL also as soon as the store signals a commit (LISTEN/NOTIFY), so every node serves a batch within a second.
/// </summary>
public sealed class SnapshotRefresher(Store store, SnapshotHolder holder, TimeProvider clock, IConfiguration configuration, ILogger<SnapshotRefresher> logger)
    : BackgroundService
{
    private readonly Lock _checking = new();
    private string? _seen;

    /// <summary>
    /// Refreshes the snapshot when the committed batches differ from the last ones seen; true when it did. A caller
    /// returns only once a snapshot holding every batch it saw is in force, even when another caller did the refresh.
    /// </summary>
    public bool RefreshIfChanged()
    {
        lock (_checking)
        {
            var latest = Batches();
            if (latest == _seen) return false;
            Rebuild(latest);
            return true;
        }
    }

    /// <summary>
    /// Builds a snapshot and swaps it in, noting the batches committed before the build began: a batch committed
    /// while it builds is then seen as new by the next check instead of being taken as already served.
    /// </summary>
    public Snapshot Rebuild()
    {
        lock (_checking) return Rebuild(Batches());
    }

    /// <summary>Runs after a snapshot is built and before its batches are noted: lets a test commit a batch the build did not see.</summary>
    internal Action? AfterBuild { get; set; }

    private Snapshot Rebuild(string before)
    {
        var snapshot = holder.Refresh();
        AfterBuild?.Invoke();
        _seen = before;
        return snapshot;
    }

    /// <summary>
    /// How many batches are committed and the highest id. The count matters on PostgreSQL, where a batch that began
    /// earlier (lower id) can commit after a later one: the highest id alone would not change.
    /// </summary>
    private string Batches()
    {
        using var connection = store.Open();
        var (count, max) = connection.QuerySingle<(long, long)>("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM batches");
        return $"{count}/{max}";
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Snapshot:PollInterval", TimeSpan.FromSeconds(5));
        await using var signal = store.BatchSignal(clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(interval, stoppingToken);
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
