using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// The longest query string answered: a longer one gets 414 problem+json naming <c>query</c>. Kestrel refuses a request
/// line past its own limit with a bare 414 before the app sees it, so that limit is set above this one: every request
/// line up to <see cref="RequestLineBytes"/> gets the problem; only longer ones still get Kestrel's bare answer.
/// </summary>
public static class QueryLimit
{
    /// <summary>
    /// Characters in the query string (after the <c>?</c>, as sent, percent-encoded): room for a 10 KB value, which is
    /// answered by the validation that names its own parameter.
    /// </summary>
    public const int MaxLength = 12 * 1024;

    /// <summary>Kestrel's request-line limit (method, path, query and version), raised from its default 8 KB.</summary>
    public const int RequestLineBytes = 16 * 1024;

    /// <summary>Raises Kestrel's request-line limit to <see cref="RequestLineBytes"/>.</summary>
    public static WebApplicationBuilder AddQueryLimit(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = RequestLineBytes);
        return builder;
    }

    /// <summary>Answers a query longer than <see cref="MaxLength"/> with 414 problem+json.</summary>
    public static IApplicationBuilder UseQueryLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var length = Math.Max(0, context.Request.QueryString.Value?.Length - 1 ?? 0);
        return length <= MaxLength ? next(context) : TooLong(length).ExecuteAsync(context);
    });

    private static ProblemHttpResult TooLong(int length)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"is {length} characters long; at most {MaxLength} are accepted");
        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["query"] = [reason] })
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.15",
            Status = StatusCodes.Status414UriTooLong,
            Title = "The query string is too long",
            Detail = "query: " + reason,
        });
    }
}
