namespace RemitCompare.Api.Hosting;

/// <summary>
/// Headers that keep browsers from misreading or framing API answers: <c>nosniff</c>, no referrer, and for
/// everything that is not an HTML page a CSP that allows nothing and no framing. HTML pages set their own CSP,
/// whose <c>frame-ancestors</c> decides who may frame them (any site for the widget's iframe, only this one for
/// the page), so they get no X-Frame-Options that would contradict it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The CSP of non-HTML answers: no content may load, nobody may frame it.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Adds the headers just before the response starts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "no-referrer";
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (html) return;
        if (!headers.ContainsKey("X-Frame-Options")) headers.XFrameOptions = "DENY";
        if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ApiPolicy;
    }
}
