using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using RemitCompare.Api.Hosting;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Web;

/// <summary>
/// The widget script with every language's strings and the names of the countries served built in: made again only when
/// the countries of the corridors served change.
/// </summary>
public sealed class WidgetScript(LanguageCatalog languages)
{
    // Form and page-only texts stay out of the widget to keep it small (the field names stay: errors name their field).
    private static readonly string[] PageOnly = ["title", "intro", "language", "mode", "mode_send", "mode_receive",
        "currency_default", "compare", "choose", "errors", "corridors", "source", "printed",
        "sms_gets", "sms_cost", "sms_prices"];

    private static readonly string Source = EmbeddedAsset.Text("wwwroot.widget.js");

    private Built? _built;

    /// <summary>
    /// widget.js for a snapshot, with <c>/*STRINGS*/{}</c> replaced by each language's strings and country names, and
    /// <c>/*UNITS*/{}</c> by the minor units of the currencies the corridors are paid in (the API's money carries none).
    /// </summary>
    public string For(Snapshot snapshot)
    {
        var countries = snapshot.Corridors.Values.SelectMany(c => new[] { c.From, c.To }).DistinctBy(c => c.Iso3)
            .OrderBy(c => c.Iso3, StringComparer.Ordinal).ToList();
        var currencies = Currencies(snapshot);
        var key = string.Join(",", countries.Select(c => c.Iso3).Concat(currencies.Select(c => c.Code)));
        if (Volatile.Read(ref _built) is { } built && built.Key == key) return built.Text;
        var text = Source.Replace("/*STRINGS*/{}", StringsJson(languages, countries), StringComparison.Ordinal)
            .Replace("/*UNITS*/{}", UnitsJson(currencies), StringComparison.Ordinal);
        Volatile.Write(ref _built, new Built(key, text));
        return text;
    }

    private sealed record Built(string Key, string Text);

    private static List<Currency> Currencies(Snapshot snapshot) =>
        snapshot.Corridors.Values.SelectMany(c => c.SendCurrencies.Concat(c.PayoutCurrencies)).Distinct(StringComparer.Ordinal)
            .Select(code => snapshot.Currencies.TryGet(code, out var currency) ? currency : null).OfType<Currency>()
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    private static string UnitsJson(IEnumerable<Currency> currencies) =>
        "{" + string.Join(",", currencies.Select(c => $"\"{c.Code}\":{c.MinorUnits.ToString(CultureInfo.InvariantCulture)}")) + "}";

    private static string StringsJson(LanguageCatalog languages, IReadOnlyList<Country> countries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }))
        {
            json.WriteStartObject();
            foreach (var l in languages.All)
            {
                json.WriteStartObject(l.Code);
                json.WriteString("code", l.Code);
                json.WriteString("culture", l.Culture.Name);
                json.WriteString("dir", l.Dir);
                json.WriteStartObject("s");
                foreach (var (key, text) in l.Strings.Where(s => !PageOnly.Contains(s.Key))) json.WriteString(key, text);
                json.WriteEndObject();
                json.WriteStartObject("countries");
                foreach (var country in countries) json.WriteString(country.Iso3, l.Countries.Name(country));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>GET /widget.js, GET /widget/frame (the widget for sites that cannot run scripts) and GET /widget/demo.</summary>
public static class WidgetApi
{
    /// <summary>The frame runs no script and may be framed by any site.</summary>
    public const string FrameCsp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";

    /// <summary>The demo runs the widget from this site and frames this site, nothing else.</summary>
    public const string DemoCsp = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Maps the widget endpoints.</summary>
    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        app.MapGet("/widget.js", Script).WithName("WidgetScript").Produces<string>(StatusCodes.Status200OK, "text/javascript");
        app.MapGet("/widget/frame", Frame).WithName("WidgetFrame").Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status400BadRequest, "text/html");
        app.MapGet("/widget/demo", Demo).WithName("WidgetDemo").Produces<string>(StatusCodes.Status200OK, "text/html");
        return app;
    }

    private static ContentHttpResult Script(HttpContext http, WidgetScript script, SnapshotHolder snapshots)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=3600";
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(script.For(snapshots.Current), "text/javascript; charset=utf-8");
    }

    private static ContentHttpResult Frame(HttpContext http, SnapshotHolder snapshots, LanguageCatalog languages, TimeProvider clock)
    {
        var model = ComparePage.Model(http, snapshots, languages, clock, asked: true);
        var status = model.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return PagesApi.Send(http, PageView.Frame(model), status, FrameCsp, model.Language);
    }

    private static ContentHttpResult Demo(HttpContext http, LanguageCatalog languages)
    {
        var language = languages.Choose(http.Request.Query["lang"], http.Request.Headers.AcceptLanguage);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return PagesApi.Send(http, DemoView.Render(language, origin), StatusCodes.Status200OK, DemoCsp, language);
    }
}
