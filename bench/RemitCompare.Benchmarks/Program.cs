using BenchmarkDotNet.Running;

namespace RemitCompare.Benchmarks;

internal static class EntryPoint
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(EntryPoint).Assembly).Run(args);
}
