using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Audit;

/// <summary>How transparently one provider prices one corridor: the share of its services (in %) showing each practice.</summary>
/// <param name="ProviderId">Provider id.</param>
/// <param name="Provider">Provider name.</param>
/// <param name="FirmType">Firm type.</param>
/// <param name="From">Sending country.</param>
/// <param name="To">Receiving country.</param>
/// <param name="Services">Services of the provider in the corridor.</param>
/// <param name="UndisclosedRatePct">Services whose exchange rate is not disclosed.</param>
/// <param name="ZeroFeeWithMarginPct">Services claiming no fee while hiding a margin above 1 % in the rate.</param>
/// <param name="ReceiveFeePct">Services that charge the recipient too.</param>
/// <param name="PromotionPct">Services priced by a promotion.</param>
/// <param name="StalePct">Services whose latest price is stale.</param>
public sealed record ProviderCorridorTransparency(
    long ProviderId, string Provider, string FirmType, string From, string To, int Services,
    decimal UndisclosedRatePct, decimal ZeroFeeWithMarginPct, decimal ReceiveFeePct, decimal PromotionPct, decimal StalePct);

/// <summary>One of the World Bank's criteria for national remittance price databases, checked against the data.</summary>
/// <param name="Id">Stable id, e.g. <c>two_amounts</c>.</param>
/// <param name="Criterion">What the criterion asks.</param>
/// <param name="Met">Whether the data meets it.</param>
/// <param name="Evidence">What in the data decided it.</param>
public sealed record CriterionCheck(string Id, string Criterion, bool Met, string Evidence);

/// <summary>The transparency report of a snapshot: per provider and corridor, then the self-check of the whole database.</summary>
public static class TransparencyReport
{
    /// <summary>A zero-fee claim hides a margin when the rate is more than this below mid-market, in %.</summary>
    public const decimal HiddenMarginPct = 1m;

    /// <summary>One row per provider and corridor, ordered by corridor then provider.</summary>
    public static IReadOnlyList<ProviderCorridorTransparency> ByProviderAndCorridor(Snapshot snapshot, DateTimeOffset now) =>
        snapshot.Corridors.Values
            .SelectMany(c => c.Quotes.Select(q => (Corridor: c, Quote: q)))
            .GroupBy(x => (x.Corridor.From.Iso3, x.Corridor.To.Iso3, x.Quote.ProviderId))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .ThenBy(g => g.First().Quote.Provider, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var quotes = g.Select(x => x.Quote).ToList();
                decimal Share(Func<ServiceQuote, bool> test) => Math.Round(100m * quotes.Count(test) / quotes.Count, 2);
                var first = quotes[0];
                return new ProviderCorridorTransparency(
                    first.ProviderId, first.Provider, first.FirmType, g.Key.Item1, g.Key.Item2, quotes.Count,
                    Share(q => !q.Transparent), Share(HidesMarginBehindZeroFee), Share(q => q.ReceiveFee is not null),
                    Share(q => q.Promotion), Share(q => q.IsStaleAt(now)));
            })
            .ToList();

    /// <summary>True when the quote charges no sender fee at its surveyed amount but its rate is more than 1 % below mid-market.</summary>
    public static bool HidesMarginBehindZeroFee(ServiceQuote quote)
    {
        var amount = quote.SurveyedLow ?? quote.SenderFee.LowestAmount;
        return quote.SenderFee.FeeFor(amount) == 0m && quote.Rate is { } rate && quote.MidMarket is { Rate: > 0m } mid
            && (1m - (rate / mid.Rate)) * 100m > HiddenMarginPct;
    }

    /// <summary>The World Bank's criteria for national price databases, each met or not from the snapshot's quotes.</summary>
    public static IReadOnlyList<CriterionCheck> SelfCheck(Snapshot snapshot, DateTimeOffset now)
    {
        var quotes = snapshot.Corridors.Values.SelectMany(c => c.Quotes).ToList();
        var survey = quotes.Where(q => q.SurveyedLow is not null).ToList();
        var transparent = quotes.Where(q => q.Transparent).ToList();
        var thin = snapshot.Corridors.Values.Where(c => c.Quotes.Count < 3).Select(c => c.Key).ToList();
        var stale = quotes.Count(q => q.IsStaleAt(now));
        CriterionCheck Check(string id, string criterion, int failing, int of, string what) =>
            new(id, criterion, of > 0 && failing == 0, $"{of - failing} of {of} {what}");
        return
        [
            Check("two_amounts", "Prices are collected for two amounts (USD 200 and USD 500 equivalent)",
                survey.Count(q => q.SurveyedLow == q.SurveyedHigh) + (quotes.Count - survey.Count), quotes.Count, "services priced at two surveyed amounts"),
            Check("fees", "The fee charged to the sender is shown", 0, quotes.Count, "services with a sender fee schedule"),
            Check("exchange_rate", "The exchange rate applied is shown", quotes.Count - transparent.Count, quotes.Count, "services with a disclosed rate"),
            Check("total_cost", "The total cost (fee and exchange-rate margin) is shown", transparent.Count(q => q.MidMarket is null), transparent.Count,
                "transparent services with a mid-market reference to price the margin"),
            Check("speed", "The speed of delivery is shown", quotes.Count(q => q.Speed is null), quotes.Count, "services with a speed category"),
            Check("service_type", "The type of service (firm type, payout method) is shown",
                quotes.Count(q => q.FirmType == "Not specified" || q.Payout == PayoutMethod.Other), quotes.Count, "services with a firm type and payout method"),
            Check("coverage", "Each corridor covers enough services to compare (at least 3)", thin.Count, snapshot.Corridors.Count,
                "corridors with 3 services or more" + (thin.Count > 0 ? $" (short: {string.Join(", ", thin.Take(10))})" : "")),
            Check("independence", "Prices are collected independently of the providers (survey or mystery shopping)",
                quotes.Count(q => q.Source.Kind != "survey"), quotes.Count, "services priced by an independent survey"),
            Check("up_to_date", "Prices are up to date", stale, quotes.Count, "services with a current price"),
            Check("no_advertising", "No provider pays to be shown or ranked: offers are ordered by cost alone, promotions apart",
                quotes.Count(q => q.Promotion), quotes.Count, "services priced without a promotion"),
        ];
    }
}
