using System.Globalization;
using Microsoft.Extensions.Logging;
using RemitCompare.Data;
using RemitCompare.Data.Coordination;
using RemitCompare.Data.Feeds;
using RemitCompare.Data.Rates;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>
/// A provider quote feed: each run asks it, corridor by corridor, for every configured amount, and stores each
/// corridor as one batch. A corridor whose answers can't all be fetched or read stores nothing: its last good quotes stay.
/// </summary>
public sealed class QuoteFeedSource(FeedSourceOptions options, QuoteRules rules, Store store, TimeProvider clock, ILogger logger)
    : FeedSource(options, store, clock, logger)
{
    private readonly QuoteValidator _validator = new(rules);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<FetchRecord>> RunAsync(LeaseFence fence, CancellationToken cancellationToken)
    {
        var records = new List<FetchRecord>();
        foreach (var corridor in Options.Corridors) records.Add(await FetchAsync(corridor, fence, cancellationToken));
        return records;
    }

    /// <summary>The URL asked for one corridor and amount.</summary>
    public Uri QuoteUri(FeedCorridor corridor, decimal amount)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"from={corridor.From}&to={corridor.To}&sourceCurrency={corridor.SendCurrency}&targetCurrency={corridor.ReceiveCurrency}&amount={amount}");
        var url = Options.Url!.ToString();
        return new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    private async Task<FetchRecord> FetchAsync(FeedCorridor corridor, LeaseFence fence, CancellationToken cancellationToken)
    {
        var startedAt = Clock.GetUtcNow();
        var what = $"{Options.Url} {corridor.From}-{corridor.To} {corridor.SendCurrency}/{corridor.ReceiveCurrency}";
        var answers = new List<FeedAnswer>();
        foreach (var amount in corridor.Amounts)
        {
            var (body, error) = await GetAsync(QuoteUri(corridor, amount), cancellationToken);
            if (body is null) return Fail(startedAt, what, error!);
            answers.Add(new FeedAnswer(amount, body));
        }
        // The bodies joined as JSON lines are the batch's raw payload: hashed, kept, and the key that makes a re-fetch of the same answers add nothing.
        var payload = Payload(what, answers.SelectMany((a, i) => i == 0 ? a.Body : [(byte)'\n', .. a.Body]).ToArray());
        try
        {
            var references = new RateStore(Store).EcbBook();
            var (observations, quarantine) = new QuoteFeedBatch(_validator, references).Build(corridor, answers, Clock.GetUtcNow());
            return Commit(startedAt, payload, "feed", fence, observations, [], quarantine);
        }
        catch (IngestionException e)
        {
            return Fail(startedAt, what, e.Message, payload.Bytes);
        }
    }
}
