using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using RemitCompare.Api.Hosting;

namespace RemitCompare.Api.Web;

/// <summary>The widget script with every language's strings built in, made once.</summary>
public sealed class WidgetScript(LanguageCatalog languages)
{
    // Form and page-only texts stay out of the widget to keep it small.
    private static readonly string[] PageOnly = ["title", "intro", "language", "from", "to", "mode", "mode_send", "mode_receive",
        "amount", "currency", "currency_default", "compare", "choose", "errors", "corridors", "source", "printed",
        "sms_gets", "sms_cost", "sms_prices"];

    /// <summary>widget.js, with <c>/*STRINGS*/{}</c> replaced by the strings of each language.</summary>
    public string Text { get; } = EmbeddedAsset.Text("wwwroot.widget.js").Replace("/*STRINGS*/{}", StringsJson(languages), StringComparison.Ordinal);

    private static string StringsJson(LanguageCatalog languages)
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

    private static ContentHttpResult Script(HttpContext http, WidgetScript script)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=3600";
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(script.Text, "text/javascript; charset=utf-8");
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
