using RemitCompare.Data;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion;

namespace RemitCompare.Benchmarks;

/// <summary>A snapshot built from the embedded default data in a throwaway SQLite file.</summary>
public static class BenchData
{
    /// <summary>Builds the default-data snapshot.</summary>
    public static Snapshot DefaultSnapshot()
    {
        var directory = Directory.CreateTempSubdirectory("remitcompare-bench-");
        var store = new SqliteStore(Path.Combine(directory.FullName, "bench.db"));
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System);
        return new SnapshotBuilder(store, new SnapshotOptions()).Build();
    }
}
