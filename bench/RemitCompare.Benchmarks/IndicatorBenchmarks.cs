using BenchmarkDotNet.Attributes;
using RemitCompare.Data;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Indicators;
using RemitCompare.Ingestion;

namespace RemitCompare.Benchmarks;

/// <summary>
/// RPW indicators for a full quarter of the global survey: about 370 corridors and 8,000 rows, drawn from the real
/// East Africa rows' distributions (total costs, firm types, speeds, payout methods; 5 % undisclosed), with flows
/// for most corridors. Target: under 100 ms for everything a quarter's global answer needs.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IndicatorBenchmarks
{
    private const int Corridors = 370;
    private const int Rows = 8_000;
    private List<SurveyObservation> _rows = [];
    private Dictionary<string, decimal> _flows = [];

    [GlobalSetup]
    public void Generate()
    {
        var directory = Directory.CreateTempSubdirectory("remitcompare-bench-");
        var store = new SqliteStore(Path.Combine(directory.FullName, "bench.db"));
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System);
        var real = new SurveyRowStore(store).Observations(new SurveyQuery());
        var random = new Random(20250930);
        var countries = new[] { "USA", "GBR", "DEU", "FRA", "ESP", "ITA", "ARE", "SAU", "RUS", "JPN", "KOR", "AUS", "CAN", "ZAF", "KEN", "TZA", "UGA", "RWA" };
        var receivers = new[] { "MEX", "IND", "PHL", "CHN", "PAK", "BGD", "NGA", "EGY", "VNM", "GTM", "KEN", "UGA", "TZA", "MAR", "SEN", "GHA", "NPL", "LKA", "COL", "BRA", "HTI", "JAM" };
        var pairs = countries.SelectMany(f => receivers.Where(t => t != f).Select(t => (f, t))).OrderBy(_ => random.Next()).Take(Corridors).ToArray();
        _rows = Enumerable.Range(0, Rows).Select(i =>
        {
            var (from, to) = pairs[i % Corridors];
            var like = real[random.Next(real.Count)];
            return like with { ObservationId = i, From = from, To = to, Period = "2025Q3", Transparent = random.NextDouble() >= 0.05 };
        }).ToList();
        _flows = pairs.Where(_ => random.NextDouble() < 0.9).ToDictionary(p => p.f + "-" + p.t, _ => (decimal)random.Next(1, 50_000));
    }

    /// <summary>Baseline: only the corridor simple means over transparent rows, the least any indicator needs.</summary>
    [Benchmark(Baseline = true)]
    public int CorridorMeansOnly() =>
        _rows.Where(r => r.Averaged).GroupBy(r => (r.From, r.To)).Select(g => g.Average(r => r.Cc1TotalCostPct!.Value)).Count();

    /// <summary>Every corridor's averages, SmaRT and provenance.</summary>
    [Benchmark]
    public int CorridorIndicators() => RpwMethodology.Corridors(_rows).Count;

    /// <summary>The whole quarter: corridors, global and weighted averages, SmaRT, SDG status and breakdowns.</summary>
    [Benchmark]
    public int FullQuarter() => RpwMethodology.Global("2025Q3", _rows, _flows).Breakdowns.Count;
}
