using RemitCompare.Domain.Services;

namespace RemitCompare.Domain.Indicators;

/// <summary>
/// The World Bank Remittance Prices Worldwide indicators, computed from each row's own stated total cost %
/// (which is how the published figures are made): corridor averages over transparent services, SmaRT, global
/// simple and flow-weighted averages, breakdowns and SDG 10.c status. Figures are unrounded.
/// </summary>
public static class RpwMethodology
{
    /// <summary>SDG 10.c target for the global average, in %.</summary>
    public const decimal SdgTargetPct = 3m;

    /// <summary>SDG 10.c ceiling for any corridor, in %.</summary>
    public const decimal SdgCorridorCeilingPct = 5m;

    /// <summary>How many of the cheapest qualifying services SmaRT averages.</summary>
    public const int SmartServices = 3;

    /// <summary>Every corridor's indicators for every period present, ordered by corridor then period.</summary>
    public static IReadOnlyList<CorridorIndicator> Corridors(IEnumerable<SurveyObservation> observations) =>
        observations
            .GroupBy(o => (o.From, o.To, o.Period))
            .OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal)
            .Select(g => Corridor(g.Key.From, g.Key.To, g.Key.Period, g.ToList()))
            .ToList();

    /// <summary>One corridor's indicators from its rows of one period.</summary>
    public static CorridorIndicator Corridor(string from, string to, string period, IReadOnlyCollection<SurveyObservation> rows)
    {
        var averaged = rows.Where(r => r.Averaged).ToList();
        var smart = rows.Where(r => r.SmartEligible).Select(r => r.Cc1TotalCostPct!.Value).Order().Take(SmartServices).ToList();
        return new CorridorIndicator(
            from, to, period, rows.Count, averaged.Count,
            Mean(averaged.Select(r => r.Cc1TotalCostPct!.Value)),
            Mean(averaged.Where(r => r.Cc2TotalCostPct is not null).Select(r => r.Cc2TotalCostPct!.Value)),
            Mean(smart),
            rows.Select(r => r.BatchId).Distinct().Order().ToList());
    }

    /// <summary>
    /// The global indicators of one period. <paramref name="flows"/> gives each corridor's bilateral remittance flow
    /// (any unit; only the ratios matter), keyed by corridor key (<c>KEN-UGA</c>).
    /// </summary>
    public static GlobalIndicators Global(
        string period, IReadOnlyCollection<SurveyObservation> observations, IReadOnlyDictionary<string, decimal> flows)
    {
        var rows = observations.Where(o => o.Period == period).ToList();
        var corridors = Corridors(rows);
        var averaged = rows.Where(r => r.Averaged).ToList();
        var global = Mean(averaged.Select(r => r.Cc1TotalCostPct!.Value));
        var weighted = corridors
            .Where(c => c.Cc1AvgTotalCostPct is not null && flows.TryGetValue(c.Corridor, out var w) && w > 0m)
            .Select(c => (Pct: c.Cc1AvgTotalCostPct!.Value, Weight: flows[c.Corridor]))
            .ToList();
        var totalWeight = weighted.Sum(w => w.Weight);
        var sdg = new Sdg10cStatus(
            SdgTargetPct, SdgCorridorCeilingPct, global is { } g ? g < SdgTargetPct : null,
            corridors.Where(c => c.SmartPct > SdgCorridorCeilingPct).Select(c => c.Corridor).ToList());
        return new GlobalIndicators(
            period, corridors.Count, rows.Count, averaged.Count, global,
            Mean(averaged.Where(r => r.Cc2TotalCostPct is not null).Select(r => r.Cc2TotalCostPct!.Value)),
            totalWeight > 0m ? weighted.Sum(w => w.Pct * w.Weight) / totalWeight : null, weighted.Count,
            Mean(corridors.Where(c => c.SmartPct is not null).Select(c => c.SmartPct!.Value)),
            sdg, Breakdowns(averaged));
    }

    /// <summary>Mean cc1 total cost % of transparent services by firm type, payout method, speed, sending and receiving region.</summary>
    public static IReadOnlyList<IndicatorBreakdown> Breakdowns(IReadOnlyCollection<SurveyObservation> averaged)
    {
        (string Dimension, Func<SurveyObservation, string?> Key)[] dimensions =
        [
            ("firmType", r => r.FirmType),
            ("payoutMethod", r => r.Payout.Name()),
            ("speed", r => r.Speed?.Name()),
            ("sendingRegion", r => r.SendingRegion),
            ("receivingRegion", r => r.ReceivingRegion),
        ];
        return dimensions
            .SelectMany(d => averaged.Where(r => d.Key(r) is not null).GroupBy(r => d.Key(r)!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new IndicatorBreakdown(d.Dimension, g.Key, g.Count(), Mean(g.Select(r => r.Cc1TotalCostPct!.Value))!.Value)))
            .ToList();
    }

    private static decimal? Mean(IEnumerable<decimal> values)
    {
        var sum = 0m;
        var count = 0;
        foreach (var value in values)
        {
            sum += value;
            count++;
        }
        return count == 0 ? null : sum / count;
    }
}
