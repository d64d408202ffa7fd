using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Json;
using RemitCompare.Domain.Indicators;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/indicators/…: the World Bank RPW indicators of the data held, now or as of a past moment.</summary>
public static class IndicatorsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapIndicators(this RouteGroupBuilder group)
    {
        group.MapGet("/indicators/corridors", Corridors).WithName("ListCorridorIndicators");
        group.MapGet("/indicators/corridors/{from}-{to}", Series).WithName("GetCorridorIndicatorSeries");
        group.MapGet("/indicators/global", Global).WithName("GetGlobalIndicators");
        return group;
    }

    internal static Results<Ok<CorridorIndicatorListDto>, ValidationProblem, ProblemHttpResult> Corridors(string? period, string? asOf, IndicatorReports reports)
    {
        var errors = new QueryErrors();
        var (quarter, moment) = (errors.Period(period), errors.AsOf(asOf));
        if (!errors.IsEmpty) return errors.ToProblem();
        var view = reports.At(moment);
        if (Resolve(view, quarter) is not { } resolved) return NoPeriod(quarter);
        var corridors = view.Corridors.Where(c => c.Period == resolved).Select(ToDto).ToList();
        return TypedResults.Ok(new CorridorIndicatorListDto(resolved, moment, view.Periods, corridors));
    }

    internal static Results<Ok<CorridorSeriesDto>, ValidationProblem, ProblemHttpResult> Series(string from, string to, string? asOf, IndicatorReports reports)
    {
        var errors = new QueryErrors();
        var (sender, receiver, moment) = (errors.Country("from", from), errors.Country("to", to), errors.AsOf(asOf));
        if (!errors.IsEmpty) return errors.ToProblem();
        var series = reports.At(moment).Corridors.Where(c => c.From == sender && c.To == receiver).Select(ToDto).ToList();
        if (series.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Corridor not surveyed", detail: $"No survey rows are held for {sender} → {receiver}.");
        return TypedResults.Ok(new CorridorSeriesDto(sender, receiver, moment, series));
    }

    internal static Results<Ok<GlobalIndicatorsDto>, ValidationProblem, ProblemHttpResult> Global(string? period, string? asOf, IndicatorReports reports)
    {
        var errors = new QueryErrors();
        var (quarter, moment) = (errors.Period(period), errors.AsOf(asOf));
        if (!errors.IsEmpty) return errors.ToProblem();
        var view = reports.At(moment);
        if (Resolve(view, quarter) is not { } resolved) return NoPeriod(quarter);
        var g = view.Global(resolved);
        return TypedResults.Ok(new GlobalIndicatorsDto(
            g.Period, moment, g.Corridors, g.Services, g.TransparentServices, Pct(g.GlobalAveragePct), Pct(g.GlobalAverageCc2Pct),
            Pct(g.GlobalWeightedAveragePct), g.WeightedCorridors, Pct(g.SmartAveragePct),
            new Sdg10cDto(g.Sdg10c.TargetPct, g.Sdg10c.CorridorCeilingPct, g.Sdg10c.GlobalAverageMet, g.Sdg10c.CorridorsAboveCeiling),
            g.Breakdowns.Select(b => new BreakdownDto(b.Dimension, b.Value, b.Services, Pct(b.AvgTotalCostPct)!.Value)).ToList()));
    }

    /// <summary>The period asked for when held, else the latest held when none was asked for.</summary>
    internal static string? Resolve(SurveyView view, string? period) =>
        period is null ? (view.Periods.Count > 0 ? view.Periods[^1] : null) : view.Periods.Contains(period) ? period : null;

    internal static ProblemHttpResult NoPeriod(string? period) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Period not surveyed",
            detail: period is null ? "No survey rows are held." : $"No survey rows are held for {period}.");

    /// <summary>Indicator percentages are shown to 4 decimals, rounded from unrounded means.</summary>
    internal static decimal? Pct(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.ToEven) : null;

    private static CorridorIndicatorDto ToDto(CorridorIndicator c) =>
        new(c.From, c.To, c.Period, c.Services, c.TransparentServices, Pct(c.Cc1AvgTotalCostPct), Pct(c.Cc2AvgTotalCostPct), Pct(c.SmartPct), c.Batches);
}
