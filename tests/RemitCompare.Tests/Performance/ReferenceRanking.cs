using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using RemitCompare.Domain.Services;

namespace RemitCompare.Reference;

/// <summary>
/// The straightforward pricing and ranking, formula by formula as DESIGN states them: every quote priced from its
/// <see cref="ServiceQuote"/> with nullable decimals, a list of offers and a comparison sort (filters and flags come from <see cref="Ranker.Matches"/> and <see cref="Ranker.FlagsOf"/>, which both share). The fast path in the
/// domain must give exactly what this gives; the benchmarks run it as their baseline.
/// </summary>
public static class ReferenceRanking
{
    /// <summary>The cost of sending an amount with a quote; null when the service does not take that amount.</summary>
    public static CostBreakdown? Price(ServiceQuote quote, decimal sendAmount)
    {
        if (sendAmount <= 0m || FeeFor(quote.SenderFee, sendAmount) is not { } fee) return null;
        if (quote.Placement == FeePlacement.Deducted && fee >= sendAmount) return null;

        var converted = quote.Placement == FeePlacement.OnTop ? sendAmount : sendAmount - fee;
        var senderPays = quote.Placement == FeePlacement.OnTop ? sendAmount + fee : sendAmount;
        var feePct = fee / sendAmount * 100m;
        var mid = quote.MidMarket?.Rate;

        if (quote.Rate is not { } rate)
            return new CostBreakdown(sendAmount, fee, senderPays, feePct, null, 0m, null, null, null, null, null);

        var gross = converted * rate;
        var receiveFee = (quote.ReceiveFee is { } schedule ? FeeFor(schedule, gross) : null) ?? 0m;
        var recipientGets = gross - receiveFee;
        if (mid is not { } m || m <= 0m)
            return new CostBreakdown(sendAmount, fee, senderPays, feePct, null, receiveFee, null, null, null, recipientGets, null);

        var marginPct = (1m - (rate / m)) * 100m;
        var receiveFeePct = receiveFee / m / sendAmount * 100m;
        var totalCost = fee + (sendAmount * (1m - (rate / m))) + (receiveFee / m);
        return new CostBreakdown(
            sendAmount, fee, senderPays, feePct, marginPct, receiveFee, receiveFeePct,
            feePct + marginPct + receiveFeePct, totalCost, recipientGets, recipientGets / m);
    }

    /// <summary>
    /// The cheapest send amount (rounded up to minor units) for which the recipient gets at least the target; with
    /// the rate undisclosed, every amount unknown and the receive fee 0, as send mode gives it.
    /// </summary>
    public static CostBreakdown? PriceForReceive(ServiceQuote quote, decimal recipientMustGet)
    {
        if (recipientMustGet <= 0m) return null;
        if (quote.Rate is not { } rate) return new CostBreakdown(null, null, null, null, null, 0m, null, null, null, null, null);
        if (rate <= 0m) return null;
        CostBreakdown? best = null;
        foreach (var gross in quote.ReceiveFee is { } receiveFee ? GrossCandidates(receiveFee, recipientMustGet) : [recipientMustGet])
        {
            var converted = gross / rate;
            var sends = quote.Placement == FeePlacement.OnTop
                ? quote.SenderFee.Bands.Select(b => b.From).Where(from => from > converted).Prepend(Math.Max(converted, quote.SenderFee.LowestAmount))
                : GrossCandidates(quote.SenderFee, converted);
            foreach (var send in sends)
            {
                var amount = quote.SendCurrency.RoundUp(send);
                if (Price(quote, amount) is not { RecipientGets: { } gets } cost || gets < recipientMustGet) continue;
                if (best is not { } b || cost.SenderPays < b.SenderPays || (cost.SenderPays == b.SenderPays && cost.SendAmount < b.SendAmount)) best = cost;
            }
        }
        return best;
    }

    /// <summary>The fee of the band holding the amount, within the caps; null when no band holds it.</summary>
    public static decimal? FeeFor(FeeSchedule schedule, decimal amount)
    {
        var band = schedule.Bands.FirstOrDefault(b => b.Contains(amount));
        if (band is null) return null;
        var fee = band.Fixed + (amount * band.Percent / 100m);
        if (schedule.Minimum is { } min && fee < min) fee = min;
        if (schedule.Maximum is { } max && fee > max) fee = max;
        return fee;
    }

