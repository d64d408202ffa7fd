using System.Globalization;
using System.Text.Json;
using RemitCompare.Cli;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Indicators;

/// <summary>The command line: <c>ingest flows</c> and <c>indicators</c> in its three formats.</summary>
[Category("SqliteOnly")] // the command line is pointed at a store file with --db
public sealed class IndicatorsCliTests
{
    private TempStore _store = null!;

    [OneTimeSetUp]
    public void Fill()
    {
        _store = TempStore.Empty();
        Assert.That(Invoke("ingest", "rpw", RepoFiles.RpwSample, "--db", _store.Path).ExitCode, Is.Zero);
        Assert.That(Invoke("ingest", "flows", RepoFiles.Data("knomad/bilateral_remittance_2021_subset.csv"), "--db", _store.Path).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public void Dispose() => _store.Dispose();

    private static (int ExitCode, string Output, string Errors) Invoke(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Build(output, errors).Parse(args).Invoke();
        return (exitCode, output.ToString(), errors.ToString());
    }

    [Test]
    public void Csv_format_gives_each_corridor_average_of_the_period()
    {
        var expected = IndicatorData.Expected(RpwFile.Rows);

        var (exitCode, output, _) = Invoke("indicators", "--period", "2024Q2", "--format", "csv", "--db", _store.Path);

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.That(exitCode, Is.Zero);
        Assert.That(lines[0], Is.EqualTo("from,to,period,services,transparentServices,cc1AvgTotalCostPct,cc2AvgTotalCostPct,smartPct"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0] + "-" + f[1], f[2]), f => decimal.Parse(f[5], CultureInfo.InvariantCulture)),
            Is.EquivalentTo(expected.Where(e => e.Key.Period == "2024Q2").ToDictionary(e => e.Key, e => Math.Round(e.Value.Cc1, 4))));
    }

    [Test]
    public void Json_format_carries_the_global_weighted_average_from_the_ingested_flows()
    {
        var (exitCode, output, _) = Invoke("indicators", "--format", "json", "--db", _store.Path);

        var root = JsonSerializer.Deserialize<JsonElement>(output);
        Assert.That(exitCode, Is.Zero);
        Assert.That(root.GetProperty("period").GetString(), Is.EqualTo("2025Q3"));
        Assert.That(root.GetProperty("globalWeightedAveragePct").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(root.GetProperty("corridors").GetArrayLength(), Is.EqualTo(8));
    }

    [Test]
    public void Table_format_ends_with_the_global_figures_and_sdg_status()
    {
        var (_, output, _) = Invoke("indicators", "--period", "2025_3Q", "--db", _store.Path);

        Assert.That(output, Does.Contain("KEN-UGA   2025Q3").And.Contain("global average ").And.Contain("SDG 10.c: global average below 3 %: no"));
    }

    [Test]
    public void A_bad_period_exits_2_and_a_period_not_held_exits_1()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Invoke("indicators", "--period", "2025Q9", "--db", _store.Path), Is.EqualTo((2, "", "error: --period '2025Q9' is not a quarter (use 2025Q3)\n")));
            Assert.That(Invoke("indicators", "--period", "2011Q1", "--db", _store.Path), Is.EqualTo((1, "", "error: no survey rows are held for 2011Q1\n")));
        }
    }

    [Test]
    public void Ingest_flows_reads_the_published_matrix_workbook()
    {
        var matrix = RepoFiles.SharedOrIgnore("knomad/bilateral_remittance_matrix_2021.xlsx");
        using var store = TempStore.Empty();

        var (exitCode, output, _) = Invoke("ingest", "flows", matrix, "--db", store.Path);

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("(knomad-matrix)").And.Contain("accepted         10227"));
    }
}
