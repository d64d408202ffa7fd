using Microsoft.AspNetCore.ResponseCompression;
using RemitCompare.Api.Features;

namespace RemitCompare.Api.Web;

/// <summary>Wires the migrant-facing pages, the widget and the SMS text: languages, compression, CORS and their endpoints.</summary>
public static class WebSetup
{
    /// <summary>Languages, response compression and the read-only CORS policy that lets any site embed the widget.</summary>
    public static IServiceCollection AddRemitCompareWeb(this IServiceCollection services)
    {
        services.AddSingleton<LanguageCatalog>();
        services.AddSingleton<WidgetScript>();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // pages carry no secrets and no cookies, so compression leaks nothing
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/plain", "text/javascript", "application/json", "application/problem+json"];
        });
        // Every endpoint is a GET that changes nothing: any origin may read, no credentials, no other method.
        services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")));
        return services;
    }

    /// <summary>
    /// Compression and CORS for every response, refusals included: they run before the rate limiter and the query limit,
    /// so a widget on another site can read a 429 or 414 problem rather than seeing a CORS failure.
    /// </summary>
    public static WebApplication UseCompressionAndCors(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseCors();
        return app;
    }

    /// <summary>The pages, the widget and the SMS endpoint.</summary>
    public static WebApplication MapRemitCompareWeb(this WebApplication app)
    {
        app.MapPages();
        app.MapWidget();
        app.MapSms();
        return app;
    }
}
