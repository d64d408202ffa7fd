using System.Security.Cryptography;
using System.Text;
using RemitCompare.Data.Batches;
using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>The feed's answer for one amount of a corridor.</summary>
/// <param name="Amount">The send amount asked for.</param>
/// <param name="Body">The raw body.</param>
public sealed record FeedAnswer(decimal Amount, byte[] Body);

/// <summary>
/// Turns a corridor's feed answers (one per configured amount) into one batch: each quote is checked, the bad ones
/// quarantined with their reason, and each service's good quotes become one observation whose fee model runs
/// through the smallest and largest amount quoted.
/// </summary>
public sealed class QuoteFeedBatch(QuoteValidator validator, ReferenceRateBook references)
{
    /// <summary>Default firm type when a feed does not state one.</summary>
    public const string DefaultFirmType = "Money Transfer Operator";

    /// <summary>Observations and quarantine; throws <see cref="IngestionException"/> when an answer is not a feed at all.</summary>
    public (IReadOnlyList<ObservationRecord> Observations, IReadOnlyList<QuarantinedRow> Quarantine) Build(
        FeedCorridor corridor, IReadOnlyList<FeedAnswer> answers, DateTimeOffset now)
    {
        var accepted = new List<(decimal Amount, FeedEntry Entry, decimal? FeedMid)>();
        var quarantine = new List<QuarantinedRow>();
        var position = 1;
        foreach (var answer in answers)
        {
            var (feedMid, entries) = ProviderQuoteFeedReader.Read(answer.Body, position);
            position += entries.Count;
            foreach (var entry in entries)
            {
                var defect = entry.Quote is null ? new QuoteDefect("quote", entry.Error ?? "unreadable") : validator.Check(entry.Quote, corridor, answer.Amount, MidFor(entry.Quote, feedMid), now);
                if (defect is null) accepted.Add((answer.Amount, entry, feedMid));
                else quarantine.Add(new QuarantinedRow(entry.Position, defect.Field, $"{entry.Provider}: {defect.Reason}", entry.Raw));
            }
        }
        var observations = accepted
            .GroupBy(a => (a.Entry.Provider, a.Entry.Quote!.PayoutMethod, a.Entry.Quote.FundingMethod))
            .Select(g => Observation(corridor, g.OrderBy(a => a.Amount).ToList()))
            .ToList();
        return (observations, quarantine);
    }

    private MidMarketRate? MidFor(FeedQuote quote, decimal? feedMid)
    {
        var day = DateOnly.FromDateTime(quote.DateCollected.UtcDateTime);
        return references.FromEcb(quote.SourceCurrency.ToUpperInvariant(), quote.TargetCurrency.ToUpperInvariant(), day)
            ?? (feedMid is > 0m ? new MidMarketRate(feedMid.Value, "feed", day) : null);
    }

    private static ObservationRecord Observation(FeedCorridor corridor, List<(decimal Amount, FeedEntry Entry, decimal? FeedMid)> quotes)
    {
        var (low, first, feedMid) = quotes[0];
        var (high, last, _) = quotes[^1];
        var q = first.Quote!;
        var payout = MethodNames.TryParsePayout(q.PayoutMethod, out var p) ? p : PayoutMethod.Other;
        var funding = q.FundingMethod is not null && MethodNames.TryParseFunding(q.FundingMethod, out var f) ? f : FundingMethod.Other;
        return new ObservationRecord
        {
            SourceRow = first.Position,
            RowHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', quotes.Select(x => x.Entry.Raw))))),
            Provider = first.Provider,
            FirmType = first.FirmType ?? DefaultFirmType,
            From = corridor.From.ToUpperInvariant(),
            To = corridor.To.ToUpperInvariant(),
            Funding = funding,
            Payout = payout,
            SendCurrency = corridor.SendCurrency.ToUpperInvariant(),
            PayoutCurrency = corridor.ReceiveCurrency.ToUpperInvariant(),
            CollectedAt = quotes.Min(x => x.Entry.Quote!.DateCollected),
            Speed = QuoteValidator.SpeedOf(q.DeliveryEstimation),
            SenderFee = quotes.Count == 1 ? FeeSchedule.Fixed(q.Fee) : FeeSchedule.FromTwoPoints(low, q.Fee, high, last.Quote!.Fee),
            Placement = FeePlacement.Deducted,
            Rate = q.Rate,
            InterbankRate = feedMid,
            SurveyedLow = low,
            SurveyedHigh = high,
        };
    }
}
