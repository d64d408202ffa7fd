namespace RemitCompare.Data.Snapshots;

/// <summary>Freshness limits applied when a snapshot is built (configuration section <c>Snapshot</c>).</summary>
public sealed record SnapshotOptions
{
    /// <summary>Live feed quotes older than this are stale (default 24 hours).</summary>
    public TimeSpan FeedFreshness { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Survey quotes older than this are stale; by default they stay fresh until a newer round supersedes them.</summary>
    public TimeSpan? SurveyFreshness { get; init; }

    /// <summary>A mid-market reference older than this before the quote's moment earns <c>stale_reference</c> (default 7 days).</summary>
    public TimeSpan ReferenceMaxAge { get; init; } = TimeSpan.FromDays(7);
}
