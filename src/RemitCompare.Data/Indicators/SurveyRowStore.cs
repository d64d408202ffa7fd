using Dapper;
using RemitCompare.Domain.Indicators;
using RemitCompare.Domain.Services;

namespace RemitCompare.Data.Indicators;

/// <summary>A stored survey observation with everything an RPW export line needs.</summary>
/// <param name="Observation">What the indicators read.</param>
/// <param name="FromName">Sending country name.</param>
/// <param name="ToName">Receiving country name.</param>
/// <param name="Funding">Funding method API name.</param>
/// <param name="SendCurrency">Currency the amounts and fees are in.</param>
/// <param name="PayoutCurrency">Currency the rates deliver.</param>
/// <param name="Cc1">The cc1 point as stored.</param>
/// <param name="Cc2">The cc2 point as stored.</param>
/// <param name="InterbankRate">Interbank rate, payout per send unit.</param>
/// <param name="CollectedAt">When the price was collected.</param>
/// <param name="IngestedAt">When it was stored.</param>
public sealed record SurveyRow(
    SurveyObservation Observation, string FromName, string ToName, string Funding, string SendCurrency, string PayoutCurrency,
    StoredPoint Cc1, StoredPoint Cc2, decimal? InterbankRate, DateTimeOffset CollectedAt, DateTimeOffset IngestedAt);

/// <summary>One surveyed amount of a stored row.</summary>
public sealed record StoredPoint(decimal? Amount, decimal? Fee, decimal? Rate, decimal? MarginPct, decimal? TotalCostPct);

/// <summary>What to read: a period, a set of corridors (keys <c>KEN-UGA</c>), and what was ingested by a moment.</summary>
/// <param name="Period">Only this quarter (<c>2025Q3</c>), or all when null.</param>
/// <param name="Corridors">Only these corridors, or all when null or empty.</param>
/// <param name="AsOf">Only what was ingested at or before this moment, or everything when null.</param>
public sealed record SurveyQuery(string? Period = null, IReadOnlyCollection<string>? Corridors = null, DateTimeOffset? AsOf = null);

/// <summary>Reads the append-only survey observations (rows with a period) the indicators and exports are computed from.</summary>
public sealed class SurveyRowStore(Store store)
{
    /// <summary>The periods held (ingested by <paramref name="asOf"/>), oldest first.</summary>
    public IReadOnlyList<string> Periods(DateTimeOffset? asOf = null)
    {
        using var connection = store.Open();
        return connection.Query<string>(
            "SELECT DISTINCT period FROM quote_observations WHERE period IS NOT NULL AND ingested_at <= @cutoff ORDER BY period",
            new { cutoff = Flows.FlowStore.Cutoff(asOf) }).ToList();
    }

    /// <summary>The rows a query selects, in store order.</summary>
    public IReadOnlyList<SurveyRow> Rows(SurveyQuery query)
    {
        using var connection = store.Open();
        var corridors = query.Corridors is { Count: > 0 } keys ? keys.ToHashSet(StringComparer.Ordinal) : null;
        return connection.Query<Row>(Sql, new { cutoff = Flows.FlowStore.Cutoff(query.AsOf), period = query.Period })
            .Where(r => corridors is null || corridors.Contains(r.FromCountry + "-" + r.ToCountry))
            .Select(ToRow)
            .ToList();
    }

    /// <summary>Just what the indicators need.</summary>
    public IReadOnlyList<SurveyObservation> Observations(SurveyQuery query) => Rows(query).Select(r => r.Observation).ToList();

    private static SurveyRow ToRow(Row r)
    {
        var observation = new SurveyObservation(
            r.Id, r.BatchId, r.FromCountry, r.ToCountry, r.Period, r.Provider, r.FirmType,
            MethodNames.TryParsePayout(r.Payout, out var payout) ? payout : PayoutMethod.Other,
            MethodNames.TryParseSpeed(r.Speed, out var speed) ? speed : null,
            r.Transparent != 0, DecimalText.Parse(r.Cc1Total), DecimalText.Parse(r.Cc2Total), r.FromRegion, r.ToRegion);
        return new SurveyRow(
            observation, r.FromName ?? r.FromCountry, r.ToName ?? r.ToCountry, r.Funding, r.SendCurrency, r.PayoutCurrency,
            new StoredPoint(DecimalText.Parse(r.Cc1Amount), DecimalText.Parse(r.Cc1Fee), DecimalText.Parse(r.Cc1Rate), DecimalText.Parse(r.Cc1Margin), DecimalText.Parse(r.Cc1Total)),
            new StoredPoint(DecimalText.Parse(r.Cc2Amount), DecimalText.Parse(r.Cc2Fee), DecimalText.Parse(r.Cc2Rate), DecimalText.Parse(r.Cc2Margin), DecimalText.Parse(r.Cc2Total)),
            DecimalText.Parse(r.InterbankRate), StoredTime.Parse(r.CollectedAt), StoredTime.Parse(r.IngestedAt));
    }

    private const string Sql =
        """
        SELECT o.id AS Id, o.batch_id AS BatchId, c.from_country AS FromCountry, c.to_country AS ToCountry, o.period AS Period,
               p.name AS Provider, o.firm_type AS FirmType, s.payout_method AS Payout, s.funding_method AS Funding, o.speed AS Speed,
               o.transparent AS Transparent, s.send_currency AS SendCurrency, s.payout_currency AS PayoutCurrency,
               o.cc1_amount AS Cc1Amount, o.cc1_fee AS Cc1Fee, o.cc1_rate AS Cc1Rate, o.cc1_margin_pct AS Cc1Margin, o.cc1_total_cost_pct AS Cc1Total,
               o.cc2_amount AS Cc2Amount, o.cc2_fee AS Cc2Fee, o.cc2_rate AS Cc2Rate, o.cc2_margin_pct AS Cc2Margin, o.cc2_total_cost_pct AS Cc2Total,
               o.interbank_rate AS InterbankRate, o.collected_at AS CollectedAt, o.ingested_at AS IngestedAt,
               fc.name AS FromName, tc.name AS ToName, fc.region AS FromRegion, tc.region AS ToRegion
        FROM quote_observations o
        JOIN services s ON s.id = o.service_id
        JOIN corridors c ON c.id = s.corridor_id
        JOIN providers p ON p.id = s.provider_id
        LEFT JOIN countries fc ON fc.iso3 = c.from_country
        LEFT JOIN countries tc ON tc.iso3 = c.to_country
        WHERE o.period IS NOT NULL AND o.ingested_at <= @cutoff AND (@period IS NULL OR o.period = @period)
        ORDER BY o.id
        """;

    private sealed record Row(
        long Id, long BatchId, string FromCountry, string ToCountry, string Period, string Provider, string FirmType, string Payout,
        string Funding, string? Speed, long Transparent, string SendCurrency, string PayoutCurrency,
        string? Cc1Amount, string? Cc1Fee, string? Cc1Rate, string? Cc1Margin, string? Cc1Total,
        string? Cc2Amount, string? Cc2Fee, string? Cc2Rate, string? Cc2Margin, string? Cc2Total,
        string? InterbankRate, string CollectedAt, string IngestedAt, string? FromName, string? ToName, string? FromRegion, string? ToRegion);
}
