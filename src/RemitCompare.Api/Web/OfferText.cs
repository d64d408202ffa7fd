using System.Globalization;
using System.Text.RegularExpressions;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Ranking;
using RemitCompare.Domain.Services;

namespace RemitCompare.Api.Web;

/// <summary>An offer's figures in words and in the number formats of one language.</summary>
public sealed partial class OfferText(Language language)
{
    private CultureInfo Culture => language.Culture;

    /// <summary>Money as shown: rounded half-to-even to the currency's minor units, grouped for the locale, then the code.</summary>
    public string Money(decimal amount, Currency currency) =>
        string.Concat(currency.Round(amount).ToString("N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), Culture), "\u00A0", currency.Code);

    /// <summary>Money as shown, or "unknown" (a hidden rate leaves receive mode's amounts unknown).</summary>
    public string Money(decimal? amount, Currency currency) => amount is { } known ? Money(known, currency) : language["unknown"];

    /// <summary>
    /// A percentage with one decimal in the locale's percent pattern: the API's figure (2 decimals) rounded half-to-even, as
    /// the widget rounds it, so the page and the widget never differ by a tenth.
    /// </summary>
    public string Percent(decimal pct) =>
        (Math.Round(Math.Round(pct, 2, MidpointRounding.ToEven), 1, MidpointRounding.ToEven) / 100m).ToString("P1", Culture);

    /// <summary>A rate with the six significant digits the API gives.</summary>
    public string Rate(decimal rate) => Features.CompareApi.Significant(rate)!.Value.ToString("#,##0.############", Culture);

    /// <summary>A date in the locale's long form, Gregorian calendar.</summary>
    public string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>A date in the locale's long form without the weekday (as the widget's long dates), Gregorian calendar.</summary>
    public string Date(DateOnly day)
    {
        var pattern = Weekday().Replace(Culture.DateTimeFormat.LongDatePattern, "");
        return day.ToString(pattern.Contains("ddd", StringComparison.Ordinal) ? "d MMMM yyyy" : pattern, Culture);
    }

    /// <summary>A date with the month abbreviated, where space is short (each offer's collection date).</summary>
    public string ShortDate(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).ToString("d MMM yyyy", Culture);

    // "dddd, " at the start (en, es, sw), "dddd " (fr), "dddd، " (ar) or ", dddd" at the end.
    [GeneratedRegex(@"^dddd[\s,،]*|[\s,،]*dddd$", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    /// <summary>How the recipient is paid, in words.</summary>
    public string Payout(PayoutMethod method) => language["payout_" + method.Name()];

    /// <summary>How fast, in words.</summary>
    public string Speed(Speed? speed) => speed is { } s ? language["speed_" + s.Name()] : language["unknown"];

    /// <summary>Each flag in words, with the margin where the flag is about it.</summary>
    public IEnumerable<string> Flags(Offer offer)
    {
        foreach (var name in offer.Flags.ToNames())
        {
            yield return name == "zero_fee_with_margin"
                ? language.Format("flag_" + name, Percent(offer.Cost.FxMarginPct ?? 0m))
                : language["flag_" + name];
        }
    }

    /// <summary>The rate against mid-market: "28.02 (mid-market 28.61, 2.1 % less)", or "not disclosed".</summary>
    public string RateVsMid(Offer offer)
    {
        var q = offer.Quote;
        if (q.Rate is not { } rate) return language["rate_hidden"];
        if (q.MidMarket is not { } mid || offer.Cost.FxMarginPct is not { } margin) return Rate(rate);
        return language.Format("rate_vs_mid", Rate(rate), Rate(mid.Rate), Percent(margin));
    }

    /// <summary>Total cost as money and percentage, or "unknown" when the rate is hidden.</summary>
    public string TotalCost(Offer offer) =>
        offer.Cost.TotalCost is { } total && offer.Cost.TotalCostPct is { } pct
            ? $"{Money(total, offer.Quote.SendCurrency)} ({Percent(pct)})"
            : language["unknown"];
}
