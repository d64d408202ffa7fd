using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.FeedSimulator;

/// <summary>Prices every simulated provider for a send amount, from the mid-market rate, each provider's fee and margin.</summary>
public static class QuotePricer
{
    /// <summary>The feed answer, or null when the pair is not simulated or the amount is not positive.</summary>
    public static ProviderQuoteFeed? Feed(SimulatorState state, string source, string target, decimal amount, FeedFault fault)
    {
        if (amount <= 0m || !state.Mids.TryGetValue($"{source}-{target}", out var mid)) return null;
        var now = state.Clock.GetUtcNow();
        var collected = fault == FeedFault.StaleTimestamp ? now - state.StaleBy : now.AddMinutes(-1);
        var providers = state.Providers
            .Select(p => new FeedProvider(p.Name, p.FirmType, [Quote(p, source, target, amount, mid, collected, fault)]))
            .ToList();
        return new ProviderQuoteFeed(source, target, amount, mid, now, providers);
    }

    private static FeedQuote Quote(SimulatedProvider p, string source, string target, decimal amount, decimal mid, DateTimeOffset collected, FeedFault fault)
    {
        var fee = Math.Round(p.FixedFee + (amount * p.PercentFee / 100m), 2);
        var rate = Math.Round(mid * (1m - (p.MarginPct / 100m)), 4);
        if (fault == FeedFault.RateOff100x) rate *= 100m;
        var received = Math.Round((amount - fee) * rate, 2);
        var payoutCurrency = fault == FeedFault.WrongCurrency ? "EUR" : target;
        return new FeedQuote(fee, rate, received, amount, source, payoutCurrency, collected,
            new DeliveryEstimation("PT0S", p.MaxDuration), p.PayoutMethod, p.MarginPct == 0m, "bank_account");
    }
}
