using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace RemitCompare.FeedSimulator;

/// <summary>The ways the simulator can misbehave, one per request.</summary>
public enum FeedFault
{
    /// <summary>A good answer.</summary>
    None,
    /// <summary>Waits <see cref="SimulatorState.Latency"/> before a good answer.</summary>
    Latency,
    /// <summary>429 with <c>Retry-After: </c><see cref="SimulatorState.RetryAfterSeconds"/>.</summary>
    TooManyRequests,
    /// <summary>500.</summary>
    ServerError,
    /// <summary>The connection is dropped before any answer.</summary>
    ConnectionReset,
    /// <summary>Half the body, then the connection is dropped.</summary>
    TruncatedBody,
    /// <summary>200 with a body that is not JSON.</summary>
    InvalidJson,
    /// <summary>Quotes in EUR instead of the corridor's payout currency.</summary>
    WrongCurrency,
    /// <summary>Rates (and what the recipient gets) 100 times too high.</summary>
    RateOff100x,
    /// <summary>Quotes collected <see cref="SimulatorState.StaleBy"/> ago.</summary>
    StaleTimestamp,
}

/// <summary>One simulated provider's price list.</summary>
/// <param name="Name">Provider name.</param>
/// <param name="FirmType">Firm type.</param>
/// <param name="FixedFee">Fixed part of the fee, send currency.</param>
/// <param name="PercentFee">Percent part of the fee.</param>
/// <param name="MarginPct">FX margin below mid-market, percent.</param>
/// <param name="PayoutMethod">Payout method name.</param>
/// <param name="MaxDuration">Slowest delivery, ISO 8601.</param>
public sealed record SimulatedProvider(string Name, string FirmType, decimal FixedFee, decimal PercentFee, decimal MarginPct, string PayoutMethod, string MaxDuration);

/// <summary>What the simulator serves and which faults it injects next; safe to change while it serves.</summary>
public sealed class SimulatorState(TimeProvider clock)
{
    private readonly ConcurrentQueue<FeedFault> _next = new();
    private ImmutableList<SimulatedProvider> _providers = ImmutableList.Create<SimulatedProvider>(
        new("Harbour Transfer", "Money Transfer Operator", 2.99m, 0m, 1.2m, "bank_account", "PT1H"),
        new("Lakeside Bank", "Bank", 15m, 0m, 3.5m, "bank_account", "P3D"),
        new("Mobile Pesa Link", "Mobile Operator", 1m, 1m, 2.1m, "mobile_wallet", "PT30M"),
        new("Post Express", "Post office", 5m, 0.5m, 4.2m, "cash_pickup", "P1D"));
    private int _requests;

    /// <summary>The clock quotes are stamped with.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Mid-market rates by <c>SEND-PAYOUT</c>, e.g. <c>USD-MXN</c>.</summary>
    public ConcurrentDictionary<string, decimal> Mids { get; } = new(new Dictionary<string, decimal>
    {
        ["USD-MXN"] = 17.35m, ["GBP-INR"] = 112.4m, ["EUR-PHP"] = 63.8m, ["USD-PHP"] = 57.9m, ["GBP-KES"] = 163.2m,
    });

    /// <summary>ECB reference rates served in the daily XML (units per EUR).</summary>
    public ConcurrentDictionary<string, decimal> EuroRates { get; } = new(new Dictionary<string, decimal>
    {
        ["USD"] = 1.1618m, ["GBP"] = 0.8665m, ["MXN"] = 20.157m, ["INR"] = 97.39m, ["PHP"] = 67.21m, ["JPY"] = 183.03m,
    });

    /// <summary>A fault applied to every request until cleared (after queued ones).</summary>
    public FeedFault Always { get; set; }

    /// <summary>Delay of <see cref="FeedFault.Latency"/> (default 30 s, real time; the client's timeout should cut it).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry-After of <see cref="FeedFault.TooManyRequests"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 120;

    /// <summary>Age of quotes under <see cref="FeedFault.StaleTimestamp"/> (default 2 days).</summary>
    public TimeSpan StaleBy { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Requests served so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The providers priced.</summary>
    public ImmutableList<SimulatedProvider> Providers => Volatile.Read(ref _providers);

    /// <summary>Replaces a provider's price list (matched by name), or adds it.</summary>
    public void SetProvider(SimulatedProvider provider) =>
        ImmutableInterlocked.Update(ref _providers, list =>
            list.FindIndex(p => p.Name == provider.Name) is var i and >= 0 ? list.SetItem(i, provider) : list.Add(provider));

    /// <summary>Queues a fault for the next <paramref name="times"/> requests.</summary>
    public void Inject(FeedFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++) _next.Enqueue(fault);
    }

    /// <summary>Drops queued faults and the standing one.</summary>
    public void Clear()
    {
        _next.Clear();
        Always = FeedFault.None;
    }

    /// <summary>Counts a request and says how it is to be answered.</summary>
    internal FeedFault NextFault()
    {
        Interlocked.Increment(ref _requests);
        return _next.TryDequeue(out var fault) ? fault : Always;
    }
}
