using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Json;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/providers and /v1/providers/{id}: who offers what, where, and how transparently.</summary>
public static class ProvidersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapProviders(this RouteGroupBuilder group)
    {
        group.MapGet("/providers", List).WithName("ListProviders");
        group.MapGet("/providers/{id}", Get).WithName("GetProvider");
        return group;
    }

    internal static Results<Ok<ProviderListDto>, ValidationProblem> List(string? asOf, AsOfSnapshots snapshots)
    {
        var errors = new QueryErrors();
        var moment = errors.AsOf(asOf);
        if (!errors.IsEmpty) return errors.ToProblem();
        var snapshot = snapshots.At(moment);
        var quotes = QuotesByProvider(snapshot);
        var providers = snapshot.Providers.Values
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p =>
            {
                var own = quotes.TryGetValue(p.Id, out var list) ? list : [];
                return new ProviderSummaryDto(p.Id, p.Name, p.FirmType, own.Count, Corridors(own), Transparency(p));
            })
            .ToList();
        return TypedResults.Ok(new ProviderListDto(snapshot.AsOf, providers));
    }

    internal static Results<Ok<ProviderDetailDto>, ValidationProblem, ProblemHttpResult> Get(string id, string? asOf, AsOfSnapshots snapshots, TimeProvider clock)
    {
        var errors = new QueryErrors();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var providerId))
            errors.Add("id", QueryReasons.ProviderIdMalformed, QueryErrors.Shorten(id));
        var moment = errors.AsOf(asOf);
        if (!errors.IsEmpty) return errors.ToProblem();
        var snapshot = snapshots.At(moment);
        if (!snapshot.Providers.TryGetValue(providerId, out var provider))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found", detail: $"No provider has id {providerId}.");
        var now = moment ?? clock.GetUtcNow();
        var own = QuotesByProvider(snapshot).TryGetValue(providerId, out var list) ? list : [];
        var services = own
            .OrderBy(x => x.Corridor.Key, StringComparer.Ordinal).ThenBy(x => x.Quote.ServiceId)
            .Select(x => new ProviderServiceDto(
                x.Quote.ServiceId, x.Corridor.From.Iso3, x.Corridor.To.Iso3, x.Quote.Funding.Name(), x.Quote.Payout.Name(),
                x.Quote.SendCurrency.Code, x.Quote.PayoutCurrency.Code, x.Quote.Speed?.Name(), x.Quote.Transparent,
                x.Quote.IsStaleAt(now), x.Quote.CollectedAt, x.Quote.Period))
            .ToList();
        return TypedResults.Ok(new ProviderDetailDto(provider.Id, provider.Name, provider.FirmType, Transparency(provider), Corridors(own), services));
    }

    private static Dictionary<long, List<(CorridorSnapshot Corridor, ServiceQuote Quote)>> QuotesByProvider(Snapshot snapshot) =>
        snapshot.Corridors.Values
            .SelectMany(c => c.Quotes.Select(q => (Corridor: c, Quote: q)))
            .GroupBy(x => x.Quote.ProviderId)
            .ToDictionary(g => g.Key, g => g.ToList());

    private static List<string> Corridors(List<(CorridorSnapshot Corridor, ServiceQuote Quote)> quotes) =>
        quotes.Select(x => x.Corridor.Key).Distinct().Order(StringComparer.Ordinal).ToList();

    private static TransparencyDto Transparency(ProviderRecord p) =>
        new(p.Observations, p.UndisclosedRate, p.Promotions, p.TransparentPct, p.FirstCollected, p.LastCollected);
}
