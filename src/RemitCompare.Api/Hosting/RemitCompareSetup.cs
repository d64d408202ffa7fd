using System.Text.Json.Serialization.Metadata;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Features;
using RemitCompare.Api.Json;
using RemitCompare.Api.Web;
using RemitCompare.Data;
using RemitCompare.Data.Snapshots;
using RemitCompare.Ingestion;

namespace RemitCompare.Api.Hosting;

/// <summary>Wires the service: configuration, store, snapshot, JSON, problem details and the endpoints.</summary>
public static class RemitCompareSetup
{
    /// <summary>Registers the store (configuration <c>Store:Provider</c>, <c>Store:Path</c>, <c>Store:ConnectionString</c>), snapshot and JSON options.</summary>
    public static WebApplicationBuilder AddRemitCompare(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => Store.FromConfiguration(builder.Configuration));
        services.AddSingleton(builder.Configuration.GetSection("Snapshot").Get<SnapshotOptions>() ?? new SnapshotOptions());
        services.AddSingleton<SnapshotBuilder>();
        services.AddSingleton<SnapshotHolder>();
        services.AddSingleton<SnapshotRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());
        services.AddAudit();
        services.AddFeeds(builder.Configuration);
        services.AddCompareCache(builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddRemitCompareWeb();
        builder.AddSecurity();
        return builder;
    }

    /// <summary>
    /// Takes the client from a trusted proxy's headers and routes HEAD as GET (both before routing), fills an empty store
    /// from the embedded default data, starts building the first snapshot, and turns every error response (unknown
    /// route, unhandled fault) into problem+json without internals.
    /// </summary>
    public static WebApplication UseRemitCompare(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseHeadAsGet();
        app.UseRouting();
        var store = app.Services.GetRequiredService<Store>();
        var loaded = DefaultDataSet.EnsureLoaded(store, app.Services.GetRequiredService<TimeProvider>(),
            app.Configuration.GetValue("Store:LoadDefaultData", true));
        foreach (var batch in loaded)
        {
            app.Logger.LogInformation("Default data: batch {Batch} ({Layout}) accepted {Accepted}, quarantined {Quarantined}",
                batch.BatchId, batch.Layout, batch.Accepted, batch.Quarantine.Count);
        }
        app.UseFirstSnapshotInBackground();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Maps every endpoint.</summary>
    public static WebApplication MapRemitCompare(this WebApplication app)
    {
        app.UseCompressionAndCors();
        app.UseSecurity();
        var v1 = app.MapGroup("/v1");
        v1.MapCorridors();
        v1.MapCompare();
        v1.MapProviders();
        v1.MapRates();
        v1.MapAuditEndpoints();
        v1.MapSources();
        v1.MapSurveys();
        app.MapHealth();
        app.MapRemitCompareWeb();
        return app;
    }
}
