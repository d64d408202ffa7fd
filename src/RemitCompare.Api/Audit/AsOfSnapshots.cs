using System.Collections.Concurrent;
using RemitCompare.Api.Hosting;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Audit;

/// <summary>
/// Snapshots of past moments, for <c>asOf</c>: what the service would have shown then (observations are
/// append-only, so everything ingested after the moment is left out). A few are kept; the present is the live one.
/// </summary>
public sealed class AsOfSnapshots(SnapshotBuilder builder, SnapshotHolder holder)
{
    private const int Kept = 4;
    private readonly ConcurrentDictionary<(long Version, DateTimeOffset AsOf), Lazy<Snapshot>> _past = new();

    /// <summary>The snapshot in force at <paramref name="asOf"/>, or the current one when null.</summary>
    public Snapshot At(DateTimeOffset? asOf)
    {
        if (asOf is not { } moment) return holder.Current;
        var version = holder.Current.Version;
        if (_past.Count >= Kept)
        {
            foreach (var key in _past.Keys.Where(k => k.Version != version || k.AsOf != moment).Take(_past.Count - Kept + 1).ToList()) _past.TryRemove(key, out _);
        }
        return _past.GetOrAdd((version, moment), key => new Lazy<Snapshot>(() => builder.Build(key.AsOf))).Value;
    }
}
