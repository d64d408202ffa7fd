namespace RemitCompare.Api.Hosting;

/// <summary>
/// HEAD on every GET endpoint (RFC 9110 §9.3.2), for load balancers and link checkers: a HEAD is routed and answered as
/// the GET, so its status and headers (Content-Type, ETag and 304, Cache-Control, Content-Length, problem answers) and
/// the rate limits it counts against are the GET's by construction; the server (Kestrel) sends no body for a request
/// that came as HEAD. Endpoints stay mapped as GET only, so a new GET endpoint answers HEAD without being told to.
/// </summary>
public static class HeadRequests
{
    private static readonly object Marker = new();

    /// <summary>Answers HEAD as GET; placed before routing so the GET endpoint is the one chosen.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
            context.Items[Marker] = Marker;
        }
        return next(context);
    });

    /// <summary>The method the client sent (HEAD for a HEAD answered as GET), for logs.</summary>
    public static string SentMethod(HttpContext context) => context.Items.ContainsKey(Marker) ? HttpMethods.Head : context.Request.Method;
}
