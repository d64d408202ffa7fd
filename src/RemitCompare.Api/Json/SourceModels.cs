using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Api.Json;

/// <summary>GET /v1/sources.</summary>
public sealed record SourceListDto(IReadOnlyList<SourceStatusDto> Sources);

/// <summary>One live source: schedule, breaker, last success and error, counts and freshness.</summary>
public sealed record SourceStatusDto(
    string Name, string Kind, long IntervalSeconds, string Circuit, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError,
    double? LastRetryDelaySeconds, int Accepted, int Quarantined, bool Fresh, DateTimeOffset? StaleAfter)
{
    /// <summary>The DTO of a source's status.</summary>
    public static SourceStatusDto From(SourceStatus s) => new(
        s.Name, s.Kind, (long)s.Interval.TotalSeconds, s.Circuit, s.History.LastSuccess, s.History.LastFailure, s.History.LastError,
        s.LastRetryDelay?.TotalSeconds, s.History.Accepted, s.History.Quarantined, s.Fresh, s.StaleAfter);
}
