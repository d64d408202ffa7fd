using RemitCompare.Data.Keys;
using RemitCompare.Ingestion.Uploads;

namespace RemitCompare.Api.Hosting;

/// <summary>Limits on uploads; configuration section <c>Uploads</c>.</summary>
public sealed record UploadSettings
{
    /// <summary>Largest body accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Most data rows a file may hold.</summary>
    public int MaxRows { get; init; } = 200_000;
}

/// <summary>Write access, abuse limits and the headers and logs that go with them.</summary>
public static class SecuritySetup
{
    /// <summary>Registers API keys, upload ingestion, rate limits, trusted proxies, the query limit and the graceful shutdown time.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<UploadIngestor>();
        services.AddSingleton<IngestionHealth>();
        services.Configure<UploadSettings>(builder.Configuration.GetSection("Uploads"));
        services.AddRemitCompareRateLimits(builder.Configuration);
        builder.AddTrustedProxies();
        builder.AddQueryLimit();
        // In-flight requests (an upload's batch among them) get this long to finish when the host stops.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        return builder;
    }

    /// <summary>Adds the request log, security headers, rate limiter and query limit to the pipeline.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimiter();
        app.UseQueryLimit();
        return app;
    }
}
