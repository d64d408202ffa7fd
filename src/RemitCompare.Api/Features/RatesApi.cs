using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Json;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/rates/{base}/{quote}?at=: the mid-market rate RemitCompare uses for a pair on a date, and its source.</summary>
public static class RatesApi
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapRates(this RouteGroupBuilder group)
    {
        group.MapGet("/rates/{base}/{quote}", Get).WithName("GetRate");
        return group;
    }

    internal static Results<Ok<RateDto>, ValidationProblem, ProblemHttpResult> Get(
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "base")] string baseCode, string quote, string? at, SnapshotHolder snapshots, TimeProvider clock)
    {
        var snapshot = snapshots.Current;
        var errors = new QueryErrors();
        var b = Code(errors, "base", baseCode, snapshot);
        var q = Code(errors, "quote", quote, snapshot);
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(at) && !DateOnly.TryParseExact(at.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            errors.Add("at", QueryReasons.DateMalformed, QueryErrors.Shorten(at));
        if (!errors.IsEmpty) return errors.ToProblem();
        if (snapshot.Rates.Resolve(b!, q!, date) is not { } rate)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No reference rate",
                detail: $"No reference rate for {b}→{q} on or before {date:yyyy-MM-dd}.");
        return TypedResults.Ok(new RateDto(b!, q!, rate.Rate, rate.Source, rate.At, date));
    }

    private static string? Code(QueryErrors errors, string parameter, string text, Domain.Pricing.Snapshot snapshot)
    {
        if (snapshot.Currencies.TryGet(text, out var currency)) return currency.Code;
        errors.Add(parameter, QueryReasons.CurrencyUnknown, QueryErrors.Shorten(text));
        return null;
    }
}
