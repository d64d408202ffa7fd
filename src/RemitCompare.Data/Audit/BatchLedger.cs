using Dapper;

namespace RemitCompare.Data.Audit;

/// <summary>One ingestion batch as recorded: its payload's identity, counts and what it covered.</summary>
public sealed record BatchRecord(
    long Id, string Source, string Kind, string? FileName, string PayloadSha256, long PayloadBytes, string StartedAt, string FinishedAt,
    long RowsRead, long RowsAccepted, long RowsQuarantined);

/// <summary>A row the batch refused, and why.</summary>
public sealed record QuarantineRecord(long RowNumber, string? Field, string Reason, string Raw);

/// <summary>A batch with what it covered and what it refused: the provenance a figure links to.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="Periods">Survey periods of its observations.</param>
/// <param name="Corridors">Corridors of its observations (<c>KEN-UGA</c>).</param>
/// <param name="Quarantine">Refused rows.</param>
public sealed record BatchProvenance(BatchRecord Batch, IReadOnlyList<string> Periods, IReadOnlyList<string> Corridors, IReadOnlyList<QuarantineRecord> Quarantine);

/// <summary>Reads the batch ledger (tables <c>batches</c> and <c>quarantine</c>).</summary>
public sealed class BatchLedger(Store store)
{
    /// <summary>A batch with its coverage and quarantine, when it exists.</summary>
    public BatchProvenance? Find(long id)
    {
        using var connection = store.Open();
        var batch = connection.QuerySingleOrDefault<BatchRecord>(
            """
            SELECT id AS Id, source AS Source, kind AS Kind, file_name AS FileName, payload_sha256 AS PayloadSha256, payload_bytes AS PayloadBytes,
                   started_at AS StartedAt, finished_at AS FinishedAt, rows_read AS RowsRead, rows_accepted AS RowsAccepted, rows_quarantined AS RowsQuarantined
            FROM batches WHERE id = @id
            """, new { id });
        if (batch is null) return null;
        var periods = connection.Query<string>(
            "SELECT DISTINCT period FROM quote_observations WHERE batch_id = @id AND period IS NOT NULL ORDER BY period", new { id }).ToList();
        var corridors = connection.Query<string>(
            """
            SELECT DISTINCT c.from_country || '-' || c.to_country AS corridor FROM quote_observations o
            JOIN services s ON s.id = o.service_id JOIN corridors c ON c.id = s.corridor_id
            WHERE o.batch_id = @id ORDER BY corridor
            """, new { id }).ToList();
        var quarantine = connection.Query<QuarantineRecord>(
            "SELECT row_number AS RowNumber, field AS Field, reason AS Reason, raw AS Raw FROM quarantine WHERE batch_id = @id ORDER BY row_number, id",
            new { id }).ToList();
        return new BatchProvenance(batch, periods, corridors, quarantine);
    }
}
