using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Json;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/corridors: every corridor with prices held.</summary>
public static class CorridorsApi
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapCorridors(this RouteGroupBuilder group)
    {
        group.MapGet("/corridors", List).WithName("ListCorridors");
        return group;
    }

    internal static Ok<CorridorListDto> List(SnapshotHolder snapshots)
    {
        var snapshot = snapshots.Current;
        var corridors = snapshot.Corridors.Values
            .OrderBy(c => c.From.Iso3, StringComparer.Ordinal).ThenBy(c => c.To.Iso3, StringComparer.Ordinal)
            .Select(c => new CorridorDto(
                c.From.Iso3, c.To.Iso3, c.From.Name, c.To.Name, c.To.CurrencyCode, c.SendCurrencies, c.PayoutCurrencies,
                c.Quotes.Count, c.Quotes.Count(q => q.Transparent), c.LastCollected))
            .ToList();
        return TypedResults.Ok(new CorridorListDto(snapshot.AsOf, corridors));
    }
}
