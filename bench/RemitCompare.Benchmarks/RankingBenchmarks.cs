using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using RemitCompare.Reference;

namespace RemitCompare.Benchmarks;

/// <summary>
/// Ranking one corridor at a new amount: KEN → UGA from the default data, and GBR → KEN from the synthetic global
/// survey (25 services). Baseline per mode: the straightforward reference pricing and ranking
/// (<see cref="ReferenceRanking"/>, what the service ran before the per-corridor terms), in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RankingBenchmarks
{
    private CorridorSnapshot _corridor = null!;
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
        _corridor = snapshot.Corridors[Corridor];
        _quotes = _corridor.Quotes;
        var send = _quotes[0].SendCurrency;
        var payout = _quotes.First(q => q.PayoutCurrency.Code == _corridor.To.CurrencyCode).PayoutCurrency;
        var now = DateTimeOffset.UtcNow;
        (_sendBase, _receiveBase) = Corridor == "KEN-UGA" ? (10_000m, 500_000m) : (200m, 25_000m);
        _send = new RankingRequest(CompareMode.Send, _sendBase, send, null, payout.Code, now) { IncludeStale = true };
        _receive = new RankingRequest(CompareMode.Receive, _receiveBase, send, payout, payout.Code, now) { IncludeStale = true };
    }

    [Benchmark(Baseline = true), BenchmarkCategory("send")]
    public int ReferenceRankSendMode() => ReferenceRanking.Rank(_quotes, _send with { Amount = _sendBase + (_amount += 1m) }).Offers.Count;

    [Benchmark, BenchmarkCategory("send")]
    public decimal ReferencePriceEveryService()
    {
        var amount = _sendBase + (_amount += 1m);
        var sum = 0m;
        for (var i = 0; i < _quotes.Count; i++) sum += ReferenceRanking.Price(_quotes[i], amount)?.Fee ?? 0m;
        return sum;
    }

    [Benchmark, BenchmarkCategory("send")]
    public int RankSendMode() => Ranker.Rank(_corridor, _send with { Amount = _sendBase + (_amount += 1m) }).Offers.Count;

    [Benchmark(Baseline = true), BenchmarkCategory("receive")]
    public int ReferenceRankReceiveMode() => ReferenceRanking.Rank(_quotes, _receive with { Amount = _receiveBase + (_amount += 1m) }).Offers.Count;

    [Benchmark, BenchmarkCategory("receive")]
    public int RankReceiveMode() => Ranker.Rank(_corridor, _receive with { Amount = _receiveBase + (_amount += 1m) }).Offers.Count;
}
