using BenchmarkDotNet.Attributes;
using RemitCompare.Data;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Benchmarks;

/// <summary>Building the snapshot of a full quarter of the (synthetic) global survey: 380 corridors, 8,360 quotes.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private SnapshotBuilder _builder = null!;

    [GlobalSetup]
    public void Setup()
    {
        SqliteStore store = BenchData.SyntheticStore(22, 1);
        _builder = new SnapshotBuilder(store, new SnapshotOptions());
        var snapshot = _builder.Build();
        Console.WriteLine($"// snapshot: {snapshot.Corridors.Count} corridors, {snapshot.Corridors.Values.Sum(c => c.Quotes.Count)} quotes");
    }

    [Benchmark]
    public Snapshot BuildQuarter() => _builder.Build();
}
