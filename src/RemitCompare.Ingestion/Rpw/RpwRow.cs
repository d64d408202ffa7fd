using RemitCompare.Domain.Services;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>One surveyed amount of an RPW row as read (rates still in the file's direction and scale).</summary>
internal sealed record RpwPoint(decimal Amount, decimal Denomination, string Code, decimal Fee, decimal? Rate, decimal? Margin, decimal? Total);

/// <summary>An RPW row whose fields parsed, before currencies and rate direction are inferred.</summary>
internal sealed record RpwRow
{
    public required int Row { get; init; }
    public required string Raw { get; init; }
    /// <summary>Identifies the row by its values (<see cref="RpwRowHash.Of"/>).</summary>
    public string Hash { get; init; } = "";
    /// <summary>What earlier versions stored for the same row (<see cref="RpwRowHash.Previous"/>).</summary>
    public string PreviousHash { get; init; } = "";
    public required string Period { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Firm { get; init; }
    public required string FirmType { get; init; }
    public required FundingMethod Funding { get; init; }
    public required PayoutMethod Payout { get; init; }
    public Speed? Speed { get; init; }
    public required RpwPoint Cc1 { get; init; }
    public required RpwPoint Cc2 { get; init; }
    public decimal? Interbank { get; init; }
    public required bool Transparent { get; init; }
    public required bool Promotion { get; init; }
    public required DateTimeOffset CollectedAt { get; init; }
    public string? DateNote { get; init; }

    /// <summary>The interbank rate as stated, else implied by the cc1 rate and margin (r / (1 − margin)).</summary>
    public decimal? EffectiveInterbank =>
        Interbank ?? (Transparent && Cc1.Rate is { } r && Cc1.Margin is { } m && m < 100m ? r / (1m - (m / 100m)) : null);

    /// <summary>Sent in the local currency: the amount is not the USD denomination.</summary>
    public bool SentInLocalCurrency => Cc1.Amount != Cc1.Denomination || Cc2.Amount != Cc2.Denomination;
}
