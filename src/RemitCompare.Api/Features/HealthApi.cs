using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Json;

namespace RemitCompare.Api.Features;

/// <summary>GET /healthz: whether the service has data to answer with.</summary>
public static class HealthApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Get).WithName("Health");
        return app;
    }

    internal static Ok<HealthDto> Get(SnapshotHolder snapshots, IngestionHealth ingestion)
    {
        var s = snapshots.Current;
        var quotes = s.Corridors.Values.Sum(c => c.Quotes.Count);
        var failure = ingestion.Current;
        return TypedResults.Ok(new HealthDto(quotes > 0 && failure is null ? "ok" : "degraded", s.Version, s.AsOf, s.Corridors.Count, quotes, failure?.Reason));
    }
}
