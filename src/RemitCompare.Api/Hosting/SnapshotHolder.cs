using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// Holds the snapshot requests are answered from. A refresh builds a whole new snapshot off to the side and swaps
/// the reference in one write, so a reader sees the old snapshot or the new one, never a half-built one.
/// </summary>
public sealed class SnapshotHolder(SnapshotBuilder builder, ILogger<SnapshotHolder> logger)
{
    private readonly Lock _refreshing = new();
    private Snapshot _current = Snapshot.Empty;

    /// <summary>The snapshot in force.</summary>
    public Snapshot Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds the snapshot from the store and swaps it in.</summary>
    public Snapshot Refresh()
    {
        lock (_refreshing)
        {
            var next = builder.Build();
            Volatile.Write(ref _current, next);
            logger.LogInformation("Snapshot {Version} in force: {Corridors} corridors, {Quotes} quotes, as of {AsOf}",
                next.Version, next.Corridors.Count, next.Corridors.Values.Sum(c => c.Quotes.Count), next.AsOf);
            return next;
        }
    }
}
