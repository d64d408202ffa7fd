namespace RemitCompare.Domain.Pricing;

/// <summary>
/// The full cost of sending one amount with one service, per DESIGN's formulas. Unrounded: round only where shown.
/// Fields that need the exchange rate or the mid-market rate are null when the provider hides its rate or no
/// reference is known; in receive mode a hidden rate leaves even the send amount, the fee and what the sender pays
/// unknown (<see cref="Unpriced"/>).
/// </summary>
/// <param name="SendAmount">Amount converted or sent, in the send currency (before an on-top fee); null when it cannot be computed.</param>
/// <param name="Fee">Sender fee, send currency; null when the send amount is unknown.</param>
/// <param name="SenderPays">What leaves the sender's pocket: amount + fee on top, or the amount when deducted; null when unknown.</param>
/// <param name="FeePct">Fee as a percentage of the send amount; null when the send amount is unknown.</param>
/// <param name="FxMarginPct">(1 − rate / mid) × 100.</param>
/// <param name="ReceiveFee">Receive-side fee, payout currency.</param>
/// <param name="ReceiveFeePct">Receive fee at mid-market as a percentage of the send amount.</param>
/// <param name="TotalCostPct">Fee % + FX margin % + receive fee %.</param>
/// <param name="TotalCost">Total cost in the send currency: F + S(1 − r/m) + R/m.</param>
/// <param name="RecipientGets">What the recipient receives, payout currency.</param>
/// <param name="ValueAtMidMarket">Recipient gets converted back at mid-market into the send currency; ranks offers paid in different currencies.</param>
public readonly record struct CostBreakdown(
    decimal? SendAmount,
    decimal? Fee,
    decimal? SenderPays,
    decimal? FeePct,
    decimal? FxMarginPct,
    decimal ReceiveFee,
    decimal? ReceiveFeePct,
    decimal? TotalCostPct,
    decimal? TotalCost,
    decimal? RecipientGets,
    decimal? ValueAtMidMarket)
{
    /// <summary>
    /// Receive mode for a service that hides its rate: the amount to send cannot be computed, so every amount is
    /// unknown; the receive fee is 0, as send mode gives it without a rate.
    /// </summary>
    public static CostBreakdown Unpriced { get; } = new(null, null, null, null, null, 0m, null, null, null, null, null);
}

/// <summary>Prices a quote at an amount: send mode directly, receive mode by solving for the send amount.</summary>
public static class QuotePricing
{
    /// <summary>The cost of sending <paramref name="sendAmount"/>; null when the service does not take that amount.</summary>
    public static CostBreakdown? Price(ServiceQuote quote, decimal sendAmount) =>
        new QuoteTerms(quote, null).Price(sendAmount, out var cost) ? cost : null;

    /// <summary>
    /// The send amount (rounded up to the send currency's minor units) for which the recipient gets at least
    /// <paramref name="recipientMustGet"/> in the payout currency and the sender pays least, priced; null when no band
    /// of the service can deliver it; <see cref="CostBreakdown.Unpriced"/> when the rate is undisclosed.
    /// </summary>
    /// <remarks>
    /// Rounding up to the minor unit can cross into a dearer band and miss the target, so each band's solution on
    /// both sides is rounded and priced, and what the sender pays decides. With the fee on top, sending more than
    /// needed can cost less (a cheaper band above), so every band start above the need is a candidate too.
    /// </remarks>
    public static CostBreakdown? PriceForReceive(ServiceQuote quote, decimal recipientMustGet) =>
        new QuoteTerms(quote, null).PriceForReceive(recipientMustGet, out var cost) ? cost : null;
}
