using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Hosting;
using RemitCompare.Domain.Indicators;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/charts/…svg: indicator charts drawn on the server as plain SVG, readable without JavaScript.</summary>
public static class ChartsApi
{
    private const string Blue = "#1f5fbf", LightBlue = "#6fa8dc", Green = "#1a9850", Purple = "#7b3294", Red = "#d7191c", Orange = "#f28e00";
    private const string SvgType = "image/svg+xml";

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapCharts(this RouteGroupBuilder group)
    {
        group.MapGet("/charts/corridors/{from}-{to}.svg", Corridor).WithName("GetCorridorChart").Produces<string>(StatusCodes.Status200OK, SvgType)
            .RequireRateLimiting(RateLimits.Strict);
        group.MapGet("/charts/global.svg", Global).WithName("GetGlobalChart").Produces<string>(StatusCodes.Status200OK, SvgType)
            .RequireRateLimiting(RateLimits.Strict);
        return group;
    }

    internal static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Corridor(string from, string to, string? asOf, IndicatorReports reports)
    {
        var errors = new QueryErrors();
        var (sender, receiver, moment) = (errors.Country("from", from), errors.Country("to", to), errors.AsOf(asOf));
        if (!errors.IsEmpty) return errors.ToProblem();
        var series = reports.At(moment).Corridors.Where(c => c.From == sender && c.To == receiver).ToList();
        if (series.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Corridor not surveyed", detail: $"No survey rows are held for {sender} → {receiver}.");
        var svg = SvgChart.Line(
            $"Cost of sending money {sender} → {receiver}",
            $"Average total cost over transparent services and SmaRT, {series[0].Period}–{series[^1].Period} (World Bank RPW methodology)",
            series.Select(c => c.Period).ToList(),
            [
                new ChartSeries("Average, USD 200", Blue, series.Select(c => c.Cc1AvgTotalCostPct).ToList()),
                new ChartSeries("Average, USD 500", LightBlue, series.Select(c => c.Cc2AvgTotalCostPct).ToList()),
                new ChartSeries("SmaRT", Green, series.Select(c => c.SmartPct).ToList()),
            ],
            Lines);
        return TypedResults.Text(svg, SvgType);
    }

    internal static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Global(string? asOf, IndicatorReports reports)
    {
        var errors = new QueryErrors();
        var moment = errors.AsOf(asOf);
        if (!errors.IsEmpty) return errors.ToProblem();
        var view = reports.At(moment);
        if (view.Periods.Count == 0) return IndicatorsApi.NoPeriod(null);
        var global = view.Periods.Select(view.Global).ToList();
        var svg = SvgChart.Line(
            "Global cost of sending USD 200",
            $"Global average, flow-weighted average and SmaRT over the corridors held, {view.Periods[0]}–{view.Periods[^1]}",
            view.Periods,
            [
                new ChartSeries("Global average", Blue, global.Select(g => g.GlobalAveragePct).ToList()),
                new ChartSeries("Weighted average", Purple, global.Select(g => g.GlobalWeightedAveragePct).ToList()),
                new ChartSeries("SmaRT", Green, global.Select(g => g.SmartAveragePct).ToList()),
            ],
            Lines);
        return TypedResults.Text(svg, SvgType);
    }

    private static readonly ChartLine[] Lines =
    [
        new("5 % SDG ceiling", RpwMethodology.SdgCorridorCeilingPct, Red, "ceiling-5"),
        new("3 % SDG target", RpwMethodology.SdgTargetPct, Orange, "target-3"),
    ];
}
