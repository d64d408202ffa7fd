using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using RemitCompare.Data;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Benchmarks;

/// <summary>
/// A quarter of the synthetic global survey (8,360 RPW rows) into a fresh SQLite store, every row validated,
/// against the <c>sqlite3</c> shell's <c>.import</c> of the same file into a plain table (baseline, no validation).
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private const int Services = 22;
    private string _folder = "";
    private string _template = "";
    private string _csv = "";
    private Payload _payload = null!;
    private int _run;
    private string _target = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("remitcompare-ingest-").FullName;
        var reference = BenchData.ReferenceStore();
        _template = Path.Combine(_folder, "template.db");
        using (var connection = reference.Open())
        using (var vacuum = connection.CreateCommand())
        {
            // One self-contained file (no write-ahead log beside it) to copy for every run.
            vacuum.CommandText = $"VACUUM INTO '{_template}'";
            vacuum.ExecuteNonQuery();
        }
        var bytes = SyntheticSurvey.Bytes(Services, 1);
        _csv = Path.Combine(_folder, "quarter.csv");
        File.WriteAllBytes(_csv, bytes);
        _payload = new Payload("quarter.csv", bytes);
    }

    [IterationSetup]
    public void FreshStore()
    {
        _target = Path.Combine(_folder, $"run-{_run++}.db");
        File.Copy(_template, _target);
    }

    [Benchmark(Baseline = true)]
    public int Sqlite3ShellImport()
    {
        using var shell = Process.Start(new ProcessStartInfo("sqlite3", [_target, ".mode csv", $".import {_csv} rpw_import"])
        {
            RedirectStandardError = true,
        })!;
        shell.WaitForExit();
        return shell.ExitCode == 0 ? 0 : throw new InvalidOperationException(shell.StandardError.ReadToEnd());
    }

    [Benchmark]
    public int IngestRpw()
    {
        var summary = new Ingestor(new SqliteStore(_target), TimeProvider.System).Ingest(FileSource.Rpw, _payload);
        return summary.Accepted;
    }

    [IterationCleanup]
    public void RemoveStore()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_folder, "run-*")) File.Delete(file);
    }
}
