using BenchmarkDotNet.Attributes;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;

namespace RemitCompare.Benchmarks;

/// <summary>
/// Ranking one corridor at a new amount: KEN → UGA from the default data, and GBR → KEN from the synthetic global
/// survey (25 services). Baseline: pricing every service without filtering, flagging or sorting, the least work any
/// ranking must do.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private IReadOnlyList<ServiceQuote> _quotes = [];
    private RankingRequest _send = null!;
    private RankingRequest _receive = null!;
    private decimal _amount;
    private decimal _sendBase;
    private decimal _receiveBase;

    /// <summary>Which corridor is ranked.</summary>
    [Params("KEN-UGA", "GBR-KEN")]
    public string Corridor { get; set; } = "KEN-UGA";

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = Corridor == "KEN-UGA" ? BenchData.DefaultSnapshot() : BenchData.SyntheticSnapshot(25, 1);
        var corridor = snapshot.Corridors[Corridor];
        _quotes = corridor.Quotes;
        var send = _quotes[0].SendCurrency;
        var payout = _quotes.First(q => q.PayoutCurrency.Code == corridor.To.CurrencyCode).PayoutCurrency;
        var now = DateTimeOffset.UtcNow;
        (_sendBase, _receiveBase) = Corridor == "KEN-UGA" ? (10_000m, 500_000m) : (200m, 25_000m);
        _send = new RankingRequest(CompareMode.Send, _sendBase, send, null, payout.Code, now) { IncludeStale = true };
        _receive = new RankingRequest(CompareMode.Receive, _receiveBase, send, payout, payout.Code, now) { IncludeStale = true };
    }

    [Benchmark(Baseline = true)]
    public decimal PriceEveryService()
    {
        _amount += 1m;
        var sum = 0m;
        for (var i = 0; i < _quotes.Count; i++) sum += QuotePricing.Price(_quotes[i], _sendBase + _amount)?.Fee ?? 0m;
        return sum;
    }

    [Benchmark]
    public int RankSendMode() => Ranker.Rank(_quotes, _send with { Amount = _sendBase + (_amount += 1m) }).Offers.Count;

    [Benchmark]
    public int RankReceiveMode() => Ranker.Rank(_quotes, _receive with { Amount = _receiveBase + (_amount += 1m) }).Offers.Count;
}
