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
    /// <summary>Rate not disclosed: listed after every transparent offer, in both modes (unpriced in receive mode).</summary>
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
public readonly record struct Offer(ServiceQuote Quote, CostBreakdown Cost, OfferFlags Flags, OfferGroup Group, decimal? Value);

/// <summary>The ranked offers and how many services were left out, and why.</summary>
/// <param name="Offers">Best first, in one array.</param>
/// <param name="HiddenStale">Stale quotes not shown (ask with IncludeStale).</param>
/// <param name="OutOfRange">Services that do not take the amount.</param>
/// <param name="Filtered">Services left out by the method, speed or currency filters.</param>
public sealed record Ranking(IReadOnlyList<Offer> Offers, int HiddenStale, int OutOfRange, int Filtered);

/// <summary>
/// Ranks the services of one corridor for one request. It runs per request: the corridor's amount-independent terms
/// are worked out once (<see cref="CorridorPrices"/>), costs are staged on the stack, ordered by a struct key, and
/// the only allocations are the offers array and the ranking that holds it.
/// </summary>
public static class Ranker
{
    private const decimal ZeroFeeMarginThresholdPct = 1m;
    private const int StagedOnStack = 64;

    /// <summary>Prices every eligible quote of a corridor and orders them (see <see cref="Rank(CorridorPrices, RankingRequest)"/>).</summary>
    public static Ranking Rank(CorridorSnapshot corridor, RankingRequest request) => Rank(corridor.Prices, request);

    /// <summary>Ranks quotes that are not held by a snapshot; works out their terms first.</summary>
    public static Ranking Rank(IReadOnlyList<ServiceQuote> quotes, RankingRequest request) => Rank(new CorridorPrices(quotes), request);

    /// <summary>
    /// Prices every eligible quote and orders them: group, then the mode's key, then total cost %, then speed. In
    /// receive mode a service that hides its rate is listed too, last, with its amounts unknown
    /// (<see cref="CostBreakdown.Unpriced"/>): the amount to send cannot be computed without the rate.
    /// </summary>
    public static Ranking Rank(CorridorPrices prices, RankingRequest request)
    {
        var n = prices.Count;
        Span<CostBreakdown> costs = n <= StagedOnStack ? stackalloc CostBreakdown[n] : new CostBreakdown[n];
        Span<RankKey> keys = n <= StagedOnStack ? stackalloc RankKey[n] : new RankKey[n];
        var send = request.Mode == CompareMode.Send;
        int count = 0, stale = 0, outOfRange = 0, filtered = 0;
        for (var i = 0; i < n; i++)
        {
            ref readonly var terms = ref prices[i];
            if (!Matches(terms.Quote, request))
            {
                filtered++;
                continue;
            }
            var isStale = terms.Quote.IsStaleAt(request.Now);
            if (isStale && !request.IncludeStale)
            {
                stale++;
                continue;
            }
            ref var cost = ref costs[count];
            if (!(send ? terms.Price(request.Amount, out cost) : terms.PriceForReceive(request.Amount, out cost)))
            {
                outOfRange++;
                continue;
            }
            keys[count] = new RankKey(terms.Group, send ? terms.ValueOf(in cost) : cost.SenderPays, send, cost.TotalCostPct, terms.Quote, i, count,
                FlagsOf(terms.Quote, in cost, isStale, request));
            count++;
        }
        keys[..count].Sort();
        return new Ranking(InOrder(prices, keys[..count], costs, send), stale, outOfRange, filtered);
    }

    private static Offer[] InOrder(CorridorPrices prices, ReadOnlySpan<RankKey> keys, ReadOnlySpan<CostBreakdown> costs, bool send)
    {
        var offers = new Offer[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            ref readonly var key = ref keys[k];
            offers[k] = new Offer(prices[key.Index].Quote, costs[key.Slot], key.Flags, key.Group, send ? key.Primary : null);
        }
        return offers;
    }

    /// <summary>True when the quote passes the request's currency, method and speed filters.</summary>
    public static bool Matches(ServiceQuote quote, RankingRequest request)
    {
        if (quote.SendCurrency.Code != request.SendCurrency.Code) return false;
        if (request.Mode == CompareMode.Receive && quote.PayoutCurrency.Code != request.ReceiveCurrency?.Code) return false;
        if (request.Payout is { } payout && quote.Payout != payout) return false;
        if (request.Funding is { } funding && quote.Funding != funding) return false;
        if (request.MaxSpeed is { } maxSpeed && (quote.Speed is not { } speed || speed > maxSpeed)) return false;
        return true;
    }

    /// <summary>The flags of a priced quote.</summary>
    public static OfferFlags FlagsOf(ServiceQuote quote, in CostBreakdown cost, bool isStale, RankingRequest request)
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
}
