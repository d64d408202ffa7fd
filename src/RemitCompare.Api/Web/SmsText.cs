using System.Globalization;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Ranking;

namespace RemitCompare.Api.Web;

/// <summary>The best offers of a comparison as one text message, in a language.</summary>
public static class SmsText
{
    /// <summary>At most this many offers, however short they are.</summary>
    public const int MaxOffers = 3;

    /// <summary>
    /// The corridor and amount, then the best offers (as many as fit one message, at least one), then the price date.
    /// Returns the text and its size; scripts outside GSM-7 (Arabic) need UCS-2 and may take several segments.
    /// </summary>
    public static (string Text, SmsSize Size) Compose(PageComparison comparison, Language language)
    {
        var request = comparison.Request;
        var amountCurrency = request.Mode == CompareMode.Send ? request.SendCurrency : request.ReceiveCurrency!;
        var head = $"{comparison.Corridor.From.Iso3}>{comparison.Corridor.To.Iso3} {Money(request.Amount, amountCurrency, language)}:";
        var collected = comparison.Corridor.LastCollected is { } at
            ? " " + language["sms_prices"] + " " + at.UtcDateTime.ToString("d", language.Culture)
            : "";
        var offers = comparison.Ranking.Offers;
        var text = Sms.Plain(head + (offers.Count == 0 ? " " + language["no_offers"] : "") + collected);
        var body = head;
        for (var i = 0; i < offers.Count && i < MaxOffers; i++)
        {
            var candidate = Sms.Plain(body + " " + Offer(i + 1, offers[i], request.Mode, language) + collected);
            if (i > 0 && !Sms.Measure(candidate).FitsOne) break;
            body += " " + Offer(i + 1, offers[i], request.Mode, language);
            text = candidate;
        }
        return (text, Sms.Measure(text));
    }

    private static string Offer(int rank, Offer offer, CompareMode mode, Language language)
    {
        var (q, c) = (offer.Quote, offer.Cost);
        var figure = mode == CompareMode.Send
            ? c.RecipientGets is { } gets ? $"{language["sms_gets"]} {Money(gets, q.PayoutCurrency, language)}" : language["unknown"]
            : c.SenderPays is { } pays ? $"{language["you_pay"]} {Money(pays, q.SendCurrency, language)}" : language["unknown"];
        var cost = c.TotalCostPct is { } pct ? $" ({new OfferText(language).Percent(pct)})" : "";
        return $"{rank}.{q.Provider} {figure}{cost}";
    }

    /// <summary>Money without decimals when it is a whole amount: every character counts in a text.</summary>
    private static string Money(decimal amount, Currency currency, Language language)
    {
        var rounded = currency.Round(amount);
        var digits = rounded == decimal.Truncate(rounded) ? 0 : currency.MinorUnits;
        return rounded.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), language.Culture) + " " + currency.Code;
    }
}
