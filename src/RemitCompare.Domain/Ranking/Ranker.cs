using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Ranking;

/// <summary>Send mode ranks by what the recipient gets; receive mode by what the sender pays.</summary>
public enum CompareMode
{
    /// <summary>"I send this much."</summary>
    Send,
    /// <summary>"The recipient must get this much."</summary>
    Receive,
}

/// <summary>A ranking question for one corridor.</summary>
/// <param name="Mode">Send or receive mode.</param>
/// <param name="Amount">Send amount (send mode) or amount the recipient must get (receive mode).</param>
/// <param name="SendCurrency">Currency the sender pays in; only services taking it are ranked.</param>
/// <param name="ReceiveCurrency">Receive mode: the currency of <paramref name="Amount"/>; only services paying it are ranked.</param>
/// <param name="DestinationCurrency">The receiving country's own currency; payouts in another are flagged.</param>
/// <param name="Now">The moment staleness is judged at.</param>
public sealed record RankingRequest(
    CompareMode Mode,
    decimal Amount,
    Currency SendCurrency,
    Currency? ReceiveCurrency,
    string DestinationCurrency,
    DateTimeOffset Now)
{
    /// <summary>Only this payout method, when set.</summary>
    public PayoutMethod? Payout { get; init; }
    /// <summary>Only this funding method, when set.</summary>
    public FundingMethod? Funding { get; init; }
    /// <summary>Only services at least this fast, when set.</summary>
    public Speed? MaxSpeed { get; init; }
    /// <summary>Include stale quotes (flagged) instead of hiding them.</summary>
    public bool IncludeStale { get; init; }
}

/// <summary>Which list an offer is ranked in: transparent regular prices, then promotions, then undisclosed rates.</summary>
public enum OfferGroup
{
    /// <summary>Rate disclosed, regular price.</summary>
    Transparent,
    /// <summary>Rate disclosed, promotional price; never sets the headline.</summary>
    Promotion,
    /// <summary>Rate not disclosed: listed after every transparent offer.</summary>
    NotTransparent,
}

/// <summary>One ranked offer: the quote, its cost at the requested amount and its flags.</summary>
/// <param name="Quote">The service's quote.</param>
/// <param name="Cost">Its cost at the amount.</param>
/// <param name="Flags">What must be said about it.</param>
/// <param name="Group">Which list it is ranked in.</param>
/// <param name="Value">
/// What the recipient gets, valued in the send currency at one mid-market rate per payout currency (the corridor's
/// most recent), so offers in one currency rank exactly by what they deliver and offers in another compare fairly.
/// </param>
public sealed record Offer(ServiceQuote Quote, CostBreakdown Cost, OfferFlags Flags, OfferGroup Group, decimal? Value);

/// <summary>The ranked offers and how many services were left out, and why.</summary>
/// <param name="Offers">Best first.</param>
/// <param name="HiddenStale">Stale quotes not shown (ask with IncludeStale).</param>
/// <param name="OutOfRange">Services that do not take the amount.</param>
/// <param name="Filtered">Services left out by the method, speed or currency filters.</param>
public sealed record Ranking(IReadOnlyList<Offer> Offers, int HiddenStale, int OutOfRange, int Filtered);

/// <summary>Ranks the services of one corridor for one request. Pure and allocation-light: it runs per request.</summary>
public static class Ranker
{
    private const decimal ZeroFeeMarginThresholdPct = 1m;

