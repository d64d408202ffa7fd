using RemitCompare.Data;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Benchmarks;

/// <summary>Snapshots and stores for the benchmarks, in throwaway SQLite files.</summary>
public static class BenchData
{
    /// <summary>Builds the default-data snapshot.</summary>
    public static Snapshot DefaultSnapshot()
    {
        var store = NewStore();
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System);
        return new SnapshotBuilder(store, new SnapshotOptions()).Build();
    }

    /// <summary>A migrated store with the reference lists and the default ECB rates, holding a synthetic survey.</summary>
    public static SqliteStore SyntheticStore(int services, int quarters)
    {
        var store = ReferenceStore();
        var summary = new Ingestor(store, TimeProvider.System).Ingest(FileSource.Rpw, new Payload("synthetic.csv", SyntheticSurvey.Bytes(services, quarters)));
        if (summary.Quarantine.Count > 0) throw new InvalidOperationException($"synthetic rows quarantined: {summary.Quarantine[0].Reason}");
        return store;
    }

    /// <summary>The snapshot of a synthetic survey.</summary>
    public static Snapshot SyntheticSnapshot(int services, int quarters) =>
        new SnapshotBuilder(SyntheticStore(services, quarters), new SnapshotOptions()).Build();

    /// <summary>A migrated store with the reference lists and the default ECB rates, and no survey.</summary>
    public static SqliteStore ReferenceStore()
    {
        var store = NewStore();
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false);
        var ingestor = new Ingestor(store, TimeProvider.System);
        ingestor.Ingest(FileSource.Ecb, DefaultDataSet.Open("ecb/eurofxref-hist-2023q4-2026q1.csv"));
        return store;
    }

    private static SqliteStore NewStore()
    {
        var directory = Directory.CreateTempSubdirectory("remitcompare-bench-");
        return new SqliteStore(Path.Combine(directory.FullName, "bench.db"));
    }
}
