using System.Globalization;
using CsCheck;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using RemitCompare.Domain.Services;
using RemitCompare.Reference;
using RemitCompare.Tests.Domain;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Performance;

/// <summary>
/// The ranking hot path against the straightforward reference (<see cref="ReferenceRanking"/>): for random amounts
/// and requests, on the default data and on random fee schedules, the same offers in the same order with the same
/// flags, and every amount the same decimal down to its scale (which decides the JSON text).
/// </summary>
public sealed class FastRankingTests
{
    private static readonly DateTimeOffset Now = QuoteBuilder.Now;

    [Test]
    public void Ranks_the_default_data_exactly_as_the_reference_does()
    {
        using var store = TempStore.WithDefaultData();
        var snapshot = new SnapshotBuilder(store.Store, new SnapshotOptions()).Build();
        var corridors = snapshot.Corridors.Values.Where(c => c.Quotes.Count > 0).ToArray();
        Assert.That(corridors, Is.Not.Empty);

        var cases =
            from corridor in Gen.OneOf(corridors)
            from receive in Gen.Bool
            from amount in Amount()
            from stale in Gen.Bool
            select (corridor, receive, amount, stale);
        cases.Sample(c =>
        {
            var quotes = c.corridor.Quotes;
            var send = quotes[0].SendCurrency;
            var payout = quotes[^1].PayoutCurrency;
            var request = new RankingRequest(c.receive ? CompareMode.Receive : CompareMode.Send, c.amount, send, c.receive ? payout : null,
                c.corridor.To.CurrencyCode ?? "", Now) { IncludeStale = c.stale };
            AssertSame(Ranker.Rank(c.corridor, request), ReferenceRanking.Rank(quotes, request));
        }, iter: 3000);
    }

    [Test]
    public void Ranks_random_fee_schedules_exactly_as_the_reference_does()
    {
        var cases =
            from quotes in Quote.Array[1, 30]
            from receive in Gen.Bool
            from amount in Gen.Frequency((3, Amount()), (1, Gen.OneOf(quotes.SelectMany(q => q.SenderFee.Bands).Select(b => b.From).Append(1m).ToArray())))
            from payout in Gen.OneOf(Currencies.Kes, Currencies.Usd)
            from method in Gen.Enum<PayoutMethod>().Nullable()
            from stale in Gen.Bool
            select (quotes, receive, amount, payout, method, stale);
        cases.Sample(c =>
        {
            var request = new RankingRequest(c.receive ? CompareMode.Receive : CompareMode.Send, c.amount, Currencies.Usd, c.receive ? c.payout : null, "KES", Now)
            {
                Payout = c.method,
                IncludeStale = c.stale,
            };
            AssertSame(Ranker.Rank(c.quotes, request), ReferenceRanking.Rank(c.quotes, request));
        }, iter: 3000);
    }

    private static void AssertSame(Ranking fast, Ranking reference)
    {
        Assert.That(Describe(fast), Is.EqualTo(Describe(reference)));
        for (var i = 0; i < fast.Offers.Count; i++) Assert.That(fast.Offers[i].Quote, Is.SameAs(reference.Offers[i].Quote));
    }

