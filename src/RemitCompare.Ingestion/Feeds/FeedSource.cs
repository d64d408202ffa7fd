using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using RemitCompare.Data;
using RemitCompare.Data.Batches;
using RemitCompare.Data.Coordination;
using RemitCompare.Data.Feeds;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>
/// One configured live source: its HTTP client and resilience pipeline, built once, and what it did last. Each run
/// fetches, validates and stores through <see cref="BatchWriter"/>; a failure is logged and recorded, never thrown.
/// </summary>
public abstract class FeedSource : IDisposable
{
    private readonly HttpClient _http;
    private TimeSpan? _lastRetryDelay;

    /// <summary>Creates the source.</summary>
    protected FeedSource(FeedSourceOptions options, Store store, TimeProvider clock, ILogger logger)
    {
        Options = options;
        Store = store;
        Clock = clock;
        Logger = logger;
        Log = new FeedLog(store);
        // Timeouts belong to the pipeline (on the source's clock), not to HttpClient.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        Resilience = new FeedResilience(options.Name, options.Resilience, clock, (delay, why) =>
        {
            _lastRetryDelay = delay;
            logger.LogWarning("Source {Source}: {Failure}; retrying in {Delay}", options.Name, why, delay);
        });
    }

    /// <summary>The source's configuration.</summary>
    public FeedSourceOptions Options { get; }

    /// <summary>Configured name.</summary>
    public string Name => Options.Name;

    /// <summary>The resilience pipeline and its breaker.</summary>
    public FeedResilience Resilience { get; }

    /// <summary>The delay before the latest retry (a Retry-After when the server sent one).</summary>
    public TimeSpan? LastRetryDelay => _lastRetryDelay;

    /// <summary>The store written to.</summary>
    protected Store Store { get; }

    /// <summary>The one clock.</summary>
    protected TimeProvider Clock { get; }

    /// <summary>Where batches are logged.</summary>
    protected ILogger Logger { get; }

    /// <summary>The fetch log.</summary>
    protected FeedLog Log { get; }

    /// <summary>
    /// Fetches and stores, each batch confirming <paramref name="fence"/> before it commits; one record per batch attempted.
    /// Never throws but for cancellation and <see cref="LeaseLostException"/> (the batch was rolled back, nothing recorded).
    /// </summary>
    public abstract Task<IReadOnlyList<FetchRecord>> RunAsync(LeaseFence fence, CancellationToken cancellationToken);

    /// <summary>GETs a URL through the pipeline; the body when the answer is 200, else why not.</summary>
    protected async Task<(byte[]? Body, string? Error)> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<FetchResponse> outcome;
        try
        {
            // The pipeline turns whatever the callback throws (reset connection, truncated body, timeout) into an outcome.
            outcome = await Resilience.Pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    var (http, uri, clock) = state;
                    using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(context.CancellationToken);
                    return Outcome.FromResult(new FetchResponse(response.StatusCode, body, RetryAfter(response, clock)));
                },
                context, (_http, uri, Clock));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (outcome.Exception is not null) return (null, FeedResilience.Describe(outcome));
        return outcome.Result!.Status == HttpStatusCode.OK ? (outcome.Result.Body, null) : (null, FeedResilience.Describe(outcome));
    }

    /// <summary>Keeps the raw payload, writes a batch that confirms <paramref name="fence"/> before it commits, and records the fetch.</summary>
    protected FetchRecord Commit(DateTimeOffset startedAt, Payload payload, string kind, LeaseFence fence,
        IReadOnlyCollection<ObservationRecord> observations, IReadOnlyCollection<ReferenceRateRecord> rates, IReadOnlyCollection<QuarantinedRow> quarantine)
    {
        Log.KeepPayload(payload.Sha256, Name, startedAt, payload.Bytes);
        var outcome = new BatchWriter(Store, Clock).Write(
            new BatchHeader(Name, kind, payload.Name, payload.Sha256, payload.Bytes.LongLength, startedAt), observations, rates, quarantine, fence: fence);
        var record = new FetchRecord(Name, startedAt, Clock.GetUtcNow(), outcome.AlreadyIngested ? "unchanged" : "ok", null, outcome.BatchId,
            outcome.Accepted, outcome.AlreadyIngested ? 0 : outcome.Quarantined);
        Log.Record(record);
        Logger.LogInformation(
            "Source {Source}: batch {Batch} from {Payload} ({Bytes} bytes, sha256 {Sha256}): {Outcome}, accepted {Accepted}, quarantined {Quarantined}, circuit {Circuit}",
            Name, outcome.BatchId, payload.Name, payload.Bytes.LongLength, payload.Sha256, record.Outcome, record.Accepted, record.Quarantined, Resilience.CircuitState);
        foreach (var row in quarantine.Take(20))
            Logger.LogWarning("Source {Source}: quarantined quote {Row}: {Field}: {Reason}", Name, row.RowNumber, row.Field, row.Reason);
        return record;
    }

    /// <summary>Records a fetch that stored nothing; the last good data stays in force.</summary>
    protected FetchRecord Fail(DateTimeOffset startedAt, string what, string error, byte[]? body = null)
    {
        if (body is not null) Log.KeepPayload(Payload(what, body).Sha256, Name, startedAt, body);
        var record = new FetchRecord(Name, startedAt, Clock.GetUtcNow(), "failed", $"{what}: {error}", null, 0, 0);
        Log.Record(record);
        Logger.LogWarning("Source {Source}: fetch of {What} failed, nothing stored, last good data kept: {Error}; circuit {Circuit}",
            Name, what, error, Resilience.CircuitState);
        return record;
    }

    /// <summary>A payload named after the source and what was fetched.</summary>
    protected static Payload Payload(string what, byte[] body) => new(what, body);

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        _http.Dispose();
        Resilience.Dispose();
    }
}
