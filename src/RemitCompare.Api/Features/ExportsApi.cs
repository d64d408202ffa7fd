using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Json;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Services;

namespace RemitCompare.Api.Features;

/// <summary>
/// GET /v1/exports/rpw.csv and rpw.json: the survey rows behind the indicators, for any period and set of corridors
/// (everything when neither is given: the bulk download), with an <c>ETag</c> so unchanged data is not sent again.
/// </summary>
public static class ExportsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder group)
    {
        group.MapGet("/exports/rpw.csv", Csv).WithName("ExportRpwCsv").Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        group.MapGet("/exports/rpw.json", Json).WithName("ExportRpwJson");
        return group;
    }

    internal static IResult Csv(string? period, string? corridors, string? asOf, IndicatorReports reports, HttpContext context)
    {
        var errors = new QueryErrors();
        var (quarter, keys, moment) = (errors.Period(period), errors.Corridors(corridors), errors.AsOf(asOf));
        if (!errors.IsEmpty) return errors.ToProblem();
        var body = Encoding.UTF8.GetBytes(RpwCsvExport.Write(Select(reports.At(moment), quarter, keys)));
        if (NotModified(context, body)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "text/csv; charset=utf-8", fileDownloadName: null);
    }

    internal static Results<Ok<ExportDto>, StatusCodeHttpResult, ValidationProblem> Json(
        string? period, string? corridors, string? asOf, IndicatorReports reports, HttpContext context)
    {
        var errors = new QueryErrors();
        var (quarter, keys, moment) = (errors.Period(period), errors.Corridors(corridors), errors.AsOf(asOf));
        if (!errors.IsEmpty) return errors.ToProblem();
        var rows = Select(reports.At(moment), quarter, keys).Select(ToDto).ToList();
        var export = new ExportDto(quarter, keys, moment, rows);
        if (NotModified(context, JsonSerializer.SerializeToUtf8Bytes(export, ApiJsonContext.Default.ExportDto)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(export);
    }

    private static IEnumerable<SurveyRow> Select(SurveyView view, string? period, IReadOnlyList<string> corridors) =>
        view.Rows.Where(r => (period is null || r.Observation.Period == period) && (corridors.Count == 0 || corridors.Contains(r.Observation.Corridor)));

    /// <summary>Sets the ETag (a hash of the body) and tells whether the client already holds this body.</summary>
    private static bool NotModified(HttpContext context, byte[] body)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";
        context.Response.Headers[HeaderNames.ETag] = etag;
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return context.Request.Headers[HeaderNames.IfNoneMatch].Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(etag));
    }

    private static ExportRowDto ToDto(SurveyRow r)
    {
        var o = r.Observation;
        static ExportPointDto Point(StoredPoint p) => new(p.Amount, p.Fee, p.Rate, p.MarginPct, p.TotalCostPct);
        return new ExportRowDto(o.ObservationId, o.BatchId, o.Period, o.From, o.To, o.Provider, o.FirmType, r.Funding, o.Payout.Name(),
            o.Speed?.Name(), r.SendCurrency, r.PayoutCurrency, o.Transparent, Point(r.Cc1), Point(r.Cc2), r.InterbankRate, r.CollectedAt, r.IngestedAt);
    }
}
