using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Pricing;

/// <summary>
/// One quote with everything that does not depend on the amount worked out once: rate against mid-market, margin,
/// the receive fee's share at mid when there is none. Prices with the decimal operations of
/// DESIGN's formulas in the same order, so every amount it gives is the same decimal, scale included, as the
/// formula written out in full gives.
/// </summary>
internal readonly struct QuoteTerms
{
    private readonly ServiceQuote _quote;
    private readonly FeeSchedule _senderFee;
    private readonly FeeSchedule? _receiveFee;
    private readonly Currency _sendCurrency;
    private readonly bool _onTop;
    private readonly bool _deducted;
    private readonly bool _hasRate;
    private readonly bool _hasMid;
    private readonly bool _valueAtMid;
    private readonly bool _hasValuation;
    private readonly decimal _rate;
    private readonly decimal _mid;
    private readonly decimal _keptAtMid;
    private readonly decimal _marginPct;
    private readonly bool _noReceiveFee;
    private readonly decimal _valuationMid;

    /// <param name="quote">The quote.</param>
    /// <param name="valuationMid">The mid-market rate that values what its recipient gets against other offers, if any.</param>
    public QuoteTerms(ServiceQuote quote, decimal? valuationMid)
    {
        _quote = quote;
        _senderFee = quote.SenderFee;
        _receiveFee = quote.ReceiveFee;
        _sendCurrency = quote.SendCurrency;
        _onTop = quote.Placement == FeePlacement.OnTop;
        _deducted = quote.Placement == FeePlacement.Deducted;
        _hasRate = quote.Rate is not null;
        _rate = quote.Rate ?? 0m;
        _hasMid = _hasRate && quote.MidMarket is { Rate: > 0m };
        _mid = _hasMid ? quote.MidMarket!.Rate : 0m;
        if (_hasMid)
        {
            _keptAtMid = 1m - (_rate / _mid);
            _marginPct = _keptAtMid * 100m;
            // 0 / mid is a plain 0 (scale 0) for a positive mid: then the receive fee adds nothing to any sum.
            _noReceiveFee = _receiveFee is null && SameBits(0m / _mid, 0m);
        }
        _hasValuation = valuationMid is not null;
        _valuationMid = valuationMid ?? 0m;
        // Dividing by the very same decimal (scale included) gives the same quotient: reuse value at mid-market.
        _valueAtMid = _hasMid && _hasValuation && SameBits(_mid, _valuationMid);
        Group = !quote.Transparent ? Ranking.OfferGroup.NotTransparent
            : quote.Promotion ? Ranking.OfferGroup.Promotion : Ranking.OfferGroup.Transparent;
    }

    /// <summary>The quote.</summary>
    public ServiceQuote Quote => _quote;

    /// <summary>Which list its offers rank in.</summary>
    public Ranking.OfferGroup Group { get; }

    /// <summary>What the recipient gets valued at the corridor's mid-market rate for the payout currency; null when unknown.</summary>
    public decimal? ValueOf(in CostBreakdown cost)
    {
        if (cost.RecipientGets is not { } gets || !_hasValuation) return null;
        return _valueAtMid ? cost.ValueAtMidMarket : gets / _valuationMid;
    }

    /// <summary>The cost of sending <paramref name="sendAmount"/>; false when the service does not take that amount.</summary>
    public bool Price(decimal sendAmount, out CostBreakdown cost)
    {
        cost = default;
        if (sendAmount <= 0m || !_senderFee.TryFee(sendAmount, out var fee)) return false;
        if (_deducted && fee >= sendAmount) return false;

        var converted = _onTop ? sendAmount : sendAmount - fee;
        var senderPays = _onTop ? sendAmount + fee : sendAmount;
        var feePct = fee / sendAmount * 100m;
        if (!_hasRate)
        {
            cost = new CostBreakdown(Figures.SendSide, sendAmount, fee, senderPays, feePct, 0m, 0m, 0m, 0m, 0m, 0m, 0m);
            return true;
        }
        var gross = converted * _rate;
        var receiveFee = ReceiveFeeOn(gross);
        var recipientGets = gross - receiveFee;
        if (!_hasMid)
        {
            cost = new CostBreakdown(Figures.WithoutMid, sendAmount, fee, senderPays, feePct, 0m, receiveFee, 0m, 0m, 0m, recipientGets, 0m);
            return true;
        }
        if (_noReceiveFee) return PriceWithoutReceiveFee(sendAmount, fee, senderPays, feePct, recipientGets, out cost);
        var receiveFeeAtMid = receiveFee / _mid;
        var receiveFeePct = receiveFeeAtMid / sendAmount * 100m;
        var totalCost = fee + (sendAmount * _keptAtMid) + receiveFeeAtMid;
        cost = new CostBreakdown(
            Figures.All, sendAmount, fee, senderPays, feePct, _marginPct, receiveFee, receiveFeePct,
            feePct + _marginPct + receiveFeePct, totalCost, recipientGets, recipientGets / _mid);
        return true;
    }

    /// <summary>
    /// The breakdown when there is no receive fee: the fee is a plain 0, 0 / mid / amount × 100 is a plain 0, and
    /// adding a plain 0 to a decimal that is not itself zero gives that decimal back unchanged, scale included.
    /// </summary>
    private bool PriceWithoutReceiveFee(decimal sendAmount, decimal fee, decimal senderPays, decimal feePct, decimal recipientGets, out CostBreakdown cost)
    {
        var totalCost = fee + (sendAmount * _keptAtMid);
        var totalCostPct = feePct + _marginPct;
        if (totalCost == 0m) totalCost += 0m;
        if (totalCostPct == 0m) totalCostPct += 0m;
        cost = new CostBreakdown(
            Figures.All, sendAmount, fee, senderPays, feePct, _marginPct, 0m, 0m, totalCostPct, totalCost, recipientGets, recipientGets / _mid);
        return true;
    }

    /// <summary>
    /// The send amount (rounded up to minor units) for which the recipient gets at least
    /// <paramref name="recipientMustGet"/> and the sender pays least, priced; false when no band can deliver it;
    /// <see cref="CostBreakdown.Unpriced"/> when the rate is undisclosed. Each candidate is checked on what the
    /// recipient gets and the sender pays only; the winner alone is priced in full.
    /// </summary>
    public bool PriceForReceive(decimal recipientMustGet, out CostBreakdown cost)
    {
        cost = default;
        if (recipientMustGet <= 0m) return false;
        if (!_hasRate)
        {
            cost = CostBreakdown.Unpriced;
            return true;
        }
        if (_rate <= 0m) return false;
        var grossCount = _receiveFee?.CandidateCount ?? 1;
        var sendCount = _onTop ? _senderFee.Bands.Count + 1 : _senderFee.CandidateCount;
        Span<decimal> grosses = grossCount <= 32 ? stackalloc decimal[grossCount] : new decimal[grossCount];
        Span<decimal> sends = sendCount <= 32 ? stackalloc decimal[sendCount] : new decimal[sendCount];
        if (_receiveFee is null) grosses[0] = recipientMustGet;
        else grossCount = _receiveFee.GrossCandidates(recipientMustGet, grosses);

        var found = false;
        decimal bestPays = 0m, bestAmount = 0m;
        foreach (var gross in grosses[..grossCount])
        {
            var converted = gross / _rate;
            foreach (var send in sends[..SendCandidates(converted, sends)])
            {
                var amount = _sendCurrency.RoundUp(send);
                if (!TryDeliver(amount, out var pays, out var gets) || gets < recipientMustGet) continue;
                if (found && !(pays < bestPays || (pays == bestPays && amount < bestAmount))) continue;
                (found, bestPays, bestAmount) = (true, pays, amount);
            }
        }
        return found && Price(bestAmount, out cost);
    }

    /// <summary>
    /// Send amounts that may be cheapest to convert <paramref name="converted"/>: with the fee on top, the amount
    /// itself (at least the lowest accepted) and every band start above it, where a cheaper band may begin; with the
    /// fee deducted, the gross amounts that net it.
    /// </summary>
    private int SendCandidates(decimal converted, Span<decimal> into)
    {
        if (!_onTop) return _senderFee.GrossCandidates(converted, into);
        var count = 0;
        into[count++] = Math.Max(converted, _senderFee.LowestAmount);
        var bands = _senderFee.Bands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].From > converted) into[count++] = bands[i].From;
        }
        return count;
    }

    /// <summary>What the sender pays and the recipient gets for a send amount: <see cref="Price"/> without the percentages.</summary>
    private bool TryDeliver(decimal sendAmount, out decimal senderPays, out decimal recipientGets)
    {
        (senderPays, recipientGets) = (0m, 0m);
        if (sendAmount <= 0m || !_senderFee.TryFee(sendAmount, out var fee)) return false;
        if (_deducted && fee >= sendAmount) return false;
        senderPays = _onTop ? sendAmount + fee : sendAmount;
        var gross = (_onTop ? sendAmount : sendAmount - fee) * _rate;
        recipientGets = gross - ReceiveFeeOn(gross);
        return true;
    }

    private decimal ReceiveFeeOn(decimal gross) => _receiveFee is not null && _receiveFee.TryFee(gross, out var fee) ? fee : 0m;

    private static bool SameBits(decimal a, decimal b)
    {
        Span<int> left = stackalloc int[4];
        Span<int> right = stackalloc int[4];
        decimal.GetBits(a, left);
        decimal.GetBits(b, right);
        return left.SequenceEqual(right);
    }
}
