namespace RemitCompare.Domain.Pricing;

/// <summary>
/// The full cost of sending one amount with one service, per DESIGN's formulas. Unrounded: round only where shown.
/// Figures that need the exchange rate or the mid-market rate are null when the provider hides its rate or no
/// reference is known; in receive mode a hidden rate leaves even the send amount, the fee and what the sender pays
/// unknown (<see cref="Unpriced"/>).
/// </summary>
/// <remarks>
/// Held as plain decimals and a mask of which are known: the ranking stages and copies one per offer, and ten
/// nullable decimals would make it a third larger.
/// </remarks>
public readonly record struct CostBreakdown
{
    private readonly decimal _sendAmount;
    private readonly decimal _fee;
    private readonly decimal _senderPays;
    private readonly decimal _feePct;
    private readonly decimal _fxMarginPct;
    private readonly decimal _receiveFeePct;
    private readonly decimal _totalCostPct;
    private readonly decimal _totalCost;
    private readonly decimal _recipientGets;
    private readonly decimal _valueAtMidMarket;
    private readonly Figures _known;

    /// <summary>A cost; null for every figure that is not known.</summary>
    /// <param name="SendAmount">Amount converted or sent, in the send currency (before an on-top fee).</param>
    /// <param name="Fee">Sender fee, send currency.</param>
    /// <param name="SenderPays">What leaves the sender's pocket: amount + fee on top, or the amount when deducted.</param>
    /// <param name="FeePct">Fee as a percentage of the send amount.</param>
    /// <param name="FxMarginPct">(1 − rate / mid) × 100.</param>
    /// <param name="ReceiveFee">Receive-side fee, payout currency.</param>
    /// <param name="ReceiveFeePct">Receive fee at mid-market as a percentage of the send amount.</param>
    /// <param name="TotalCostPct">Fee % + FX margin % + receive fee %.</param>
    /// <param name="TotalCost">Total cost in the send currency: F + S(1 − r/m) + R/m.</param>
    /// <param name="RecipientGets">What the recipient receives, payout currency.</param>
    /// <param name="ValueAtMidMarket">Recipient gets converted back at mid-market into the send currency.</param>
    public CostBreakdown(
        decimal? SendAmount, decimal? Fee, decimal? SenderPays, decimal? FeePct, decimal? FxMarginPct, decimal ReceiveFee,
        decimal? ReceiveFeePct, decimal? TotalCostPct, decimal? TotalCost, decimal? RecipientGets, decimal? ValueAtMidMarket)
        : this(
            Mask(SendAmount, Figures.SendAmount) | Mask(Fee, Figures.Fee) | Mask(SenderPays, Figures.SenderPays) | Mask(FeePct, Figures.FeePct)
            | Mask(FxMarginPct, Figures.FxMarginPct) | Mask(ReceiveFeePct, Figures.ReceiveFeePct) | Mask(TotalCostPct, Figures.TotalCostPct)
            | Mask(TotalCost, Figures.TotalCost) | Mask(RecipientGets, Figures.RecipientGets) | Mask(ValueAtMidMarket, Figures.ValueAtMidMarket),
            SendAmount ?? 0m, Fee ?? 0m, SenderPays ?? 0m, FeePct ?? 0m, FxMarginPct ?? 0m, ReceiveFee, ReceiveFeePct ?? 0m,
            TotalCostPct ?? 0m, TotalCost ?? 0m, RecipientGets ?? 0m, ValueAtMidMarket ?? 0m)
    {
    }

    /// <summary>The ranking's constructor: every figure as a decimal (0 where unknown) and which are known.</summary>
    internal CostBreakdown(
        Figures known, decimal sendAmount, decimal fee, decimal senderPays, decimal feePct, decimal fxMarginPct, decimal receiveFee,
        decimal receiveFeePct, decimal totalCostPct, decimal totalCost, decimal recipientGets, decimal valueAtMidMarket)
    {
        _known = known;
        (_sendAmount, _fee, _senderPays, _feePct, _fxMarginPct) = (sendAmount, fee, senderPays, feePct, fxMarginPct);
        ReceiveFee = receiveFee;
        (_receiveFeePct, _totalCostPct, _totalCost, _recipientGets, _valueAtMidMarket) = (receiveFeePct, totalCostPct, totalCost, recipientGets, valueAtMidMarket);
    }

    /// <summary>
    /// Receive mode for a service that hides its rate: the amount to send cannot be computed, so every amount is
    /// unknown; the receive fee is 0, as send mode gives it without a rate.
    /// </summary>
    public static CostBreakdown Unpriced { get; } = new(null, null, null, null, null, 0m, null, null, null, null, null);

    /// <summary>Amount converted or sent, in the send currency (before an on-top fee); null when it cannot be computed.</summary>
    public decimal? SendAmount => Known(_sendAmount, Figures.SendAmount);

    /// <summary>Sender fee, send currency; null when the send amount is unknown.</summary>
    public decimal? Fee => Known(_fee, Figures.Fee);

    /// <summary>What leaves the sender's pocket: amount + fee on top, or the amount when deducted; null when unknown.</summary>
    public decimal? SenderPays => Known(_senderPays, Figures.SenderPays);

    /// <summary>Fee as a percentage of the send amount; null when the send amount is unknown.</summary>
    public decimal? FeePct => Known(_feePct, Figures.FeePct);

    /// <summary>(1 − rate / mid) × 100.</summary>
    public decimal? FxMarginPct => Known(_fxMarginPct, Figures.FxMarginPct);

    /// <summary>Receive-side fee, payout currency.</summary>
    public decimal ReceiveFee { get; }

    /// <summary>Receive fee at mid-market as a percentage of the send amount.</summary>
    public decimal? ReceiveFeePct => Known(_receiveFeePct, Figures.ReceiveFeePct);

    /// <summary>Fee % + FX margin % + receive fee %.</summary>
    public decimal? TotalCostPct => Known(_totalCostPct, Figures.TotalCostPct);

    /// <summary>Total cost in the send currency: F + S(1 − r/m) + R/m.</summary>
    public decimal? TotalCost => Known(_totalCost, Figures.TotalCost);

    /// <summary>What the recipient receives, payout currency.</summary>
    public decimal? RecipientGets => Known(_recipientGets, Figures.RecipientGets);

    /// <summary>Recipient gets converted back at mid-market into the send currency; ranks offers paid in different currencies.</summary>
    public decimal? ValueAtMidMarket => Known(_valueAtMidMarket, Figures.ValueAtMidMarket);

    private decimal? Known(decimal value, Figures figure) => (_known & figure) != 0 ? value : null;

    private static Figures Mask(decimal? value, Figures figure) => value is null ? Figures.None : figure;
}

/// <summary>Which figures of a <see cref="CostBreakdown"/> are known.</summary>
[Flags]
internal enum Figures : ushort
{
    None = 0,
    SendAmount = 1,
    Fee = 2,
    SenderPays = 4,
    FeePct = 8,
    FxMarginPct = 16,
    ReceiveFeePct = 32,
    TotalCostPct = 64,
    TotalCost = 128,
    RecipientGets = 256,
    ValueAtMidMarket = 512,
    /// <summary>What an amount and its fee tell, without the rate.</summary>
    SendSide = SendAmount | Fee | SenderPays | FeePct,
    /// <summary>What the rate adds without a mid-market reference.</summary>
    WithoutMid = SendSide | RecipientGets,
    /// <summary>Everything.</summary>
    All = WithoutMid | FxMarginPct | ReceiveFeePct | TotalCostPct | TotalCost | ValueAtMidMarket,
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
