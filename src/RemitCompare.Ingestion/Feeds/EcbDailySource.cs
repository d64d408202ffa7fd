using Microsoft.Extensions.Logging;
using RemitCompare.Data;
using RemitCompare.Data.Coordination;
using RemitCompare.Data.Feeds;
using RemitCompare.Ingestion.Ecb;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>The ECB daily reference rates XML envelope over HTTP: each run is one batch of rates.</summary>
public sealed class EcbDailySource(FeedSourceOptions options, Store store, TimeProvider clock, ILogger logger)
    : FeedSource(options, store, clock, logger)
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<FetchRecord>> RunAsync(LeaseFence fence, CancellationToken cancellationToken)
    {
        var startedAt = Clock.GetUtcNow();
        var what = Options.Url!.ToString();
        var (body, error) = await GetAsync(Options.Url, cancellationToken);
        if (body is null) return [Fail(startedAt, what, error!)];
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            var ecb = EcbRates.ReadDailyXml(stream);
            return [Commit(startedAt, Payload(what, body), "rates", fence, [], ecb.Rates, ecb.Quarantine)];
        }
        catch (IngestionException e)
        {
            return [Fail(startedAt, what, e.Message, body)];
        }
    }
}
