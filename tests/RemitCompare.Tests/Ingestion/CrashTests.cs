using System.Text;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>
/// A crash mid-batch leaves the store as it was: the real CLI is killed while its one write transaction is open,
/// and the store must open, pass its integrity check and hold exactly what it held before.
/// </summary>
[Category("SqliteOnly")] // kills a process writing the SQLite file, then checks the file
public sealed class CrashTests
{
    private const int BigFileRows = 60_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private DirectoryInfo _folder = null!;
    private string _bigFile = null!;

    [OneTimeSetUp]
    public void WriteBigFile()
    {
        _folder = Directory.CreateTempSubdirectory("remitcompare-big-");
        _bigFile = Path.Combine(_folder.FullName, "BIG.csv");
        // The real rows over and over, each copy under its own firm name so that every row is new to the store.
        var rows = Enumerable.Range(0, BigFileRows).Select(i =>
        {
            var row = RpwFile.Rows[i % RpwFile.Rows.Count];
            return row.With(("FIRM", $"{row["FIRM"]} #{i / RpwFile.Rows.Count:D3}"));
        });
        File.WriteAllText(_bigFile, RpwFile.Write(rows, RpwLayoutKind.Cleaned30), new UTF8Encoding(false));
    }

    [OneTimeTearDown]
    public void DeleteBigFile() => _folder.Delete(recursive: true);

    [TestCase(10_000)]
    [TestCase(20_000)]
    [TestCase(40_000)]
    public void Killing_the_CLI_mid_batch_leaves_the_store_as_it_was(int killAfter)
    {
        using var store = TempStore.WithDefaultData();
        var before = store.Store.TableCounts();
        Assert.That(before["quote_observations"], Is.GreaterThan(0));

        using var cli = CliProcess.Start(["ingest", "rpw", _bigFile, "--db", store.Path], store.Directory);
        var reached = cli.WaitForErrorLine($"writing: {killAfter} rows", Patience);
        cli.Kill();
        Assert.That(cli.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "the killed CLI did not exit");
        Assert.That(reached, Is.True, $"stderr never showed 'writing: {killAfter} rows' (exit code {cli.ExitCode}):\n{cli.Errors}");
        Assert.That(cli.ExitCode, Is.Not.Zero,
            $"the CLI finished the batch before it could be killed at {killAfter} rows: make the file bigger than {BigFileRows} rows\n{cli.Output}");

        Assert.That(store.Sqlite.IntegrityCheck(), Is.EqualTo("ok"));
        Assert.That(store.Store.TableCounts().ToList(), Is.EqualTo(before.ToList()));
    }
}
