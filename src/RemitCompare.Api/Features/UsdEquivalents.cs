using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Features;

/// <summary>
/// US dollars per unit of a currency on a day, as the compare endpoint bounds amounts with: resolved once per
/// snapshot, currency and day instead of on every request (a currency without a USD rate of its own otherwise scans
/// every corridor's currencies for a pivot each time).
/// </summary>
internal static class UsdEquivalents
{
    private static readonly ConditionalWeakTable<Snapshot, ConcurrentDictionary<(string, DateOnly), decimal?>> BySnapshot = [];

    /// <summary>US dollars per unit of <paramref name="code"/> on <paramref name="day"/>; null when no rate tells.</summary>
    public static decimal? PerUnit(string code, Snapshot snapshot, DateOnly day) =>
        BySnapshot.GetValue(snapshot, _ => new ConcurrentDictionary<(string, DateOnly), decimal?>())
            .GetOrAdd((code, day), static (key, snapshot) => Resolve(key.Item1, snapshot, key.Item2), snapshot);

    /// <summary>Directly, else through one currency that the corridors held trade in (TZS, UGX and RWF have only rates to KES).</summary>
    private static decimal? Resolve(string code, Snapshot snapshot, DateOnly day)
    {
        if (snapshot.Rates.Resolve(code, "USD", day) is { } direct) return direct.Rate;
        var pivots = snapshot.Corridors.Values
            .SelectMany(c => c.SendCurrencies.Concat(c.PayoutCurrencies))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var pivot in pivots)
        {
            if (pivot == code || pivot == "USD") continue;
            if (snapshot.Rates.Resolve(code, pivot, day) is { } toPivot && snapshot.Rates.Resolve(pivot, "USD", day) is { } pivotToUsd)
                return toPivot.Rate * pivotToUsd.Rate;
        }
        return null;
    }
}
