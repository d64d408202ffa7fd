using System.Globalization;
using RemitCompare.Data.Flows;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Indicators;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;
using Sylvan.Data.Csv;

namespace RemitCompare.Tests.Indicators;

/// <summary>The World Bank's workbooks are ingested as published: the RPW dataset and the KNOMAD flows matrix.</summary>
public sealed class WorkbookIngestionTests
{
    private static List<string[]> CsvRows(string text)
    {
        using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.RowFieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    private static Dictionary<string, decimal> LongCsv(string path) =>
        CsvRows(File.ReadAllText(path)).Skip(1)
            .ToDictionary(f => f[0] + "-" + f[2], f => decimal.Parse(f[^1], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [Test]
    public void An_rpw_workbook_gives_the_same_indicators_as_the_same_rows_in_csv()
    {
        var rows = CsvRows(RpwFile.Write(IndicatorData.All, RpwLayoutKind.WorldBank42));
        var workbook = XlsxFile.Write("Dataset (from Q2 2016)", new[] { new[] { "Remittance Prices Worldwide" } }.Concat(rows).ToList());
        using var fromXlsx = TempStore.WithReferenceData();
        using var fromCsv = TempStore.WithReferenceData();

        var summary = new Ingestor(fromXlsx.Store, TimeProvider.System).Ingest(FileSource.Rpw, new Payload("rpw.xlsx", workbook));
        fromCsv.IngestRpw(RpwFile.Write(IndicatorData.All, RpwLayoutKind.WorldBank42));

        Assert.That(summary.Layout, Is.EqualTo("worldbank-42"));
        Assert.That(Indicators(fromXlsx), Is.EqualTo(Indicators(fromCsv)));
    }

    [Test]
    public void A_workbook_that_is_not_rpw_is_refused_and_nothing_is_stored()
    {
        using var store = TempStore.WithReferenceData();
        var workbook = XlsxFile.Write("Sheet1", [["name", "value"], ["a", "1"]]);

        Assert.That(() => new Ingestor(store.Store, TimeProvider.System).Ingest(FileSource.Rpw, new Payload("x.xlsx", workbook)),
            Throws.InstanceOf<IngestionException>().With.Message.Contains("period"));
        Assert.That(store.Store.Count("batches"), Is.Zero);
    }

    [Test]
    public void The_flows_subset_in_data_is_ingested_as_the_weights_in_force()
    {
        using var store = TempStore.WithReferenceData();
        var path = RepoFiles.Data("knomad/bilateral_remittance_2021_subset.csv");

        var summary = store.IngestFile(FileSource.Flows, path);

        Assert.That(summary.Quarantine, Is.Empty);
        Assert.That(new FlowStore(store.Store).Weights(FlowStore.Cutoff(null)), Is.EquivalentTo(LongCsv(path)));
    }

    [Test]
    public void The_published_flows_matrix_maps_every_world_bank_name_and_equals_the_long_table()
    {
        var matrix = RepoFiles.SharedOrIgnore("knomad/bilateral_remittance_matrix_2021.xlsx");
        var longTable = LongCsv(RepoFiles.SharedOrIgnore("knomad/bilateral_remittance_matrix_2021_long.csv"));
        using var store = TempStore.WithReferenceData();

        var summary = store.IngestFile(FileSource.Flows, matrix);
        var weights = new FlowStore(store.Store).Weights(FlowStore.Cutoff(null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Layout, Is.EqualTo("knomad-matrix"));
            Assert.That(summary.Quarantine.Select(q => q.Reason), Is.Empty);
            Assert.That(weights.Keys, Is.EquivalentTo(longTable.Keys));
            Assert.That(weights.Where(w => Math.Abs(w.Value - longTable[w.Key]) > 0.000001m).Select(w => w.Key), Is.Empty);
            Assert.That(weights["USA-MEX"], Is.EqualTo(52595.342546m));
        }
    }

    [Test]
    public void Flow_rows_with_unknown_countries_or_bad_numbers_are_quarantined_and_the_rest_kept()
    {
        using var store = TempStore.WithReferenceData();
        const string text = "sender_iso3,sender_name,receiver_iso3,receiver_name,usd_million_2021\nKEN,Kenya,UGA,Uganda,321.5\nXXQ,Nowhere,UGA,Uganda,3\nKEN,Kenya,TZA,Tanzania,-4\nTZA,Tanzania,KEN,Kenya,lots\n";

        var summary = store.Ingest(FileSource.Flows, text, "flows_2021.csv");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Quarantine.Select(q => (q.RowNumber, q.Field)), Is.EqualTo(new[] { (3, (string?)"sender"), (4, "usd_million"), (5, "usd_million") }));
            Assert.That(new FlowStore(store.Store).Weights(FlowStore.Cutoff(null)), Is.EquivalentTo(new Dictionary<string, decimal> { ["KEN-UGA"] = 321.5m }));
        }
    }

    private static List<CorridorIndicator> Indicators(TempStore store) =>
        RpwMethodology.Corridors(new SurveyRowStore(store.Store).Observations(new SurveyQuery()))
            .Select(i => i with { Batches = [] }).ToList();
}
