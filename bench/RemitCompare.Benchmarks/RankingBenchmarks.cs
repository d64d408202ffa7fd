using BenchmarkDotNet.Attributes;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;

namespace RemitCompare.Benchmarks;

/// <summary>
/// Ranking one corridor at a new amount. Baseline: pricing every service without filtering, flagging or sorting,
/// the least work any ranking must do.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private IReadOnlyList<ServiceQuote> _quotes = [];
    private RankingRequest _send = null!;
    private RankingRequest _receive = null!;
    private decimal _amount;

    [GlobalSetup]
    public void Setup()
    {
        var corridor = BenchData.DefaultSnapshot().Corridor("KEN", "UGA")!;
        _quotes = corridor.Quotes;
        var kes = _quotes[0].SendCurrency;
        var ugx = _quotes.First(q => q.PayoutCurrency.Code == "UGX").PayoutCurrency;
        var now = DateTimeOffset.UtcNow;
        _send = new RankingRequest(CompareMode.Send, 10_000m, kes, null, "UGX", now) { IncludeStale = true };
        _receive = new RankingRequest(CompareMode.Receive, 500_000m, kes, ugx, "UGX", now) { IncludeStale = true };
    }

    [Benchmark(Baseline = true)]
    public decimal PriceEveryService()
    {
        _amount += 1m;
        var sum = 0m;
        for (var i = 0; i < _quotes.Count; i++) sum += QuotePricing.Price(_quotes[i], 10_000m + _amount)?.Fee ?? 0m;
        return sum;
    }

    [Benchmark]
    public int RankSendMode() => Ranker.Rank(_quotes, _send with { Amount = 10_000m + (_amount += 1m) }).Offers.Count;

    [Benchmark]
    public int RankReceiveMode() => Ranker.Rank(_quotes, _receive with { Amount = 500_000m + (_amount += 1m) }).Offers.Count;
}
