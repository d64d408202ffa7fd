namespace RemitCompare.Ingestion.Feeds;

/// <summary>The live sources (configuration section <c>Feeds</c>).</summary>
public sealed record FeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Feeds";

    /// <summary>Configured sources; none by default.</summary>
    public IReadOnlyList<FeedSourceOptions> Sources { get; init; } = [];

    /// <summary>What a quote must satisfy to be stored.</summary>
    public QuoteRules Validation { get; init; } = new();
}

/// <summary>The kinds of live source.</summary>
public enum FeedKind
{
    /// <summary>A provider quote feed in the documented JSON shape (docs/feeds.md).</summary>
    Quotes,
    /// <summary>The ECB daily reference rates XML envelope.</summary>
    Ecb,
}

/// <summary>One live source: where, what, how often, and how hard to try.</summary>
public sealed record FeedSourceOptions
{
    /// <summary>Name the batches, logs and <c>/v1/sources</c> know the source by.</summary>
    public string Name { get; init; } = "";
    /// <summary>Quote feed or ECB rates.</summary>
    public FeedKind Kind { get; init; } = FeedKind.Quotes;
    /// <summary>Absolute URL; quote feeds get <c>from</c>, <c>to</c>, <c>sourceCurrency</c>, <c>targetCurrency</c> and <c>amount</c> added as query parameters.</summary>
    public Uri? Url { get; init; }
    /// <summary>Time between runs (default 1 hour).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Corridors and amounts to ask a quote feed for.</summary>
    public IReadOnlyList<FeedCorridor> Corridors { get; init; } = [];
    /// <summary>Timeout, retries, breaker and rate limit.</summary>
    public FeedResilienceOptions Resilience { get; init; } = new();
}

/// <summary>A corridor a quote feed is asked about, in its send and payout currencies, at one or more send amounts.</summary>
public sealed record FeedCorridor
{
    /// <summary>Sending country, alpha-3.</summary>
    public string From { get; init; } = "";
    /// <summary>Receiving country, alpha-3.</summary>
    public string To { get; init; } = "";
    /// <summary>Currency the sender pays in.</summary>
    public string SendCurrency { get; init; } = "";
    /// <summary>Currency the recipient receives.</summary>
    public string ReceiveCurrency { get; init; } = "";
    /// <summary>Send amounts to ask for; the fee model runs through the smallest and largest.</summary>
    public IReadOnlyList<decimal> Amounts { get; init; } = [];
}

/// <summary>Resilience of one source. The defaults suit a source called a few times an hour.</summary>
public sealed record FeedResilienceOptions
{
    /// <summary>Limit of one attempt (default 20 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Retries after the first attempt (default 3).</summary>
    public int MaxRetries { get; init; } = 3;
    /// <summary>First backoff delay, doubled with jitter on each retry (default 2 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Longest wait between attempts; a Retry-After beyond it ends the fetch instead (default 5 min).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Share of failed attempts in the sampling window that opens the breaker (default 0.5).</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;
    /// <summary>Attempts in the window before the breaker may open (default 4: one run's attempts).</summary>
    public int BreakerMinimumThroughput { get; init; } = 4;
    /// <summary>The breaker's sampling window (default 1 hour).</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromHours(1);
    /// <summary>How long the breaker stays open before one trial call (default 15 min).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Most requests (attempts) per rate window (default 30).</summary>
    public int RequestsPerWindow { get; init; } = 30;
    /// <summary>The rate window (default 1 hour).</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>What a quote must satisfy to be stored; anything else goes to quarantine with the reason.</summary>
public sealed record QuoteRules
{
    /// <summary>Largest distance of the quoted rate from mid-market, as a fraction (default 0.10 = 10 %).</summary>
    public decimal MaxRateDeviation { get; init; } = 0.10m;
    /// <summary>Oldest a quote may be when fetched (default 6 hours).</summary>
    public TimeSpan MaxQuoteAge { get; init; } = TimeSpan.FromHours(6);
    /// <summary>How far in the future a timestamp may be, for clock skew (default 5 min).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Relative tolerance between receivedAmount and (sendAmount − fee) × rate (default 0.001 = 0.1 %).</summary>
    public decimal AmountTolerance { get; init; } = 0.001m;
}
