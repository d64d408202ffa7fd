using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Pricing;

/// <summary>A mid-market rate (units of the payout currency per unit of the send currency), where it came from and its date.</summary>
/// <param name="Rate">Payout units per send unit.</param>
/// <param name="Source">Named source, e.g. <c>ecb</c> (crossed through EUR) or <c>rpw-interbank</c>.</param>
/// <param name="At">Date the rate was published for.</param>
public sealed record MidMarketRate(decimal Rate, string Source, DateOnly At);

/// <summary>Where a quote came from: the kind of source, its name and the ingestion batch.</summary>
/// <param name="Kind"><c>survey</c>, <c>feed</c> or <c>upload</c>.</param>
/// <param name="Name">Source name, e.g. <c>rpw</c>.</param>
/// <param name="BatchId">Ingestion batch that stored the observation.</param>
public sealed record QuoteSource(string Kind, string Name, long BatchId);

/// <summary>
/// The latest valid price of one service (provider, corridor, funding and payout method), ready to be priced at
/// any amount: sender fee schedule, exchange rate, receive-side fee and the mid-market reference.
/// </summary>
public sealed record ServiceQuote
{
    /// <summary>Store id of the service.</summary>
    public required long ServiceId { get; init; }
    /// <summary>Store id of the provider.</summary>
    public required long ProviderId { get; init; }
    /// <summary>Provider's name.</summary>
    public required string Provider { get; init; }
    /// <summary>Firm type (Bank, Money Transfer Operator, Mobile Operator, Post office, Non-Bank FI…).</summary>
    public required string FirmType { get; init; }
    /// <summary>How the sender pays.</summary>
    public required FundingMethod Funding { get; init; }
    /// <summary>How the recipient is paid.</summary>
    public required PayoutMethod Payout { get; init; }
    /// <summary>Delivery time category, when known.</summary>
    public Speed? Speed { get; init; }
    /// <summary>Currency the sender pays in.</summary>
    public required Currency SendCurrency { get; init; }
    /// <summary>Currency the recipient receives.</summary>
    public required Currency PayoutCurrency { get; init; }
    /// <summary>Sender fee, in the send currency.</summary>
    public required FeeSchedule SenderFee { get; init; }
    /// <summary>Whether the sender fee is added on top or deducted.</summary>
    public FeePlacement Placement { get; init; } = FeePlacement.OnTop;
    /// <summary>Fee taken from the recipient, in the payout currency, as a function of the gross payout; null when none.</summary>
    public FeeSchedule? ReceiveFee { get; init; }
    /// <summary>Applied exchange rate in payout units per send unit; null when the provider does not disclose it.</summary>
    public decimal? Rate { get; init; }
    /// <summary>Mid-market reference for the quote's moment; null when none could be resolved.</summary>
    public MidMarketRate? MidMarket { get; init; }
    /// <summary>Price of a promotion (first transfer free, coupon rate).</summary>
    public bool Promotion { get; init; }
    /// <summary>When the price was observed.</summary>
    public required DateTimeOffset CollectedAt { get; init; }
    /// <summary>Source and batch.</summary>
    public required QuoteSource Source { get; init; }
    /// <summary>Moment after which the quote is stale; null when it only goes stale by being superseded.</summary>
    public DateTimeOffset? StaleAfter { get; init; }
    /// <summary>True when a newer round of the same source no longer lists this service.</summary>
    public bool Superseded { get; init; }
    /// <summary>Send amounts actually surveyed (RPW cc1..cc2); prices outside it are estimates.</summary>
    public decimal? SurveyedLow { get; init; }
    /// <summary>Upper end of the surveyed range.</summary>
    public decimal? SurveyedHigh { get; init; }
    /// <summary>The mid-market reference is older than the reference freshness limit.</summary>
    public bool StaleReference { get; init; }
    /// <summary>Survey period such as <c>2025Q3</c>, for survey data.</summary>
    public string? Period { get; init; }

    /// <summary>True when the provider discloses the rate, so the full cost can be known.</summary>
    public bool Transparent => Rate is not null;

    /// <summary>True when the quote is stale at <paramref name="now"/>.</summary>
    public bool IsStaleAt(DateTimeOffset now) => Superseded || (StaleAfter is { } limit && now > limit);
}
