using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Web;
using RemitCompare.Domain.Ranking;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/compare/sms: the best offers of a comparison as one plain-text message, in a language.</summary>
public static class SmsApi
{
    /// <summary>Header with the encoding the text needs: <c>GSM-7</c> or <c>UCS-2</c>.</summary>
    public const string EncodingHeader = "X-Sms-Encoding";

    /// <summary>Header with the number of SMS segments the text needs.</summary>
    public const string SegmentsHeader = "X-Sms-Segments";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/compare/sms", Get).WithName("CompareSms").Produces<string>(StatusCodes.Status200OK, "text/plain")
            .RequireRateLimiting(RateLimits.Strict);
        return app;
    }

    /// <summary>The comparison parameters of GET /v1/compare (without filters) and the language.</summary>
    public sealed record SmsQuery(string? From, string? To, string? Amount, string? Receive, string? Currency, string? ReceiveCurrency, string? Lang);

    internal static Results<ContentHttpResult, ValidationProblem> Get(
        [AsParameters] SmsQuery q, HttpContext http, SnapshotHolder snapshots, LanguageCatalog languages, TimeProvider clock)
    {
        var errors = new QueryErrors();
        if (!string.IsNullOrWhiteSpace(q.Lang) && languages.Find(q.Lang) is null)
            errors.Add("lang", QueryReasons.ChoiceUnknown, QueryErrors.Shorten(q.Lang), string.Join(", ", languages.All.Select(l => l.Code)));
        var query = new CompareApi.CompareQuery(q.From, q.To, q.Amount, q.Receive, q.Currency, q.ReceiveCurrency, null, null, null, null, null);
        var parsed = CompareApi.Parse(query, snapshots.Current, errors, clock.GetUtcNow());
        if (!errors.IsEmpty || parsed is not var (corridor, request)) return errors.ToProblem();

        var language = languages.Choose(q.Lang, http.Request.Headers.AcceptLanguage);
        var comparison = new PageComparison(corridor, request, Ranker.Rank(corridor, request));
        var (text, size) = SmsText.Compose(comparison, language);
        http.Response.Headers[EncodingHeader] = size.Encoding;
        http.Response.Headers[SegmentsHeader] = size.Segments.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.ContentLanguage = language.Code;
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
