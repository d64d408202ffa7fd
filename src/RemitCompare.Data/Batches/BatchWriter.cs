using System.Globalization;
using Dapper;
using System.Data;
using System.Data.Common;
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

    /// <summary>Stores a batch. <paramref name="progress"/> receives the number of rows written so far; <paramref name="flows"/> are bilateral remittance estimates.</summary>
    public BatchOutcome Write(
        BatchHeader header,
        IReadOnlyCollection<ObservationRecord> observations,
        IReadOnlyCollection<ReferenceRateRecord> rates,
        IReadOnlyCollection<QuarantinedRow> quarantine,
        IProgress<int>? progress = null,
        IReadOnlyCollection<FlowRecord>? flows = null)
    {
        flows ??= [];
        using var connection = store.Open();
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
        var services = new ServiceIds(connection, tx);
        using (var insert = ObservationInsert(connection, tx))
        {
            foreach (var observation in observations)
            {
                Bind(insert, observation, services.For(observation), batchId, ingestedAt);
                accepted += insert.ExecuteNonQuery();
                Report(progress, ++written);
            }
        }
        using (var insert = RateInsert(connection, tx))
        {
            foreach (var rate in rates)
            {
                var p = insert.Parameters;
                p["source"].Value = rate.Source;
                p["base"].Value = rate.Base;
                p["quote"].Value = rate.Quote;
                p["date"].Value = rate.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["rate"].Value = DecimalText.Format(rate.Rate);
                p["batch"].Value = batchId;
                accepted += insert.ExecuteNonQuery();
                Report(progress, ++written);
            }
        }
        accepted += FlowStore.Insert(connection, tx, batchId, flows);
        foreach (var row in quarantine)
        {
            connection.Execute(
                "INSERT INTO quarantine (batch_id, row_number, field, reason, raw) VALUES (@batchId, @RowNumber, @Field, @Reason, @Raw)",
                new { batchId, row.RowNumber, row.Field, row.Reason, row.Raw }, tx);
        }
        var total = observations.Count + rates.Count + flows.Count;
        connection.Execute(
            """
            UPDATE batches SET finished_at = @finished, rows_read = @read, rows_accepted = @accepted, rows_quarantined = @quarantined
            WHERE id = @batchId
            """,
            new { finished = StoredTime.Format(clock.GetUtcNow()), read = total + quarantine.Count, accepted, quarantined = quarantine.Count, batchId },
            tx);
        tx.Commit();
        return new BatchOutcome(batchId, false, accepted, total - accepted, quarantine.Count);
    }

    private static void Report(IProgress<int>? progress, int written)
    {
        if (written % ProgressEvery == 0) progress?.Report(written);
    }

    private static DbCommand RateInsert(DbConnection connection, DbTransaction tx) =>
        Prepare(connection, tx,
            "INSERT INTO reference_rates (source, base, quote, rate_date, rate, batch_id) VALUES (@source, @base, @quote, @date, @rate, @batch) ON CONFLICT DO NOTHING",
            ["source", "base", "quote", "date", "rate"], ["batch"]);

    private static readonly string[] ObservationColumns =
    [
        "service_id", "batch_id", "source_row", "row_hash", "collected_at", "ingested_at", "period", "firm_type", "speed",
        "fee_schedule", "fee_placement", "receive_fee", "rate", "interbank_rate", "transparent", "promotion",
        "surveyed_low", "surveyed_high",
        "cc1_amount", "cc1_fee", "cc1_rate", "cc1_margin_pct", "cc1_total_cost_pct",
        "cc2_amount", "cc2_fee", "cc2_rate", "cc2_margin_pct", "cc2_total_cost_pct", "inference",
    ];

    private static readonly string[] IntegerColumns = ["service_id", "batch_id", "source_row", "transparent", "promotion"];

    private static DbCommand ObservationInsert(DbConnection connection, DbTransaction tx) =>
        Prepare(connection, tx,
            $"INSERT INTO quote_observations ({string.Join(", ", ObservationColumns)}) VALUES ({string.Join(", ", ObservationColumns.Select(c => "@" + c))}) ON CONFLICT DO NOTHING",
            ObservationColumns.Except(IntegerColumns).ToArray(), IntegerColumns);

    private static void Bind(DbCommand command, ObservationRecord o, long serviceId, long batchId, string ingestedAt)
    {
        var p = command.Parameters;
        p["service_id"].Value = serviceId;
        p["batch_id"].Value = batchId;
        p["source_row"].Value = o.SourceRow;
        p["row_hash"].Value = o.RowHash;
        p["collected_at"].Value = StoredTime.Format(o.CollectedAt);
        p["ingested_at"].Value = ingestedAt;
        p["period"].Value = (object?)o.Period ?? DBNull.Value;
        p["firm_type"].Value = o.FirmType;
        p["speed"].Value = (object?)o.Speed?.Name() ?? DBNull.Value;
        p["fee_schedule"].Value = FeeScheduleJson.Write(o.SenderFee);
        p["fee_placement"].Value = o.Placement == FeePlacement.OnTop ? "on_top" : "deducted";
        p["receive_fee"].Value = o.ReceiveFee is null ? DBNull.Value : FeeScheduleJson.Write(o.ReceiveFee);
        p["rate"].Value = Text(o.Rate);
        p["interbank_rate"].Value = Text(o.InterbankRate);
        p["transparent"].Value = o.Rate is null ? 0 : 1;
        p["promotion"].Value = o.Promotion ? 1 : 0;
        p["surveyed_low"].Value = Text(o.SurveyedLow);
        p["surveyed_high"].Value = Text(o.SurveyedHigh);
        BindPoint(p, "cc1", o.Cc1);
        BindPoint(p, "cc2", o.Cc2);
        p["inference"].Value = (object?)o.Inference ?? DBNull.Value;
    }

    private static void BindPoint(DbParameterCollection p, string prefix, SurveyPoint? point)
    {
        p[$"{prefix}_amount"].Value = Text(point?.Amount);
        p[$"{prefix}_fee"].Value = Text(point?.Fee);
        p[$"{prefix}_rate"].Value = Text(point?.Rate);
        p[$"{prefix}_margin_pct"].Value = Text(point?.MarginPct);
        p[$"{prefix}_total_cost_pct"].Value = Text(point?.TotalCostPct);
    }

    private static object Text(decimal? value) => (object?)DecimalText.Format(value) ?? DBNull.Value;

    /// <summary>A prepared insert with typed parameters (text and 64-bit integers), so both engines plan it once per batch.</summary>
    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql, string[] texts, string[] integers)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (names, type) in new[] { (texts, DbType.String), (integers, DbType.Int64) })
        {
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = type;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }
        command.Prepare();
        return command;
    }

    /// <summary>Finds or creates the provider, corridor and service of each observation, caching ids for the batch.</summary>
    private sealed class ServiceIds(DbConnection connection, DbTransaction tx)
    {
        private readonly Dictionary<string, long> _providers = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), long> _corridors = new();
        private readonly Dictionary<(long, long, string, string, string, string), long> _services = new();

        public long For(ObservationRecord o)
        {
            var provider = Provider(o.Provider, o.FirmType);
            var corridor = Corridor(o.From, o.To);
            var key = (provider, corridor, o.Funding.Name(), o.Payout.Name(), o.SendCurrency, o.PayoutCurrency);
            if (_services.TryGetValue(key, out var id)) return id;
            var args = new { provider, corridor, funding = key.Item3, payout = key.Item4, send = o.SendCurrency, receive = o.PayoutCurrency };
            connection.Execute(
                """
                INSERT INTO services (provider_id, corridor_id, funding_method, payout_method, send_currency, payout_currency)
                VALUES (@provider, @corridor, @funding, @payout, @send, @receive) ON CONFLICT DO NOTHING
                """, args, tx);
            id = connection.ExecuteScalar<long>(
                """
                SELECT id FROM services WHERE provider_id = @provider AND corridor_id = @corridor AND funding_method = @funding
                AND payout_method = @payout AND send_currency = @send AND payout_currency = @receive
                """, args, tx);
            return _services[key] = id;
        }

        private long Provider(string name, string firmType)
        {
            if (_providers.TryGetValue(name, out var id)) return id;
            connection.Execute("INSERT INTO providers (name, firm_type) VALUES (@name, @firmType) ON CONFLICT DO NOTHING", new { name, firmType }, tx);
            return _providers[name] = connection.ExecuteScalar<long>("SELECT id FROM providers WHERE name = @name", new { name }, tx);
        }

        private long Corridor(string from, string to)
        {
            if (_corridors.TryGetValue((from, to), out var id)) return id;
            connection.Execute("INSERT INTO corridors (from_country, to_country) VALUES (@from, @to) ON CONFLICT DO NOTHING", new { from, to }, tx);
            return _corridors[(from, to)] = connection.ExecuteScalar<long>(
                "SELECT id FROM corridors WHERE from_country = @from AND to_country = @to", new { from, to }, tx);
        }
    }
}
