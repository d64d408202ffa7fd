namespace RemitCompare.Domain.Indicators;

/// <summary>A corridor's RPW indicators for one period.</summary>
/// <param name="From">Sending country.</param>
/// <param name="To">Receiving country.</param>
/// <param name="Period">Quarter, <c>2025Q3</c>.</param>
/// <param name="Services">Services surveyed, transparent or not.</param>
/// <param name="TransparentServices">Services whose rate is disclosed: only these are averaged.</param>
/// <param name="Cc1AvgTotalCostPct">Mean total cost % at cc1 over transparent services.</param>
/// <param name="Cc2AvgTotalCostPct">Mean total cost % at cc2 over transparent services.</param>
/// <param name="SmartPct">Mean cc1 total cost % of the 3 cheapest qualifying services.</param>
/// <param name="Batches">Batches holding the rows behind these figures.</param>
public sealed record CorridorIndicator(
    string From, string To, string Period, int Services, int TransparentServices,
    decimal? Cc1AvgTotalCostPct, decimal? Cc2AvgTotalCostPct, decimal? SmartPct, IReadOnlyList<long> Batches)
{
    /// <summary>Corridor key such as <c>KEN-UGA</c>.</summary>
    public string Corridor => string.Concat(From, "-", To);
}

/// <summary>The mean cc1 total cost % of one group of transparent services (a firm type, a payout method…).</summary>
/// <param name="Dimension"><c>firmType</c>, <c>payoutMethod</c>, <c>speed</c>, <c>sendingRegion</c> or <c>receivingRegion</c>.</param>
/// <param name="Value">The group, e.g. <c>Bank</c>.</param>
/// <param name="Services">Transparent services in the group.</param>
/// <param name="AvgTotalCostPct">Their mean cc1 total cost %.</param>
public sealed record IndicatorBreakdown(string Dimension, string Value, int Services, decimal AvgTotalCostPct);

/// <summary>Sustainable Development Goal 10.c: remittance costs below 3 % on average, no corridor above 5 %.</summary>
/// <param name="TargetPct">3.</param>
/// <param name="CorridorCeilingPct">5.</param>
/// <param name="GlobalAverageMet">The global average is below 3 %.</param>
/// <param name="CorridorsAboveCeiling">Corridors whose SmaRT is above 5 %, by key.</param>
public sealed record Sdg10cStatus(decimal TargetPct, decimal CorridorCeilingPct, bool? GlobalAverageMet, IReadOnlyList<string> CorridorsAboveCeiling);

/// <summary>The global indicators of one period.</summary>
/// <param name="Period">Quarter.</param>
/// <param name="Corridors">Corridors surveyed.</param>
/// <param name="Services">Services surveyed.</param>
/// <param name="TransparentServices">Services averaged.</param>
/// <param name="GlobalAveragePct">Mean cc1 total cost % over every transparent service of every corridor.</param>
/// <param name="GlobalAverageCc2Pct">The same at cc2.</param>
/// <param name="GlobalWeightedAveragePct">Corridor cc1 averages weighted by bilateral remittance flows.</param>
/// <param name="WeightedCorridors">Corridors with a known flow (the others carry no weight).</param>
/// <param name="SmartAveragePct">Mean of the corridors' SmaRT.</param>
/// <param name="Sdg10c">SDG 10.c status.</param>
/// <param name="Breakdowns">Means by firm type, payout method, speed, sending and receiving region.</param>
public sealed record GlobalIndicators(
    string Period, int Corridors, int Services, int TransparentServices, decimal? GlobalAveragePct, decimal? GlobalAverageCc2Pct,
    decimal? GlobalWeightedAveragePct, int WeightedCorridors, decimal? SmartAveragePct, Sdg10cStatus Sdg10c,
    IReadOnlyList<IndicatorBreakdown> Breakdowns);