    /// <summary>Prices every eligible quote and orders them: group, then the mode's key, then total cost %, then speed.</summary>
    public static Ranking Rank(IReadOnlyList<ServiceQuote> quotes, RankingRequest request)
    {
        var offers = new List<Offer>(quotes.Count);
        var valuation = request.Mode == CompareMode.Send ? Valuation.Of(quotes, request.SendCurrency) : default;
        int stale = 0, outOfRange = 0, filtered = 0;
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            if (!Matches(quote, request))
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
            var cost = request.Mode == CompareMode.Send
                ? QuotePricing.Price(quote, request.Amount)
                : QuotePricing.PriceForReceive(quote, request.Amount);
            if (cost is not { } c)
            {
                outOfRange++;
                continue;
            }
            var flags = FlagsOf(quote, c, isStale, request);
            offers.Add(new Offer(quote, c, flags, GroupOf(quote), c.RecipientGets / valuation.MidFor(quote.PayoutCurrency.Code)));
        }
        offers.Sort(request.Mode == CompareMode.Send ? CompareSend : CompareReceive);
        return new Ranking(offers, stale, outOfRange, filtered);
    }

    private static bool Matches(ServiceQuote quote, RankingRequest request)
    {
        if (quote.SendCurrency.Code != request.SendCurrency.Code) return false;
        if (request.Mode == CompareMode.Receive && quote.PayoutCurrency.Code != request.ReceiveCurrency?.Code) return false;
        if (request.Payout is { } payout && quote.Payout != payout) return false;
        if (request.Funding is { } funding && quote.Funding != funding) return false;
        if (request.MaxSpeed is { } maxSpeed && (quote.Speed is not { } speed || speed > maxSpeed)) return false;
        return true;
    }

    private static OfferGroup GroupOf(ServiceQuote quote) =>
        !quote.Transparent ? OfferGroup.NotTransparent : quote.Promotion ? OfferGroup.Promotion : OfferGroup.Transparent;

    /// <summary>The flags of a priced quote.</summary>
    public static OfferFlags FlagsOf(ServiceQuote quote, CostBreakdown cost, bool isStale, RankingRequest request)
    {
        var flags = OfferFlags.None;
        if (cost.Fee == 0m && cost.FxMarginPct > ZeroFeeMarginThresholdPct) flags |= OfferFlags.ZeroFeeWithMargin;
        if (cost.ReceiveFee > 0m) flags |= OfferFlags.ReceiveFee;
        if (!quote.Transparent) flags |= OfferFlags.RateNotDisclosed;
        if (isStale) flags |= OfferFlags.Stale;
        if (quote.Promotion) flags |= OfferFlags.Promotion;
        if (cost.TotalCostPct < 0m) flags |= OfferFlags.NegativeCost;
        if (quote.StaleReference) flags |= OfferFlags.StaleReference;
        if (cost.SendAmount < quote.SurveyedLow || cost.SendAmount > quote.SurveyedHigh) flags |= OfferFlags.EstimatedOutsideSurveyedRange;
        if (quote.PayoutCurrency.Code != request.DestinationCurrency) flags |= OfferFlags.PayoutInOtherCurrency;
        return flags;
    }

    private static int CompareSend(Offer a, Offer b)
    {
        var byGroup = a.Group.CompareTo(b.Group);
        if (byGroup != 0) return byGroup;
        // Highest value delivered first; offers with no known value go last within their group.
        var byValue = Nullable.Compare(b.Value, a.Value);
        return byValue != 0 ? byValue : TieBreak(a, b);
    }

    private static int CompareReceive(Offer a, Offer b)
    {
        var byGroup = a.Group.CompareTo(b.Group);
        if (byGroup != 0) return byGroup;
        var byPays = a.Cost.SenderPays.CompareTo(b.Cost.SenderPays);
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

        public static Valuation Of(IReadOnlyList<ServiceQuote> quotes, Currency send)
        {
            var mids = new List<(string Currency, decimal Rate, DateOnly At)>(2);
            for (var i = 0; i < quotes.Count; i++)
            {
                var quote = quotes[i];
                if (quote.SendCurrency.Code != send.Code || quote.MidMarket is not { Rate: > 0m } mid) continue;
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

        // A loop rather than FindIndex: a lambda capturing the currency would allocate for every quote ranked.
        private static int IndexOf(List<(string Currency, decimal Rate, DateOnly At)> mids, string currency)
        {
            for (var i = 0; i < mids.Count; i++) if (mids[i].Currency == currency) return i;
            return -1;
        }
    }
}
