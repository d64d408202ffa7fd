using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RemitCompare.Api.Hosting;

/// <summary>Requests allowed per client (IP address) and window; configuration section <c>RateLimits</c>.</summary>
public sealed record RateLimitSettings
{
    /// <summary>The window the permits are counted over.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per window to any endpoint (except <c>/healthz</c>).</summary>
    public int PermitLimit { get; init; } = 600;

    /// <summary>Requests per window to the endpoints under the <see cref="RateLimits.Strict"/> policy (SMS, charts).</summary>
    public int StrictPermitLimit { get; init; } = 60;

    /// <summary>Uploads per window.</summary>
    public int UploadPermitLimit { get; init; } = 20;
}

/// <summary>
/// Rate limits per client IP address: every endpoint shares one limit, endpoints that cost more (SMS, charts) add
/// <see cref="Strict"/>, uploads add <see cref="Upload"/>. A refused request gets 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    /// <summary>Policy for expensive public endpoints: <c>.RequireRateLimiting(RateLimits.Strict)</c>.</summary>
    public const string Strict = "strict";

    /// <summary>Policy for uploads.</summary>
    public const string Upload = "upload";

    /// <summary>Registers the limiter and its policies.</summary>
    public static IServiceCollection AddRemitCompareRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection("RateLimits"));
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : Window(context, s => s.PermitLimit, "all"));
            options.AddPolicy(Strict, context => Window(context, s => s.StrictPermitLimit, Strict));
            options.AddPolicy(Upload, context => Window(context, s => s.UploadPermitLimit, Upload));
            options.OnRejected = Reject;
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext context, Func<RateLimitSettings, int> permits, string policy)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(settings),
            Window = settings.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : (int)Math.Ceiling(http.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.Window.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture, $"This client sent more requests than allowed; retry after {Math.Max(1, retryAfter)} s."),
            },
        });
    }
}
