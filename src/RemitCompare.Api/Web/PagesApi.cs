using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Hosting;

namespace RemitCompare.Api.Web;

/// <summary>GET / and GET /compare: the comparison page, server-rendered, no scripts, no cookies, nothing from other sites.</summary>
public static class PagesApi
{
    /// <summary>The page runs no script and loads nothing: styles are inline, forms go to this site only.</summary>
    public const string PageCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home).WithName("HomePage").Produces<string>(StatusCodes.Status200OK, "text/html");
        app.MapGet("/compare", Compare).WithName("ComparePage").Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status400BadRequest, "text/html");
        return app;
    }

    private static ContentHttpResult Home(HttpContext http, SnapshotHolder snapshots, LanguageCatalog languages, TimeProvider clock)
    {
        var asked = http.Request.Query.ContainsKey("from") || http.Request.Query.ContainsKey("to");
        return Page(http, ComparePage.Model(http, snapshots, languages, clock, asked));
    }

    private static ContentHttpResult Compare(HttpContext http, SnapshotHolder snapshots, LanguageCatalog languages, TimeProvider clock) =>
        Page(http, ComparePage.Model(http, snapshots, languages, clock, asked: true));

    private static ContentHttpResult Page(HttpContext http, PageModel model) =>
        Send(http, PageView.Render(model), model.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, PageCsp, model.Language);

    /// <summary>An HTML answer with its security policy and language; varies by Accept-Language when no lang= was given.</summary>
    public static ContentHttpResult Send(HttpContext http, string html, int status, string csp, Language language)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = csp;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentLanguage = language.Code;
        headers.Vary = "Accept-Language";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
