using System.Globalization;
using Dapper;
using System.Data;
using System.Data.Common;
using RemitCompare.Data.Coordination;
using RemitCompare.Data.Flows;
using RemitCompare.Domain.Services;

namespace RemitCompare.Data.Batches;

/// <summary>
/// Writes one ingestion batch in one transaction: the batch row, the providers, corridors and services it
/// introduces, its observations or reference rates, and its quarantine. A crash before commit leaves the store as it
/// was; the same payload from the same source is recognised and adds nothing.
/// </summary>
public sealed class BatchWriter(Store store, TimeProvider clock)
{
    /// <summary>How often progress is reported, in rows.</summary>
    public const int ProgressEvery = 1000;

    /// <summary>The batch that already holds this payload from this source, if any.</summary>
    public long? FindExisting(string source, string payloadSha256)
    {
        using var connection = store.Open();
        return connection.ExecuteScalar<long?>(
            "SELECT id FROM batches WHERE source = @source AND payload_sha256 = @payloadSha256",
            new { source, payloadSha256 });
    }

    /// <summary>
    /// Stores a batch. <paramref name="progress"/> receives the number of rows written so far; <paramref name="flows"/> are
    /// bilateral remittance estimates; <paramref name="fence"/> is confirmed just before the commit (a batch fetched under the
    /// ingestion lease throws <see cref="LeaseLostException"/> and stores nothing once the lease is lost).
    /// </summary>
    public BatchOutcome Write(
        BatchHeader header,
        IReadOnlyCollection<ObservationRecord> observations,
        IReadOnlyCollection<ReferenceRateRecord> rates,
        IReadOnlyCollection<QuarantinedRow> quarantine,
        IProgress<int>? progress = null,
        IReadOnlyCollection<FlowRecord>? flows = null,
        LeaseFence? fence = null)
    {
        flows ??= [];
        using var connection = store.Open();
        using var tuning = store.TuneForBatch(connection);
        using var tx = store.BeginWrite(connection);
        // A concurrent writer of the same payload (another node) makes this insert wait for its commit, then do nothing.
        var inserted = connection.ExecuteScalar<long?>(
            """
            INSERT INTO batches (source, kind, file_name, payload_sha256, payload_bytes, started_at, finished_at, rows_read, rows_accepted, rows_quarantined, api_key_id)
            VALUES (@Source, @Kind, @FileName, @PayloadSha256, @PayloadBytes, @Started, @Started, 0, 0, 0, @ApiKeyId)
            ON CONFLICT (source, payload_sha256) DO NOTHING
            RETURNING id
            """,
            new { header.Source, header.Kind, header.FileName, header.PayloadSha256, header.PayloadBytes, Started = StoredTime.Format(header.StartedAt), header.ApiKeyId },
            tx);
        if (inserted is not { } batchId)
        {
            var existing = connection.ExecuteScalar<long>(
                "SELECT id FROM batches WHERE source = @Source AND payload_sha256 = @PayloadSha256", header, tx);
            return new BatchOutcome(existing, true, 0, 0, 0);
        }

        var ingestedAt = StoredTime.Format(clock.GetUtcNow());
        var written = 0;
        var accepted = 0;
        using (var services = new ServiceIds(connection, tx))
        using (var insert = new PreparedCommand(connection, tx, ObservationInsertSql, ObservationParameters))
        {
            foreach (var observation in observations)
            {
                insert.Queue(ObservationValues(observation, services.For(observation), batchId, ingestedAt));
                Report(progress, ++written);
            }
            accepted += insert.Flush();
        }
        using (var insert = new PreparedCommand(connection, tx,
            "INSERT INTO reference_rates (source, base, quote, rate_date, rate, batch_id) VALUES (@source, @base, @quote, @date, @rate, @batch) ON CONFLICT DO NOTHING",
            [.. PreparedCommand.Texts("source", "base", "quote", "date", "rate"), ("batch", DbType.Int64)]))
        {
            foreach (var rate in rates)
            {
                insert.Queue(rate.Source, rate.Base, rate.Quote, rate.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DecimalText.Format(rate.Rate), batchId);
                Report(progress, ++written);
            }
            accepted += insert.Flush();
        }
        accepted += FlowStore.Insert(connection, tx, batchId, flows);
        using (var insert = new PreparedCommand(connection, tx,
            "INSERT INTO quarantine (batch_id, row_number, field, reason, raw) VALUES (@batch, @row, @field, @reason, @raw)",
            [("batch", DbType.Int64), ("row", DbType.Int64), .. PreparedCommand.Texts("field", "reason", "raw")]))
        {
            foreach (var row in quarantine) insert.Queue(batchId, (long)row.RowNumber, row.Field, row.Reason, row.Raw);
            insert.Flush();
        }
        var total = observations.Count + rates.Count + flows.Count;
        connection.Execute(
            """
            UPDATE batches SET finished_at = @finished, rows_read = @read, rows_accepted = @accepted, rows_quarantined = @quarantined
            WHERE id = @batchId
            """,
            new { finished = StoredTime.Format(clock.GetUtcNow()), read = total + quarantine.Count, accepted, quarantined = quarantine.Count, batchId },
            tx);
        fence?.Confirm(connection, tx);
        tx.Commit();
        return new BatchOutcome(batchId, false, accepted, total - accepted, quarantine.Count);
    }

