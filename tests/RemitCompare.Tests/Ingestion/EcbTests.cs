using System.Globalization;
using Dapper;
using RemitCompare.Data.Snapshots;
using RemitCompare.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>ECB euro reference rates: the history CSV and the daily XML envelope, and cross rates through EUR.</summary>
public sealed class EcbTests
{
    private static readonly string HistoryCsv = RepoFiles.Data("ecb/eurofxref-hist-2023q4-2026q1.csv");
    private static readonly string DailyXml = RepoFiles.Data("ecb/eurofxref-daily.xml");
    private static readonly DateOnly May9 = new(2025, 5, 9);

    [Test]
    public void History_csv_stores_every_quoted_cell_and_skips_N_A()
    {
        using var store = TempStore.WithReferenceData();
        var lines = File.ReadAllLines(HistoryCsv);
        Assert.That(lines, Is.All.EndsWith(","), "the file's trailing comma");
        var quoted = lines.Skip(1).Sum(l => l.Split(',')[1..^1].Count(cell => cell != "N/A"));
        var summary = store.IngestFile(FileSource.Ecb, HistoryCsv);
        Assert.That((summary.Layout, summary.Accepted, summary.Quarantine.Count), Is.EqualTo(("ecb-csv", quoted, 0)));
        Assert.That(store.Store.Count("reference_rates"), Is.EqualTo(quoted));
    }

