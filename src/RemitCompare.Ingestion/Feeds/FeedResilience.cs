using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>What one HTTP attempt brought back, body read in full.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">The whole body.</param>
/// <param name="RetryAfter">The Retry-After the server asked for, as a delay.</param>
public sealed record FetchResponse(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)
{
    /// <summary>True for 429, 408 and 5xx: worth another attempt.</summary>
    public bool IsTransientFailure => Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)Status >= 500;
}

/// <summary>
/// The resilience pipeline of one source, built once: retry with jittered exponential backoff that honours
/// Retry-After, a circuit breaker, a request budget per window, and a timeout per attempt — all on the given clock.
/// </summary>
public sealed class FeedResilience : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly FeedResilienceOptions _options;
    private readonly Lock _budgetGate = new();
    private TokenBucketRateLimiter _budget;
    private long _budgetWindowStart;

    /// <summary>Builds the pipeline. <paramref name="onRetry"/> hears of each retry and its delay.</summary>
    public FeedResilience(string name, FeedResilienceOptions options, TimeProvider clock, Action<TimeSpan, string>? onRetry = null)
    {
        _clock = clock;
        _options = options;
        _budgetWindowStart = clock.GetTimestamp();
        _budget = NewBudget();
        var builder = new ResiliencePipelineBuilder<FetchResponse> { Name = name, TimeProvider = clock };
        if (options.MaxRetries > 0) builder.AddRetry(Retry(options, onRetry));
        Pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<FetchResponse>
            {
                ShouldHandle = Transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = Circuit,
            })
            .AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => Acquire(args.Context.CancellationToken) })
            .AddTimeout(options.Timeout)
            .Build();
    }

    /// <summary>The pipeline.</summary>
    public ResiliencePipeline<FetchResponse> Pipeline { get; }

    /// <summary>The breaker's state.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    /// <summary>The state of the breaker as the API names it.</summary>
    public string CircuitState => Circuit.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Closed => "closed",
        Polly.CircuitBreaker.CircuitState.Open => "open",
        Polly.CircuitBreaker.CircuitState.HalfOpen => "half_open",
        _ => "isolated",
    };

    // Reset connections, truncated bodies, timeouts, 408, 429 and 5xx: worth another attempt, and counted by the breaker.
    private static readonly PredicateBuilder<FetchResponse> TransientFailures = new PredicateBuilder<FetchResponse>()
        .Handle<HttpRequestException>().Handle<IOException>().Handle<TimeoutRejectedException>().HandleResult(r => r.IsTransientFailure);

    private static readonly Func<RetryPredicateArguments<FetchResponse>, ValueTask<bool>> TransientForRetry = TransientFailures;

    private static readonly Func<CircuitBreakerPredicateArguments<FetchResponse>, ValueTask<bool>> Transient = TransientFailures;

    private static RetryStrategyOptions<FetchResponse> Retry(FeedResilienceOptions options, Action<TimeSpan, string>? onRetry) => new()
    {
        // A Retry-After beyond the longest wait is not worth waiting for inside one run: the next scheduled run will ask again.
        ShouldHandle = args => args.Outcome.Result?.RetryAfter is { } wait && wait > options.MaxRetryDelay ? new ValueTask<bool>(false) : TransientForRetry(args),
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        MaxDelay = options.MaxRetryDelay,
        DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
        OnRetry = args =>
        {
            onRetry?.Invoke(args.RetryDelay, Describe(args.Outcome));
            return default;
        },
    };

    /// <summary>A failure in words for logs and the fetch log.</summary>
    public static string Describe(Outcome<FetchResponse> outcome) => outcome.Exception switch
    {
        null when outcome.Result is { } r => $"HTTP {(int)r.Status} {r.Status}" + (r.RetryAfter is { } ra ? $" (Retry-After {ra.TotalSeconds:0} s)" : ""),
        TimeoutRejectedException => "timed out",
        BrokenCircuitException => "circuit open: not called",
        RateLimiterRejectedException => "request budget for the window used up: not called",
        { } e => $"{e.GetType().Name}: {e.Message}",
        _ => "no outcome",
    };

    /// <inheritdoc />
    public void Dispose() => _budget.Dispose();

    // A fresh bucket per window on the source's clock (the limiter's own replenishment runs on real time).
    private TokenBucketRateLimiter NewBudget() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = _options.RequestsPerWindow,
        TokensPerPeriod = _options.RequestsPerWindow,
        ReplenishmentPeriod = _options.RateWindow,
        AutoReplenishment = false,
        QueueLimit = 0,
    });

    private ValueTask<RateLimitLease> Acquire(CancellationToken cancellationToken)
    {
        TokenBucketRateLimiter budget;
        lock (_budgetGate)
        {
            if (_clock.GetElapsedTime(_budgetWindowStart) >= _options.RateWindow)
            {
                _budget.Dispose();
                _budget = NewBudget();
                _budgetWindowStart = _clock.GetTimestamp();
            }
            budget = _budget;
        }
        return budget.AcquireAsync(1, cancellationToken);
    }
}
