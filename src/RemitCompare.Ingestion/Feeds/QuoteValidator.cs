using System.Globalization;
using System.Xml;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>Why a quote was refused: the field to blame and the reason in words.</summary>
/// <param name="Field">The offending field.</param>
/// <param name="Reason">Why.</param>
public sealed record QuoteDefect(string Field, string Reason);

/// <summary>
/// Checks one feed quote before anything is stored: currencies match the corridor, the rate is near mid-market, the
/// timestamp is neither in the future nor too old, the numbers add up, and the methods and durations are readable.
/// </summary>
public sealed class QuoteValidator(QuoteRules rules)
{
    /// <summary>The first defect of a quote read from a feed, or null when it may be stored.</summary>
    public QuoteDefect? Check(FeedQuote q, FeedCorridor corridor, decimal requestedAmount, MidMarketRate? mid, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        if (!string.Equals(q.SourceCurrency, corridor.SendCurrency, StringComparison.OrdinalIgnoreCase))
            return new("sourceCurrency", $"'{q.SourceCurrency}' is not the corridor's send currency {corridor.SendCurrency}");
        if (!string.Equals(q.TargetCurrency, corridor.ReceiveCurrency, StringComparison.OrdinalIgnoreCase))
            return new("targetCurrency", $"'{q.TargetCurrency}' is not the corridor's payout currency {corridor.ReceiveCurrency}");
        if (q.SendAmount <= 0m || q.SendAmount != requestedAmount)
            return new("sendAmount", string.Create(c, $"{q.SendAmount} is not the amount asked for ({requestedAmount})"));
        if (q.Fee < 0m || q.Fee >= q.SendAmount) return new("fee", string.Create(c, $"{q.Fee} is not between 0 and the send amount"));
        if (q.Rate <= 0m) return new("rate", string.Create(c, $"{q.Rate} is not a positive rate"));
        if (q.DateCollected > now + rules.MaxClockSkew)
            return new("dateCollected", string.Create(c, $"{q.DateCollected:O} is in the future (now {now:O})"));
        if (q.DateCollected < now - rules.MaxQuoteAge)
            return new("dateCollected", string.Create(c, $"{q.DateCollected:O} is older than {rules.MaxQuoteAge} (now {now:O})"));
        if (mid is null) return new("rate", $"no mid-market reference for {q.SourceCurrency}/{q.TargetCurrency} to check the rate against");
        var deviation = Math.Abs((q.Rate / mid.Rate) - 1m);
        if (deviation > rules.MaxRateDeviation)
            return new("rate", string.Create(c, $"{q.Rate} is {deviation:P1} from mid-market {mid.Rate:0.######} ({mid.Source}, {mid.At:yyyy-MM-dd}); at most {rules.MaxRateDeviation:P1} allowed"));
        var expected = (q.SendAmount - q.Fee) * q.Rate;
        if (Math.Abs(q.ReceivedAmount - expected) > (expected * rules.AmountTolerance) + 0.01m)
            return new("receivedAmount", string.Create(c, $"{q.ReceivedAmount} does not add up: ({q.SendAmount} − {q.Fee}) × {q.Rate} = {expected:0.##}"));
        if (!MethodNames.TryParsePayout(q.PayoutMethod, out _)) return new("payoutMethod", $"'{q.PayoutMethod}' is not a payout method");
        if (q.FundingMethod is not null && !MethodNames.TryParseFunding(q.FundingMethod, out _))
            return new("fundingMethod", $"'{q.FundingMethod}' is not a funding method");
        if (Duration(q.DeliveryEstimation.MinDuration) is not { } min || Duration(q.DeliveryEstimation.MaxDuration) is not { } max || min > max || min < TimeSpan.Zero)
            return new("deliveryEstimation", $"'{q.DeliveryEstimation.MinDuration}'..'{q.DeliveryEstimation.MaxDuration}' is not a range of ISO 8601 durations");
        return null;
    }

    /// <summary>The speed category of the slowest delivery estimate.</summary>
    public static Speed SpeedOf(DeliveryEstimation delivery)
    {
        var max = Duration(delivery.MaxDuration) ?? TimeSpan.MaxValue;
        return max.TotalHours switch
        {
            <= 1 => Speed.LessThanOneHour,
            <= 24 => Speed.SameDay,
            <= 48 => Speed.NextDay,
            <= 72 => Speed.TwoDays,
            <= 120 => Speed.ThreeToFiveDays,
            _ => Speed.SixDaysOrMore,
        };
    }

    private static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
