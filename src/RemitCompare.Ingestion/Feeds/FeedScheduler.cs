using Microsoft.Extensions.Logging;
using RemitCompare.Data;
using RemitCompare.Data.Coordination;
using RemitCompare.Data.Feeds;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>What <c>/v1/sources</c> and <c>/healthz</c> say about one source.</summary>
/// <param name="Name">Configured name.</param>
/// <param name="Kind"><c>quotes</c> or <c>ecb</c>.</param>
/// <param name="Interval">Time between runs.</param>
/// <param name="Circuit"><c>closed</c>, <c>open</c>, <c>half_open</c> or <c>isolated</c>.</param>
/// <param name="History">Last success, last error and counts from the fetch log.</param>
/// <param name="LastRetryDelay">Delay before the latest retry in this process.</param>
/// <param name="Fresh">The last success is within the freshness limit.</param>
/// <param name="StaleAfter">When the data of the last success goes stale.</param>
public sealed record SourceStatus(
    string Name, string Kind, TimeSpan Interval, string Circuit, SourceHistory History, TimeSpan? LastRetryDelay, bool Fresh, DateTimeOffset? StaleAfter);

/// <summary>
/// Runs the configured sources: once (<c>ingest run</c>), or each on its own <see cref="PeriodicTimer"/> on the one
/// clock (<c>ingest watch</c>, the API's hosted service). Sources run side by side; one failing never stops another.
/// </summary>
public sealed class FeedScheduler : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly FeedLog _log;
    private readonly TimeSpan _freshness;
    private readonly Action<FetchRecord>? _batchCommitted;
    private IReadOnlyDictionary<string, SourceHistory>? _histories;
    private readonly Store _store;
    private IngestionLease? _lease;
    private CancellationTokenSource? _stepDown;

    /// <summary>Builds every source once. <paramref name="batchCommitted"/> hears of each batch written.</summary>
    public FeedScheduler(FeedOptions options, Store store, TimeProvider clock, ILoggerFactory loggers, TimeSpan freshness, Action<FetchRecord>? batchCommitted = null)
    {
        Validate(options);
        _clock = clock;
        _logger = loggers.CreateLogger<FeedScheduler>();
        _log = new FeedLog(store);
        _store = store;
        _freshness = freshness;
        _batchCommitted = batchCommitted;
        var logger = loggers.CreateLogger<FeedSource>();
        try
        {
            Sources = options.Sources.Select(s => s.Kind == FeedKind.Ecb
                ? (FeedSource)new EcbDailySource(s, store, clock, logger)
                : new QuoteFeedSource(s, options.Validation, store, clock, logger)).ToList();
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            throw new InvalidOperationException("Feeds configuration: " + e.Message, e);
        }
    }

    /// <summary>The sources, in configuration order.</summary>
    public IReadOnlyList<FeedSource> Sources { get; }

    /// <summary>Runs every source once, side by side.</summary>
    public async Task<IReadOnlyList<FetchRecord>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var runs = await Task.WhenAll(Sources.Select(s => RunAsync(s, cancellationToken)));
        return runs.SelectMany(r => r).ToList();
    }

    /// <summary>Runs every source now and then at its interval until cancelled.</summary>
    public Task WatchAsync(CancellationToken cancellationToken) => Task.WhenAll(Sources.Select(s => LoopAsync(s, cancellationToken)));

    /// <summary>How often a process that does not hold the ingestion lease asks for it, and the holder confirms it.</summary>
    public static readonly TimeSpan LeaseCheck = TimeSpan.FromSeconds(1);

    /// <summary>Whether this process runs the sources' cycles now, under <see cref="LeadAsync"/>.</summary>
    public bool IsLeader => Volatile.Read(ref _lease) is { IsHeld: true };

    /// <summary>
    /// Runs the sources as <see cref="WatchAsync"/> does, but only while this process holds the store's ingestion lease
    /// (always, on a store one process serves from): without it, asks again every <see cref="LeaseCheck"/>; with it,
    /// confirms it before every cycle and every <see cref="LeaseCheck"/>, and stops its cycles at once when it is lost.
    /// </summary>
    public async Task LeadAsync(CancellationToken cancellationToken)
    {
        await using var lease = _store.IngestionLease("ingestion");
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await lease.HoldAsync(cancellationToken)) await LeadWhileHeldAsync(lease, cancellationToken);
                else ReloadHistoriesQuietly(); // another process writes the fetch log: keep this one's view of it current
                await Task.Delay(LeaseCheck, _clock, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task LeadWhileHeldAsync(IngestionLease lease, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Ingestion lease taken: this process runs the live sources");
        using var stepDown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Volatile.Write(ref _stepDown, stepDown);
        Volatile.Write(ref _lease, lease);
        try
        {
            var watching = WatchAsync(stepDown.Token);
            while (!stepDown.IsCancellationRequested && await Task.WhenAny(watching, Task.Delay(LeaseCheck, _clock, stepDown.Token)) != watching)
            {
                if (!await lease.HoldAsync(cancellationToken)) await stepDown.CancelAsync();
            }
            await watching;
        }
        finally
        {
            Volatile.Write(ref _lease, null);
            Volatile.Write(ref _stepDown, null);
        }
        if (!cancellationToken.IsCancellationRequested) _logger.LogWarning("Ingestion lease lost: this process stopped running the live sources");
    }

    /// <summary>The state of every source; the fetch log is read at the first call and after each run, not per call.</summary>
    public IReadOnlyList<SourceStatus> Status()
    {
        var histories = Volatile.Read(ref _histories) ?? ReloadHistories();
        var now = _clock.GetUtcNow();
        return Sources.Select(s =>
        {
            var history = histories.GetValueOrDefault(s.Name) ?? new SourceHistory(s.Name, null, null, null, 0, 0);
            var staleAfter = history.LastSuccess + _freshness;
            return new SourceStatus(s.Name, s.Options.Kind == FeedKind.Ecb ? "ecb" : "quotes", s.Options.Interval, s.Resilience.CircuitState,
                history, s.LastRetryDelay, staleAfter > now, staleAfter);
        }).ToList();
    }

    private async Task LoopAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            // The interval counts from the start of the first run, not its end, whenever that run's batch is seen.
            using var timer = new PeriodicTimer(source.Options.Interval, _clock);
            await RunAsync(source, cancellationToken);
            while (await timer.WaitForNextTickAsync(cancellationToken)) await RunAsync(source, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<IReadOnlyList<FetchRecord>> RunAsync(FeedSource source, CancellationToken cancellationToken)
    {
        var fence = LeaseFence.None;
        if (Volatile.Read(ref _lease) is { } lease)
        {
            if (!await lease.HoldAsync(cancellationToken))
            {
                // Another process may hold the lease already: a cycle now could store what it stores.
                await StepDownAsync();
                return [];
            }
            fence = lease.Fence;
        }
        try
        {
            var records = await source.RunAsync(fence, cancellationToken);
            ReloadHistories();
            foreach (var record in records.Where(r => r.Outcome == "ok")) _batchCommitted?.Invoke(record);
            return records;
        }
        catch (LeaseLostException e)
        {
            // The lease went (its session ended) while this cycle ran: another process may lead now, so this one stops.
            _logger.LogWarning("Source {Source}: {Reason} Nothing was stored; this process steps down", source.Name, e.Message);
            await StepDownAsync();
            return [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken store or a bug in one source must not stop the others or the next run.
            _logger.LogError(e, "Source {Source}: run failed", source.Name);
            return [];
        }
    }

    private async Task StepDownAsync()
    {
        if (Volatile.Read(ref _stepDown) is { } stepDown) await stepDown.CancelAsync();
    }

    private IReadOnlyDictionary<string, SourceHistory> ReloadHistories()
    {
        var histories = _log.Histories();
        Volatile.Write(ref _histories, histories);
        return histories;
    }

    private void ReloadHistoriesQuietly()
    {
        try
        {
            ReloadHistories();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            _logger.LogWarning(e, "Could not read the fetch log; /v1/sources keeps the last one read");
        }
    }

    private static void Validate(FeedOptions options)
    {
        var problems = new List<string>();
        foreach (var s in options.Sources)
        {
            if (string.IsNullOrWhiteSpace(s.Name)) problems.Add("a source has no Name");
            if (s.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                problems.Add($"source '{s.Name}': Url must be an absolute http(s) URL");
            if (s.Interval <= TimeSpan.Zero) problems.Add($"source '{s.Name}': Interval must be positive");
            if (s.Kind == FeedKind.Quotes && (s.Corridors.Count == 0 || s.Corridors.Any(c => c.Amounts.Count == 0 || c.Amounts.Any(a => a <= 0m))))
                problems.Add($"source '{s.Name}': a quote feed needs Corridors, each with positive Amounts");
        }
        problems.AddRange(options.Sources.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => $"source name '{g.Key}' is used twice"));
        if (problems.Count > 0) throw new InvalidOperationException("Feeds configuration: " + string.Join("; ", problems));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var source in Sources) source.Dispose();
    }
}
