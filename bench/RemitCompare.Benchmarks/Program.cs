using BenchmarkDotNet.Running;

namespace RemitCompare.Benchmarks;

internal static class EntryPoint
{
    private static void Main(string[] args)
    {
        // `survey SERVICES QUARTERS FILE` writes a synthetic survey file for the load and cold-start scripts.
        if (args is ["survey", var services, var quarters, var file])
        {
            using var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 16);
            SyntheticSurvey.Write(writer, int.Parse(services, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(quarters, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(EntryPoint).Assembly).Run(args);
    }
}