    /// <summary>Every field of every offer as invariant text, which keeps a decimal's scale (3.0 is not 3.00).</summary>
    private static string[] Describe(Ranking ranking) =>
        ranking.Offers.Select(o => string.Join(' ', new object?[]
            {
                o.Quote.ServiceId, o.Group, o.Flags, o.Value, o.Cost.SendAmount, o.Cost.Fee, o.Cost.SenderPays, o.Cost.FeePct,
                o.Cost.FxMarginPct, o.Cost.ReceiveFee, o.Cost.ReceiveFeePct, o.Cost.TotalCostPct, o.Cost.TotalCost,
                o.Cost.RecipientGets, o.Cost.ValueAtMidMarket,
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null")))
            .Append($"hidden {ranking.HiddenStale} out {ranking.OutOfRange} filtered {ranking.Filtered}")
            .ToArray();

    /// <summary>A positive decimal of 1 to 7 digits with 0 to 4 decimal places.</summary>
    private static Gen<decimal> Amount(int max = 9_999_999) =>
        from units in Gen.Int[1, max]
        from scale in Gen.Int[0, 4]
        select new decimal(units, 0, 0, false, (byte)scale);

    private static readonly Gen<FeeSchedule> Schedule =
        from starts in Amount(50_000).Array[0, 3]
        from closed in Gen.Bool
        from fees in Gen.Select(Amount(2_000), Amount(900), Gen.Bool, Gen.Bool).Array[4]
        from caps in Gen.Select(Amount(500).Nullable(), Amount(5_000).Nullable())
        select Bands(starts, closed, fees, caps.Item1, caps.Item2);

    private static FeeSchedule Bands(decimal[] starts, bool closed, (decimal, decimal, bool, bool)[] fees, decimal? min, decimal? max)
    {
        var bounds = starts.Prepend(0m).Distinct().Order().ToList();
        if (closed) bounds.Add(bounds[^1] + 100_000m);
        var bands = new List<FeeBand>();
        for (var i = 0; i < (closed ? bounds.Count - 1 : bounds.Count); i++)
        {
            var (fixedFee, percent, noFixed, noPercent) = fees[i % fees.Length];
            var upTo = i + 1 < bounds.Count ? bounds[i + 1] : (decimal?)null;
            // Zeros keep the scale of the number they stand for (0.00, 0.0000), which the amounts must carry through.
            bands.Add(new FeeBand(bounds[i], upTo, fixedFee / 100m * (noFixed ? 0m : 1m), percent / 100m * (noPercent ? 0m : 1m)));
        }
        if (min is not null && max is not null && min > max) (min, max) = (max, min);
        return FeeSchedule.Create(bands, min / 100m, max / 100m);
    }

    private static readonly Gen<ServiceQuote> Quote =
        from id in Gen.Long[1, 1_000_000]
        from payout in Gen.OneOf(Currencies.Kes, Currencies.Kes, Currencies.Usd)
        from fee in Schedule
        from receiveFee in Gen.Frequency((3, Gen.Const((FeeSchedule?)null)), (1, Schedule.Select(s => (FeeSchedule?)s)))
        from deducted in Gen.Bool
        from rate in Gen.OneOf<decimal?>(128m, 129.5m, 130m, 130.00m, 127.125m, 1m, 0.99m, 1.0000m, null)
        from mid in Gen.OneOf<decimal?>(130m, 130.00m, 129.87654321m, 1m, 0m, null)
        from midDay in Gen.Int[0, 2]
        from flags in Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool)
        from speed in Gen.Enum<Speed>().Nullable()
        from surveyed in Gen.Select(Amount(10_000), Amount(10_000)).Nullable()
        select QuoteBuilder.UsdToKes(id) with
        {
            PayoutCurrency = payout,
            Payout = (PayoutMethod)(id % 3),
            SenderFee = fee,
            ReceiveFee = receiveFee,
            Placement = deducted ? FeePlacement.Deducted : FeePlacement.OnTop,
            Rate = payout == Currencies.Usd && rate is > 2m ? 1m : rate,
            MidMarket = mid is { } m ? new MidMarketRate(payout == Currencies.Usd && m > 2m ? 1m : m, "ecb", new DateOnly(2025, 8, 12 + midDay)) : null,
            Promotion = flags.Item1,
            Superseded = flags.Item2 && flags.Item3,
            StaleAfter = flags.Item3 ? Now.AddHours(-1) : null,
            StaleReference = flags.Item4,
            Speed = speed,
            SurveyedLow = surveyed is { } s ? Math.Min(s.Item1, s.Item2) : null,
            SurveyedHigh = surveyed is { } t ? Math.Max(t.Item1, t.Item2) : null,
        };
}
