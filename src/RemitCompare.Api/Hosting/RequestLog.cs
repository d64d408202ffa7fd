using System.Diagnostics;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// One log line per request with nothing personal in it: method, the route template (never the path's values or the
/// query string), status and duration. No client address, header or key is logged.
/// </summary>
public sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    /// <summary>Logs the request once it has been answered.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            logger.LogInformation("{Method} {Route} answered {Status} in {Milliseconds:0.0} ms",
                HeadRequests.SentMethod(context), route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
