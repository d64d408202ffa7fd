using System.Globalization;
using Dapper;

namespace RemitCompare.Data.Feeds;

/// <summary>One fetch of a live source: when, how it ended, and what it stored.</summary>
/// <param name="Source">Configured source name.</param>
/// <param name="StartedAt">When the fetch started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Outcome"><c>ok</c>, <c>unchanged</c> or <c>failed</c>.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="BatchId">The batch it wrote, when it wrote one.</param>
/// <param name="Accepted">Quotes or rates stored.</param>
/// <param name="Quarantined">Quotes rejected with a reason.</param>
public sealed record FetchRecord(
    string Source, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Outcome, string? Error, long? BatchId, int Accepted, int Quarantined);

/// <summary>What the fetch log says about one source.</summary>
/// <param name="Source">Configured source name.</param>
/// <param name="LastSuccess">When the last fetch that succeeded ended.</param>
/// <param name="LastFailure">When the last failed fetch ended.</param>
/// <param name="LastError">Why the last failed fetch failed.</param>
/// <param name="Accepted">Quotes or rates stored, over all fetches.</param>
/// <param name="Quarantined">Quotes rejected, over all fetches.</param>
public sealed record SourceHistory(
    string Source, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError, int Accepted, int Quarantined);

/// <summary>The SQL of the source_fetches and feed_payloads tables.</summary>
public sealed class FeedLog(Store store)
{
    /// <summary>Keeps a raw payload for audit, once per SHA-256.</summary>
    public void KeepPayload(string sha256, string source, DateTimeOffset fetchedAt, byte[] body)
    {
        using var connection = store.Open();
        connection.Execute(
            "INSERT INTO feed_payloads (payload_sha256, source, fetched_at, body) VALUES (@sha256, @source, @at, @body) ON CONFLICT DO NOTHING",
            new { sha256, source, at = StoredTime.Format(fetchedAt), body });
    }

    /// <summary>The raw payload with this SHA-256, when kept.</summary>
    public byte[]? Payload(string sha256)
    {
        using var connection = store.Open();
        return connection.ExecuteScalar<byte[]?>("SELECT body FROM feed_payloads WHERE payload_sha256 = @sha256", new { sha256 });
    }

    /// <summary>Records one fetch.</summary>
    public void Record(FetchRecord fetch)
    {
        using var connection = store.Open();
        connection.Execute(
            """
            INSERT INTO source_fetches (source, started_at, finished_at, outcome, error, batch_id, accepted, quarantined)
            VALUES (@Source, @Started, @Finished, @Outcome, @Error, @BatchId, @Accepted, @Quarantined)
            """,
            new
            {
                fetch.Source, Started = StoredTime.Format(fetch.StartedAt), Finished = StoredTime.Format(fetch.FinishedAt),
                fetch.Outcome, fetch.Error, fetch.BatchId, fetch.Accepted, fetch.Quarantined,
            });
    }

    /// <summary>The history of every source that has fetched at least once, by name.</summary>
    public IReadOnlyDictionary<string, SourceHistory> Histories()
    {
        using var connection = store.Open();
        return connection.Query<HistoryRow>(
                """
                SELECT source AS Source,
                       MAX(CASE WHEN outcome <> 'failed' THEN finished_at END) AS LastSuccess,
                       MAX(CASE WHEN outcome = 'failed' THEN finished_at END) AS LastFailure,
                       (SELECT f2.error FROM source_fetches f2 WHERE f2.source = f.source AND f2.outcome = 'failed' ORDER BY f2.id DESC LIMIT 1) AS LastError,
                       SUM(accepted) AS Accepted, SUM(quarantined) AS Quarantined
                FROM source_fetches f GROUP BY source
                """)
            .Select(r => new SourceHistory(r.Source, StoredTime.ParseOrNull(r.LastSuccess), StoredTime.ParseOrNull(r.LastFailure), r.LastError, (int)r.Accepted, (int)r.Quarantined))
            .ToDictionary(h => h.Source, StringComparer.Ordinal);
    }

    /// <summary>Every fetch of a source, oldest first.</summary>
    public IReadOnlyList<FetchRecord> Fetches(string source)
    {
        using var connection = store.Open();
        return connection.Query<FetchRow>(
                """
                SELECT source AS Source, started_at AS StartedAt, finished_at AS FinishedAt, outcome AS Outcome, error AS Error,
                       batch_id AS BatchId, accepted AS Accepted, quarantined AS Quarantined
                FROM source_fetches WHERE source = @source ORDER BY id
                """, new { source })
            .Select(r => new FetchRecord(r.Source, StoredTime.ParseOrNull(r.StartedAt)!.Value, StoredTime.ParseOrNull(r.FinishedAt)!.Value, r.Outcome, r.Error, r.BatchId, (int)r.Accepted, (int)r.Quarantined))
            .ToList();
    }


    private sealed record HistoryRow
    {
        public string Source { get; init; } = "";
        public string? LastSuccess { get; init; }
        public string? LastFailure { get; init; }
        public string? LastError { get; init; }
        public long Accepted { get; init; }
        public long Quarantined { get; init; }
    }

    private sealed record FetchRow
    {
        public string Source { get; init; } = "";
        public string StartedAt { get; init; } = "";
        public string FinishedAt { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string? Error { get; init; }
        public long? BatchId { get; init; }
        public long Accepted { get; init; }
        public long Quarantined { get; init; }
    }
}