    [Test]
    public void History_csv_trailing_comma_adds_no_currency()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Ecb, HistoryCsv);
        var lines = File.ReadAllLines(HistoryCsv);
        var header = lines[0].Split(',');
        var expected = Enumerable.Range(1, header.Length - 2).Where(i => lines.Skip(1).Any(l => l.Split(',')[i] != "N/A")).Select(i => header[i]);
        using var connection = store.Store.Open();
        var stored = connection.Query<string>("SELECT DISTINCT quote FROM reference_rates");
        Assert.That(stored, Is.EquivalentTo(expected));
    }

    [Test]
    public void History_csv_rates_are_stored_as_published_from_newest_to_oldest()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Ecb, HistoryCsv);
        var lines = File.ReadAllLines(HistoryCsv);
        using var connection = store.Store.Open();
        var rates = connection.Query<(string Date, string Quote, string Rate)>("SELECT rate_date, quote, rate FROM reference_rates WHERE quote IN ('GBP', 'IDR')")
            .ToDictionary(r => (r.Date, r.Quote), r => r.Rate);
        Assert.That((rates[("2026-03-05", "GBP")], rates[("2026-03-05", "IDR")]), Is.EqualTo(("0.8695", "19644.7")));
        var (newest, oldest) = (lines[1][..10], lines[^1][..10]);
        Assert.That(rates.Keys.Select(k => k.Date).Distinct().Count(), Is.EqualTo(lines.Length - 1));
        Assert.That((rates.Keys.Max(k => k.Date), rates.Keys.Min(k => k.Date)), Is.EqualTo((newest, oldest)));
    }

    [Test]
    public void Bad_cell_is_quarantined_and_the_rest_of_its_row_is_kept()
    {
        using var store = TempStore.WithReferenceData();
        var lines = File.ReadAllLines(HistoryCsv).Take(4).ToArray();
        lines[2] = lines[2].Replace(",0.8705,", ",0.87O5,", StringComparison.Ordinal);
        var summary = store.Ingest(FileSource.Ecb, string.Join('\n', lines) + "\n", "eurofxref-hist.csv");
        var quarantined = store.Store.Quarantine().Single();
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((3L, "GBP")));
        Assert.That(quarantined.Reason, Does.Contain("'0.87O5'"));
        using var connection = store.Store.Open();
        var day = connection.Query<string>("SELECT quote FROM reference_rates WHERE rate_date = '2026-03-04'").ToList();
        Assert.That(day, Has.Count.EqualTo(28).And.Contains("USD").And.Not.Contains("GBP"));
        Assert.That(summary.Accepted, Is.EqualTo((3 * 29) - 1));
    }

    [Test]
    public void Bad_date_quarantines_its_row()
    {
        using var store = TempStore.WithReferenceData();
        var lines = File.ReadAllLines(HistoryCsv).Take(4).ToArray();
        lines[2] = "04/03/2026" + lines[2][10..];
        var summary = store.Ingest(FileSource.Ecb, string.Join('\n', lines) + "\n", "eurofxref-hist.csv");
        Assert.That(store.Store.Quarantine().Select(q => (q.RowNumber, q.Field)), Is.EqualTo(new[] { (3L, "Date") }));
        Assert.That(summary.Accepted, Is.EqualTo(2 * 29));
    }

    [Test]
    public void Daily_xml_stores_its_30_rates_with_trailing_zeros_kept()
    {
        using var store = TempStore.WithReferenceData();
        var summary = store.IngestFile(FileSource.Ecb, DailyXml);
        Assert.That((summary.Layout, summary.Accepted, summary.Quarantine.Count), Is.EqualTo(("ecb-xml", 30, 0)));
        using var connection = store.Store.Open();
        var rates = connection.Query<(string Date, string Quote, string Rate)>("SELECT rate_date, quote, rate FROM reference_rates").ToList();
        Assert.That(rates.Select(r => r.Date), Is.All.EqualTo("2025-05-09"));
        Assert.That(rates.Where(r => r.Quote is "GBP" or "HUF").Select(r => r.Rate).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "0.84770", "404.90" }));
    }

    [Test]
    public void Daily_xml_rates_equal_the_history_row_of_the_same_day()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Ecb, DailyXml);
        var lines = File.ReadAllLines(HistoryCsv);
        var header = lines[0].Split(',');
        var row = lines.Single(l => l.StartsWith("2025-05-09,", StringComparison.Ordinal)).Split(',');
        var expected = Enumerable.Range(1, header.Length - 2).Where(i => row[i] != "N/A")
            .ToDictionary(i => header[i], i => decimal.Parse(row[i], CultureInfo.InvariantCulture));
        using var connection = store.Store.Open();
        var stored = connection.Query<(string Quote, string Rate)>("SELECT quote, rate FROM reference_rates")
            .ToDictionary(r => r.Quote, r => decimal.Parse(r.Rate, CultureInfo.InvariantCulture));
        Assert.That(stored, Is.EquivalentTo(expected).And.Count.EqualTo(30));
    }

    [Test]
    public void Xml_cell_with_a_bad_rate_is_quarantined_and_the_others_kept()
    {
        using var store = TempStore.WithReferenceData();
        var xml = File.ReadAllText(DailyXml).Replace("rate='163.36'", "rate='16336 JPY'", StringComparison.Ordinal);
        var summary = store.Ingest(FileSource.Ecb, xml, "eurofxref-daily.xml");
        Assert.That(store.Store.Quarantine().Select(q => q.Field), Is.EqualTo(new[] { "JPY" }));
        Assert.That(summary.Accepted, Is.EqualTo(29));
    }

    [Test]
    public void Snapshot_builds_from_a_store_that_holds_rates_but_no_quotes()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Ecb, DailyXml);
        var snapshot = new SnapshotBuilder(store.Store, new SnapshotOptions()).Build();
        Assert.That((snapshot.Corridors.Count, snapshot.Providers.Count, snapshot.Rates.EcbCurrencies.Count()), Is.EqualTo((0, 0, 31)));
    }

    [Test]
    public void Snapshot_crosses_rates_through_EUR()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Ecb, DailyXml);
        var rates = new SnapshotBuilder(store.Store, new SnapshotOptions()).Build().Rates;
        var usdGbp = rates.Resolve("USD", "GBP", May9);
        Assert.That(usdGbp, Is.Not.Null);
        Assert.That((usdGbp!.Rate, usdGbp.Source, usdGbp.At), Is.EqualTo((0.84770m / 1.1252m, "ecb", May9)));
    }

    [Test]
    public void Snapshot_uses_the_last_rate_at_or_before_a_day_without_one()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestFile(FileSource.Ecb, HistoryCsv);
        var rates = new SnapshotBuilder(store.Store, new SnapshotOptions()).Build().Rates;
        var sunday = rates.Resolve("EUR", "USD", new DateOnly(2025, 5, 11));
        Assert.That((sunday?.Rate, sunday?.At), Is.EqualTo(((decimal?)1.1252m, (DateOnly?)May9)));
    }
}