    private static void Report(IProgress<int>? progress, int written)
    {
        if (written % ProgressEvery == 0) progress?.Report(written);
    }

    private static readonly string[] ObservationColumns =
    [
        "service_id", "batch_id", "source_row", "row_hash", "collected_at", "ingested_at", "period", "firm_type", "speed",
        "fee_schedule", "fee_placement", "receive_fee", "rate", "interbank_rate", "transparent", "promotion",
        "surveyed_low", "surveyed_high",
        "cc1_amount", "cc1_fee", "cc1_rate", "cc1_margin_pct", "cc1_total_cost_pct",
        "cc2_amount", "cc2_fee", "cc2_rate", "cc2_margin_pct", "cc2_total_cost_pct", "inference",
    ];

    private static readonly string[] IntegerColumns = ["service_id", "batch_id", "source_row", "transparent", "promotion"];

    private static readonly (string, DbType)[] ObservationParameters =
        [.. ObservationColumns.Select(c => (c, IntegerColumns.Contains(c) ? DbType.Int64 : DbType.String)), ("previous_row_hash", DbType.String)];

    // A row the service holds under the hash an earlier version gave it is the same row: skipped, as a conflict is.
    private static readonly string ObservationInsertSql =
        $"""
        INSERT INTO quote_observations ({string.Join(", ", ObservationColumns)})
        SELECT {string.Join(", ", ObservationColumns.Select(c => "@" + c))}
        WHERE NOT EXISTS (SELECT 1 FROM quote_observations WHERE service_id = @service_id AND row_hash = @previous_row_hash)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>An observation's column values, in <see cref="ObservationColumns"/> order, then its previous row hash.</summary>
    private static object?[] ObservationValues(ObservationRecord o, long serviceId, long batchId, string ingestedAt) =>
    [
        serviceId, batchId, (long)o.SourceRow, o.RowHash, StoredTime.Format(o.CollectedAt), ingestedAt, o.Period, o.FirmType, o.Speed?.Name(),
        FeeScheduleJson.Write(o.SenderFee), o.Placement == FeePlacement.OnTop ? "on_top" : "deducted",
        o.ReceiveFee is null ? null : FeeScheduleJson.Write(o.ReceiveFee), Text(o.Rate), Text(o.InterbankRate),
        o.Rate is null ? 0L : 1L, o.Promotion ? 1L : 0L, Text(o.SurveyedLow), Text(o.SurveyedHigh),
        Text(o.Cc1?.Amount), Text(o.Cc1?.Fee), Text(o.Cc1?.Rate), Text(o.Cc1?.MarginPct), Text(o.Cc1?.TotalCostPct),
        Text(o.Cc2?.Amount), Text(o.Cc2?.Fee), Text(o.Cc2?.Rate), Text(o.Cc2?.MarginPct), Text(o.Cc2?.TotalCostPct), o.Inference,
        o.PreviousRowHash,
    ];

    private static string? Text(decimal? value) => DecimalText.Format(value);
}
