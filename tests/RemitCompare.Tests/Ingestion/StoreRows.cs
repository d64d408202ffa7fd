using System.Globalization;
using System.Text;
using Dapper;
using RemitCompare.Data;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>An observation as stored, decimals still as the TEXT the store holds.</summary>
internal sealed record StoredObservation(
    long Id, long ServiceId, long BatchId, long SourceRow, string Provider, string FromCountry, string ToCountry,
    string SendCurrency, string PayoutCurrency, string FeeSchedule, string? Rate, string? InterbankRate, long Transparent, long Promotion,
    string? Cc1Amount, string? Cc1Fee, string? Cc1Rate, string? Cc1Margin, string? Cc1Total,
    string? Cc2Amount, string? Cc2Fee, string? Cc2Rate, string? Cc2Margin, string? Cc2Total, string? Inference, string? Period, string CollectedAt)
{
    public static decimal? D(string? text) => DecimalText.Parse(text);
}

/// <summary>A quarantine row as stored.</summary>
internal sealed record StoredQuarantine(long BatchId, long RowNumber, string? Field, string Reason, string Raw);

/// <summary>Reads what ingestion left in a store, and runs files through the real ingestor.</summary>
internal static class StoreRows
{
    public static IngestionSummary IngestRpw(this TempStore store, string csv, string name = "rpw-test.csv") =>
        store.Ingest(FileSource.Rpw, csv, name);

    /// <summary>Ingests text written by the test as if it were a file called <paramref name="name"/>.</summary>
    public static IngestionSummary Ingest(this TempStore store, FileSource source, string text, string name) =>
        new Ingestor(store.Store, TimeProvider.System).Ingest(source, new Payload(name, Encoding.UTF8.GetBytes(text)));

    /// <summary>One new survey row of <paramref name="provider"/> in the KEN→UGA corridor, ingested as its own batch from a file called <paramref name="name"/>.</summary>
    public static IngestionSummary IngestNewRow(this TempStore store, string provider, string name)
    {
        var header = File.ReadLines(RepoFiles.RpwSample).First();
        var row = $"2025_4Q,KEN,Kenya,UGA,Uganda,{provider},Money Transfer Operator,Cash,Same day,18000,200,KES,100,27.5,1.1,1.66,45000,500,KES,200,27.5,1.1,1.54,27.8058,yes,,,Cash,2025-11-03,KENUGA";
        return store.IngestRpw(header + "\n" + row + "\n", name);
    }

    public static IngestionSummary IngestFile(this TempStore store, FileSource source, string path) =>
        new Ingestor(store.Store, TimeProvider.System).Ingest(source, Payload.FromFile(path));

    /// <summary>Row count of every table of the schema, by name.</summary>
    public static SortedDictionary<string, long> TableCounts(this Store store)
    {
        using var connection = store.Open();
        var tables = connection.Query<string>(store is SqliteStore
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").ToList();
        return new SortedDictionary<string, long>(
            tables.ToDictionary(t => t, t => connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM \"{t}\"")), StringComparer.Ordinal);
    }

    public static long Count(this Store store, string table)
    {
        using var connection = store.Open();
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM \"{table}\"");
    }

    public static List<StoredObservation> Observations(this Store store)
    {
        using var connection = store.Open();
        return connection.Query<StoredObservation>(
            """
            SELECT o.id AS Id, o.service_id AS ServiceId, o.batch_id AS BatchId, o.source_row AS SourceRow, p.name AS Provider,
                   c.from_country AS FromCountry, c.to_country AS ToCountry, s.send_currency AS SendCurrency, s.payout_currency AS PayoutCurrency,
                   o.fee_schedule AS FeeSchedule, o.rate AS Rate, o.interbank_rate AS InterbankRate, o.transparent AS Transparent, o.promotion AS Promotion,
                   o.cc1_amount AS Cc1Amount, o.cc1_fee AS Cc1Fee, o.cc1_rate AS Cc1Rate, o.cc1_margin_pct AS Cc1Margin, o.cc1_total_cost_pct AS Cc1Total,
                   o.cc2_amount AS Cc2Amount, o.cc2_fee AS Cc2Fee, o.cc2_rate AS Cc2Rate, o.cc2_margin_pct AS Cc2Margin, o.cc2_total_cost_pct AS Cc2Total,
                   o.inference AS Inference, o.period AS Period, o.collected_at AS CollectedAt
            FROM quote_observations o
            JOIN services s ON s.id = o.service_id
            JOIN providers p ON p.id = s.provider_id
            JOIN corridors c ON c.id = s.corridor_id
            ORDER BY o.batch_id, o.source_row
            """).ToList();
    }

    public static List<StoredQuarantine> Quarantine(this Store store)
    {
        using var connection = store.Open();
        return connection.Query<StoredQuarantine>(
            "SELECT batch_id AS BatchId, row_number AS RowNumber, field AS Field, reason AS Reason, raw AS Raw FROM quarantine ORDER BY batch_id, row_number").ToList();
    }

    /// <summary>Invariant text of a decimal, for building rows.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
