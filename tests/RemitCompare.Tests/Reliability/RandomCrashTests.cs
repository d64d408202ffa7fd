using System.Text;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Reliability;

/// <summary>
/// The CLI is killed (SIGKILL) many times at random moments of an ingestion batch, on the same store: after every
/// kill the store opens, passes <c>PRAGMA integrity_check</c>, and holds each batch whole or not at all.
/// </summary>
[Category("SqliteOnly")] // kills a process writing the SQLite file, then checks the file
public sealed class RandomCrashTests
{
    private const int Kills = 8;
    private const int RowsPerFile = 12_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public void Kills_at_random_points_never_leave_a_partial_batch_or_a_damaged_file()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var store = TempStore.WithDefaultData();
        var killedMidWrite = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var file = store.File($"crash-{kill}.csv");
            var rows = Enumerable.Range(0, RowsPerFile).Select(i =>
            {
                var row = RpwFile.Rows[i % RpwFile.Rows.Count];
                return row.With(("FIRM", $"{row["FIRM"]} k{kill} #{i / RpwFile.Rows.Count:D3}"));
            });
            File.WriteAllText(file, RpwFile.Write(rows, RpwLayoutKind.Cleaned30), new UTF8Encoding(false));
            var before = store.Store.TableCounts();

            using var cli = CliProcess.Start(["ingest", "rpw", file, "--db", store.Path], store.Directory);
            Assert.That(cli.WaitForErrorLine($"parsing: {RowsPerFile} rows", Patience), Is.True, $"the CLI never finished parsing (seed {seed}):\n{cli.Errors}");
            Thread.Sleep(random.Next(0, 2500));
            cli.Kill();
            Assert.That(cli.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "the killed CLI did not exit");
            if (cli.ExitCode != 0) killedMidWrite++;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(store.Sqlite.IntegrityCheck(), Is.EqualTo("ok"), $"kill {kill}, seed {seed}");
                Assert.That(store.Store.PartialBatches(), Is.Empty, $"kill {kill}, seed {seed}");
                var after = store.Store.TableCounts();
                if (after["batches"] == before["batches"]) Assert.That(after, Is.EqualTo(before), $"no batch, yet rows changed (kill {kill}, seed {seed})");
                else Assert.That(after["batches"], Is.EqualTo(before["batches"] + 1));
            }
        }
        Assert.That(killedMidWrite, Is.GreaterThan(0), $"every run finished before its kill (seed {seed}): the files are too small to crash anything");
    }
}
