using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Services;

namespace RemitCompare.Data.Batches;

/// <summary>What identifies an ingestion run: the source, the raw payload's hash and size, and when it ran.</summary>
/// <param name="Source">Source name, e.g. <c>rpw</c>, <c>ecb</c>.</param>
/// <param name="Kind"><c>survey</c>, <c>rates</c>, <c>feed</c> or <c>upload</c>.</param>
/// <param name="FileName">File or URL the payload came from.</param>
/// <param name="PayloadSha256">Lower-case hex SHA-256 of the payload bytes.</param>
/// <param name="PayloadBytes">Payload size.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="ApiKeyId">The API key an upload was sent with; null for the command line.</param>
public sealed record BatchHeader(string Source, string Kind, string? FileName, string PayloadSha256, long PayloadBytes, DateTimeOffset StartedAt, long? ApiKeyId = null);

/// <summary>Two surveyed price points of an RPW row, kept as the World Bank stated them.</summary>
/// <param name="Amount">Send amount.</param>
/// <param name="Fee">Fee.</param>
/// <param name="Rate">Exchange rate as normalised (payout units per send unit).</param>
/// <param name="MarginPct">Stated FX margin %.</param>
/// <param name="TotalCostPct">Stated total cost %.</param>
public sealed record SurveyPoint(decimal Amount, decimal Fee, decimal? Rate, decimal? MarginPct, decimal? TotalCostPct);

/// <summary>One validated price observation, ready to store.</summary>
public sealed record ObservationRecord
{
    /// <summary>Row number in the payload (header = 1), for provenance.</summary>
    public required int SourceRow { get; init; }
    /// <summary>Hash of the row's normalised content: the same row ingested again adds nothing.</summary>
    public required string RowHash { get; init; }
    /// <summary>The hash an earlier version stored for the same row, if any: a service holding it already has the row.</summary>
    public string? PreviousRowHash { get; init; }
    /// <summary>Provider name.</summary>
    public required string Provider { get; init; }
    /// <summary>Firm type.</summary>
    public required string FirmType { get; init; }
    /// <summary>Sending country, alpha-3.</summary>
    public required string From { get; init; }
    /// <summary>Receiving country, alpha-3.</summary>
    public required string To { get; init; }
    /// <summary>Funding method.</summary>
    public required FundingMethod Funding { get; init; }
    /// <summary>Payout method.</summary>
    public required PayoutMethod Payout { get; init; }
    /// <summary>Send currency code.</summary>
    public required string SendCurrency { get; init; }
    /// <summary>Payout currency code.</summary>
    public required string PayoutCurrency { get; init; }
    /// <summary>When the price was observed.</summary>
    public required DateTimeOffset CollectedAt { get; init; }
    /// <summary>Survey period (<c>2025Q3</c>) or null.</summary>
    public string? Period { get; init; }
    /// <summary>Speed category.</summary>
    public Speed? Speed { get; init; }
    /// <summary>Sender fee schedule.</summary>
    public required FeeSchedule SenderFee { get; init; }
    /// <summary>On top or deducted.</summary>
    public FeePlacement Placement { get; init; } = FeePlacement.OnTop;
    /// <summary>Receive-side fee schedule, payout currency.</summary>
    public FeeSchedule? ReceiveFee { get; init; }
    /// <summary>Applied rate (payout per send unit); null when undisclosed.</summary>
    public decimal? Rate { get; init; }
    /// <summary>Interbank or mid-market rate carried by the source row.</summary>
    public decimal? InterbankRate { get; init; }
    /// <summary>Promotional price.</summary>
    public bool Promotion { get; init; }
    /// <summary>Lowest surveyed send amount.</summary>
    public decimal? SurveyedLow { get; init; }
    /// <summary>Highest surveyed send amount.</summary>
    public decimal? SurveyedHigh { get; init; }
    /// <summary>RPW cc1 as stated.</summary>
    public SurveyPoint? Cc1 { get; init; }
    /// <summary>RPW cc2 as stated.</summary>
    public SurveyPoint? Cc2 { get; init; }
    /// <summary>How currencies or rate directions were inferred, when they were.</summary>
    public string? Inference { get; init; }
}

/// <summary>A reference rate: units of <paramref name="Quote"/> per unit of <paramref name="Base"/> on a date.</summary>
/// <param name="Source">E.g. <c>ecb</c>.</param>
/// <param name="Base">Base currency.</param>
/// <param name="Quote">Quote currency.</param>
/// <param name="Date">Date of the rate.</param>
/// <param name="Rate">The rate.</param>
public sealed record ReferenceRateRecord(string Source, string Base, string Quote, DateOnly Date, decimal Rate);

/// <summary>A row that was not stored, and why.</summary>
/// <param name="RowNumber">Row number in the payload (header = 1).</param>
/// <param name="Field">The offending field, when one is to blame.</param>
/// <param name="Reason">Why it was rejected, in words.</param>
/// <param name="Raw">The raw row.</param>
public sealed record QuarantinedRow(int RowNumber, string? Field, string Reason, string Raw);

/// <summary>What a batch did.</summary>
/// <param name="BatchId">The batch, or the earlier batch that already holds this payload.</param>
/// <param name="AlreadyIngested">The same payload from the same source was stored before; nothing was added.</param>
/// <param name="Accepted">Observations or rates newly stored.</param>
/// <param name="AlreadyStored">Valid rows that an earlier batch already stored.</param>
/// <param name="Quarantined">Rows rejected with a reason.</param>
public sealed record BatchOutcome(long BatchId, bool AlreadyIngested, int Accepted, int AlreadyStored, int Quarantined);
