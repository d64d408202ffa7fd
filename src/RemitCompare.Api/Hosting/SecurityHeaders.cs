namespace RemitCompare.Api.Hosting;

/// <summary>
/// Headers that keep browsers from misreading or framing API answers: <c>nosniff</c>, no referrer, and for
/// everything that is not an HTML page a CSP that allows nothing and no framing. HTML pages set their own CSP (the
/// widget needs one that fits it), and anything under <c>/embed</c> may be framed by the sites that embed it.
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
        var embeddable = context.Request.Path.StartsWithSegments("/embed");
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (!embeddable && !headers.ContainsKey("X-Frame-Options")) headers.XFrameOptions = "DENY";
        if (!embeddable && !html && !headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ApiPolicy;
    }
}
