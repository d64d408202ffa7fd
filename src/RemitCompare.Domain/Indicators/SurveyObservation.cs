using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Indicators;

/// <summary>
/// One survey row as the RPW methodology reads it: a service's stated total cost % at the two surveyed amounts
/// (cc1 ≈ USD 200, cc2 ≈ USD 500) in one period, with what the breakdowns group by and the batch it came from.
/// </summary>
/// <param name="ObservationId">The stored observation.</param>
/// <param name="BatchId">The ingestion batch that stored it.</param>
/// <param name="From">Sending country (ISO alpha-3).</param>
/// <param name="To">Receiving country (ISO alpha-3).</param>
/// <param name="Period">Quarter, <c>2025Q3</c>.</param>
/// <param name="Provider">Firm name.</param>
/// <param name="FirmType">Bank, Money Transfer Operator, Post office, Mobile Operator…</param>
/// <param name="Payout">How the recipient is paid.</param>
/// <param name="Speed">Delivery time category, when known.</param>
/// <param name="Transparent">The rate is disclosed, so the margin and total cost are known.</param>
/// <param name="Cc1TotalCostPct">The row's own total cost % at cc1.</param>
/// <param name="Cc2TotalCostPct">The row's own total cost % at cc2.</param>
/// <param name="SendingRegion">UN region of the sending country.</param>
/// <param name="ReceivingRegion">UN region of the receiving country.</param>
public sealed record SurveyObservation(
    long ObservationId, long BatchId, string From, string To, string Period, string Provider, string FirmType,
    PayoutMethod Payout, Speed? Speed, bool Transparent, decimal? Cc1TotalCostPct, decimal? Cc2TotalCostPct,
    string? SendingRegion, string? ReceivingRegion)
{
    /// <summary>Corridor key such as <c>KEN-UGA</c>.</summary>
    public string Corridor => string.Concat(From, "-", To);

    /// <summary>Counts in averages: the rate is disclosed and the row states a cc1 total cost.</summary>
    public bool Averaged => Transparent && Cc1TotalCostPct is not null;

    /// <summary>Qualifies for SmaRT: transparent, delivered within 5 days (speed known and not "6 days or more").</summary>
    public bool SmartEligible => Averaged && Speed is { } s && s <= Services.Speed.ThreeToFiveDays;
}
