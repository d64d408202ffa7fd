using System.Globalization;
using RemitCompare.Cli;
using RemitCompare.Tests.Support;
using static RemitCompare.Tests.Ingestion.CliSummary;

namespace RemitCompare.Tests.Ingestion;

/// <summary>The <c>remitcompare ingest</c> command: its summary, its exit codes and where it finds the store.</summary>
[Category("SqliteOnly")] // the command line is pointed at a store file with --db
public sealed class CliTests
{
    [Test]
    public void Ingest_rpw_prints_rows_read_accepted_quarantined_and_duration_and_exits_0()
    {
        using var store = TempStore.Empty();
        var (exitCode, output, _) = Invoke("ingest", "rpw", RepoFiles.RpwSample, "--db", store.Path);
        Assert.That(exitCode, Is.Zero);
        var observations = store.Store.Count("quote_observations");
        var quarantined = store.Store.Count("quarantine");
        Assert.That(Figure(output, "rows read"), Is.EqualTo(RpwFile.Rows.Count.ToString(CultureInfo.InvariantCulture)));
        Assert.That(Figure(output, "accepted"), Is.EqualTo(observations.ToString(CultureInfo.InvariantCulture)));
        Assert.That(Figure(output, "quarantined"), Is.EqualTo(quarantined.ToString(CultureInfo.InvariantCulture)));
        Assert.That(Figure(output, "duration"), Does.Match(@"^\d+\.\d\d s$"));
        Assert.That(observations, Is.GreaterThan(400));
    }

    [Test]
    public void Ingest_of_a_file_already_ingested_says_so_and_exits_0()
    {
        using var store = TempStore.Empty();
        Invoke("ingest", "rpw", RepoFiles.RpwSample, "--db", store.Path);
        var (exitCode, output, _) = Invoke("ingest", "rpw", RepoFiles.RpwSample, "--db", store.Path);
        Assert.That((exitCode, output), Is.EqualTo((0, "rpw_east_africa_2024_2025.csv: already ingested as batch 1; nothing added.\n")));
    }

    [Test]
    public void Missing_file_exits_2_without_creating_a_store()
    {
        using var store = TempStore.Empty();
        var missing = store.File("no-such.csv");
        var (exitCode, _, errors) = Invoke("ingest", "rpw", missing, "--db", store.Path);
        Assert.That((exitCode, errors), Is.EqualTo((2, $"error: no such file: {missing}\n")));
        Assert.That(File.Exists(store.Path), Is.False);
    }

    [Test]
    public void File_that_is_not_RPW_exits_1_and_stores_nothing()
    {
        using var store = TempStore.Empty();
        var (exitCode, _, errors) = Invoke("ingest", "rpw", RepoFiles.Data("ecb/eurofxref-daily.xml"), "--db", store.Path);
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(errors, Does.StartWith("error: Not an RPW file").And.EndWith("Nothing was stored.\n"));
        Assert.That((store.Store.Count("batches"), store.Store.Count("quote_observations"), store.Store.Count("quarantine")), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public void Ingest_ecb_stores_the_daily_rates()
    {
        using var store = TempStore.Empty();
        var (exitCode, output, _) = Invoke("ingest", "ecb", RepoFiles.Data("ecb/eurofxref-daily.xml"), "--db", store.Path);
        Assert.That((exitCode, Figure(output, "accepted")), Is.EqualTo((0, "30")));
        Assert.That(store.Store.Count("reference_rates"), Is.EqualTo(30));
    }

    private static (int ExitCode, string Output, string Errors) Invoke(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Build(output, errors).Parse(args).Invoke();
        return (exitCode, output.ToString(), errors.ToString());
    }
}
