namespace RemitCompare.Domain.Ranking;

/// <summary>What a user or a regulator must be told about an offer.</summary>
[Flags]
public enum OfferFlags
{
    /// <summary>Nothing to report.</summary>
    None = 0,
    /// <summary>"No fee" while the exchange-rate margin is above 1 %.</summary>
    ZeroFeeWithMargin = 1,
    /// <summary>The recipient pays a fee too.</summary>
    ReceiveFee = 2,
    /// <summary>The provider does not disclose its rate; the margin cannot be known.</summary>
    RateNotDisclosed = 4,
    /// <summary>The quote is older than its source's freshness limit.</summary>
    Stale = 8,
    /// <summary>A promotional price.</summary>
    Promotion = 16,
    /// <summary>Total cost below zero: a data error or a subsidy.</summary>
    NegativeCost = 32,
    /// <summary>The mid-market reference is older than the reference limit.</summary>
    StaleReference = 64,
    /// <summary>A survey price estimated outside the two surveyed amounts.</summary>
    EstimatedOutsideSurveyedRange = 128,
    /// <summary>The recipient is paid in a currency other than the destination's own.</summary>
    PayoutInOtherCurrency = 256,
}

/// <summary>API names of offer flags.</summary>
public static class OfferFlagNames
{
    private static readonly (OfferFlags Flag, string Name)[] Names =
    [
        (OfferFlags.ZeroFeeWithMargin, "zero_fee_with_margin"),
        (OfferFlags.ReceiveFee, "receive_fee"),
        (OfferFlags.RateNotDisclosed, "rate_not_disclosed"),
        (OfferFlags.Stale, "stale"),
        (OfferFlags.Promotion, "promotion"),
        (OfferFlags.NegativeCost, "negative_cost"),
        (OfferFlags.StaleReference, "stale_reference"),
        (OfferFlags.EstimatedOutsideSurveyedRange, "estimated_outside_surveyed_range"),
        (OfferFlags.PayoutInOtherCurrency, "payout_in_other_currency"),
    ];

    private static readonly string[][] Cache = BuildCache();

    /// <summary>Every flag name, in a stable order.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>The names of the flags set, in a stable order; cached so the hot path does not allocate.</summary>
    public static string[] ToNames(this OfferFlags flags) => Cache[(int)flags];

    private static string[][] BuildCache()
    {
        var all = 0;
        foreach (var (flag, _) in Names) all |= (int)flag;
        var cache = new string[all + 1][];
        for (var bits = 0; bits <= all; bits++)
        {
            cache[bits] = Names.Where(n => (bits & (int)n.Flag) != 0).Select(n => n.Name).ToArray();
        }
        return cache;
    }
}