    /// <summary>Per band: its start and the exact solutions of gross − fee(gross) = net without caps, at the minimum and at the maximum.</summary>
    public static IEnumerable<decimal> GrossCandidates(FeeSchedule schedule, decimal net)
    {
        foreach (var band in schedule.Bands)
        {
            yield return band.From;
            yield return (net + band.Fixed) / (1m - (band.Percent / 100m));
            if (schedule.Minimum is { } min) yield return net + min;
            if (schedule.Maximum is { } max) yield return net + max;
        }
    }

    /// <summary>Prices every eligible quote and orders them: group, then the mode's key, then total cost %, then speed.</summary>
    public static Ranking Rank(IReadOnlyList<ServiceQuote> quotes, RankingRequest request)
    {
        var offers = new List<Offer>(quotes.Count);
        var valuation = request.Mode == CompareMode.Send ? Valuation.Of(quotes, request.SendCurrency.Code) : default;
        int stale = 0, outOfRange = 0, filtered = 0;
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            if (!Ranker.Matches(quote, request))
            {
                filtered++;
                continue;
            }
            var isStale = quote.IsStaleAt(request.Now);
            if (isStale && !request.IncludeStale)
            {
                stale++;
                continue;
            }
            var cost = request.Mode == CompareMode.Send ? Price(quote, request.Amount) : PriceForReceive(quote, request.Amount);
            if (cost is not { } c)
            {
                outOfRange++;
                continue;
            }
            offers.Add(new Offer(quote, c, Ranker.FlagsOf(quote, c, isStale, request), GroupOf(quote), c.RecipientGets / valuation.MidFor(quote.PayoutCurrency.Code)));
        }
        offers.Sort(request.Mode == CompareMode.Send ? CompareSend : CompareReceive);
        return new Ranking(offers, stale, outOfRange, filtered);
    }

    private static OfferGroup GroupOf(ServiceQuote quote) =>
        !quote.Transparent ? OfferGroup.NotTransparent : quote.Promotion ? OfferGroup.Promotion : OfferGroup.Transparent;

    private static int CompareSend(Offer a, Offer b)
    {
        var byGroup = a.Group.CompareTo(b.Group);
        if (byGroup != 0) return byGroup;
        var byValue = Nullable.Compare(b.Value, a.Value);
        return byValue != 0 ? byValue : TieBreak(a, b);
    }

    private static int CompareReceive(Offer a, Offer b)
    {
        var byGroup = a.Group.CompareTo(b.Group);
        if (byGroup != 0) return byGroup;
        var byPays = AscendingNullsLast(a.Cost.SenderPays, b.Cost.SenderPays);
        return byPays != 0 ? byPays : TieBreak(a, b);
    }

    private static int TieBreak(Offer a, Offer b)
    {
        var byCost = AscendingNullsLast(a.Cost.TotalCostPct, b.Cost.TotalCostPct);
        if (byCost != 0) return byCost;
        var bySpeed = AscendingNullsLast((int?)a.Quote.Speed, (int?)b.Quote.Speed);
        return bySpeed != 0 ? bySpeed : a.Quote.ServiceId.CompareTo(b.Quote.ServiceId);
    }

    private static int AscendingNullsLast<T>(T? a, T? b) where T : struct =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => Comparer<T>.Default.Compare(a.Value, b.Value),
        };

    /// <summary>The most recent mid-market rate from the send currency to each payout currency among a corridor's quotes.</summary>
    private readonly struct Valuation
    {
        private readonly List<(string Currency, decimal Rate, DateOnly At)>? _mids;

        private Valuation(List<(string, decimal, DateOnly)> mids) => _mids = mids;

        public static Valuation Of(IReadOnlyList<ServiceQuote> quotes, string send)
        {
            var mids = new List<(string Currency, decimal Rate, DateOnly At)>(2);
            for (var i = 0; i < quotes.Count; i++)
            {
                var quote = quotes[i];
                if (quote.SendCurrency.Code != send || quote.MidMarket is not { Rate: > 0m } mid) continue;
                var index = IndexOf(mids, quote.PayoutCurrency.Code);
                if (index < 0) mids.Add((quote.PayoutCurrency.Code, mid.Rate, mid.At));
                else if (mid.At > mids[index].At) mids[index] = (quote.PayoutCurrency.Code, mid.Rate, mid.At);
            }
            return new Valuation(mids);
        }

        public decimal? MidFor(string currency)
        {
            if (_mids is null) return null;
            var index = IndexOf(_mids, currency);
            return index < 0 ? null : _mids[index].Rate;
        }

        private static int IndexOf(List<(string Currency, decimal Rate, DateOnly At)> mids, string currency)
        {
            for (var i = 0; i < mids.Count; i++) if (mids[i].Currency == currency) return i;
            return -1;
        }
    }
}
