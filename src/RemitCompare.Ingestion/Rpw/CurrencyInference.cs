using System.Globalization;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>A row's send and payout currency and how its rate columns map to payout units per send unit.</summary>
/// <param name="SendCurrency">Currency the sender paid.</param>
/// <param name="PayoutCurrency">Currency the recipient got.</param>
/// <param name="Invert">The file gives send units per payout unit.</param>
/// <param name="Scale">Power of ten to multiply by (the file quotes per 10, 100 or 1000 units).</param>
/// <param name="Note">How this was decided, when it was not the plain reading.</param>
internal sealed record RateReading(string SendCurrency, string PayoutCurrency, bool Invert, int Scale, string? Note)
{
    public decimal Normalise(decimal rate)
    {
        var value = Invert ? 1m / rate : rate;
        return Scale >= 0 ? value * Pow10(Scale) : value / Pow10(-Scale);
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= 10m;
        return result;
    }
}

/// <summary>
/// Infers what RPW rows leave implicit: neither the send nor the payout currency is reliably a column, and older
/// periods give rates in the other direction or per 100 units. Each row is read against expectations: USD per unit
/// from the survey's own USD denomination (cc1 amount ÷ USD 200), the destination currency per unit from ECB
/// cross rates or else from the corridor's most recent rows. A reading that fits within a factor of 3 wins; a row
/// that fits both currencies, or neither, is ambiguous and quarantined.
/// </summary>
internal sealed class CurrencyInference
{
    private const double Tolerance = 3.0;
    private static readonly (bool Invert, int Scale)[] Readings = BuildReadings();
    private readonly Dictionary<(string, string), CorridorAnchor> _anchors;
    private readonly ReferenceRateBook _rates;
    private readonly Func<string, string?> _currencyOf;

    public CurrencyInference(IReadOnlyList<RpwRow> rows, ReferenceRateBook rates, Func<string, string?> currencyOf)
    {
        _rates = rates;
        _currencyOf = currencyOf;
        _anchors = rows.GroupBy(r => (r.From, r.To)).ToDictionary(g => g.Key, g => CorridorAnchor.Of(g.ToList()));
    }

    /// <summary>The reading of a row, or the reason it is ambiguous.</summary>
    public (RateReading? Reading, string? Problem) Read(RpwRow row)
    {
        var anchor = _anchors[(row.From, row.To)];
        var localCode = row.Cc1.Code.Length == 3 ? row.Cc1.Code : _currencyOf(row.From) ?? "";
        var destination = _currencyOf(row.To);
        if (destination is null) return (null, $"receiving country {row.To} has no currency");
        if (localCode.Length != 3) return (null, $"sending country {row.From} has no currency and the row names none");

        var send = localCode;
        var notes = new List<string>();
        if (localCode != "USD" && !row.SentInLocalCurrency && anchor.LocalPerUsd is { } lpu)
        {
            send = "USD";
            notes.Add(Invariant($"sent in USD: the amount {row.Cc1.Amount} equals the USD denomination, while the corridor's other rows send about {lpu:0.##} {localCode} per USD"));
        }

        var interbank = row.EffectiveInterbank;
        if (interbank is not { } mid)
        {
            notes.Add($"rate not disclosed: paid out in {destination} assumed");
            return (new RateReading(send, destination, false, 0, string.Join("; ", notes)), null);
        }

        var day = DateOnly.FromDateTime(row.CollectedAt.UtcDateTime);
        decimal? usdPerSend = send == "USD" ? 1m : row.Cc1.Denomination / row.Cc1.Amount;
        var destPerSend = _rates.FromEcb(send, destination, day)?.Rate
            ?? (send == localCode ? anchor.DestinationPerLocal : anchor.DestinationPerLocal * anchor.LocalPerUsd);
        if (destination == "USD") destPerSend = usdPerSend;

        var fits = new List<(RateReading Reading, double Distance)>();
        foreach (var (invert, scale) in Readings)
        {
            // Without a reference for the destination currency, an inverted or rescaled rate that happens to land
            // near USD proves nothing (USD 1 → KES 129 read upside down and ×100 is 0.78): only the plain reading counts.
            if (destPerSend is null && (invert || scale != 0)) continue;
            var probe = new RateReading(send, destination, invert, scale, null);
            var value = probe.Normalise(mid);
            if (Distance(value, destPerSend) is { } d1 && d1 < Math.Log(Tolerance)) fits.Add((probe, d1));
            if (destination != "USD" && Distance(value, usdPerSend) is { } d2 && d2 < Math.Log(Tolerance)) fits.Add((probe with { PayoutCurrency = "USD" }, d2));
        }

        var plain = fits.Where(f => !f.Reading.Invert && f.Reading.Scale == 0).OrderBy(f => f.Distance).ToList();
        // Where the destination currency is worth about a dollar (EUR→EUR to Kosovo), both fit: only a clearly nearer one decides.
        if (plain.Select(f => f.Reading.PayoutCurrency).Distinct().Count() > 1 && plain[0].Distance * 2 >= plain[1].Distance)
            return (null, Invariant($"interbank rate {mid} fits both {send}→{destination} and {send}→USD: payout currency is ambiguous"));
        var chosen = plain.Count > 0 ? plain[0] : fits.OrderBy(f => f.Distance).Cast<(RateReading, double)?>().FirstOrDefault();
        if (chosen is not { } pick)
        {
            if (destPerSend is null)
            {
                notes.Add($"no reference for {send}→{destination}: rate read as given");
                return (new RateReading(send, destination, false, 0, string.Join("; ", notes)), null);
            }
            return (null, Invariant($"interbank rate {mid} fits neither {send}→{destination} (about {destPerSend:G4}) nor {send}→USD (about {usdPerSend:G4}) in any direction or scale"));
        }

        var reading = pick.Item1;
        if (reading.PayoutCurrency != destination)
            notes.Add(Invariant($"paid out in USD: rate {mid} is near USD per {send} ({usdPerSend:G3}), not {destination} per {send}"));
        if (reading.Invert || reading.Scale != 0)
            notes.Add(Invariant($"rate columns read {(reading.Invert ? "inverted" : "as given")}{(reading.Scale != 0 ? $", scaled by 10^{reading.Scale}" : "")}"));
        return (reading with { Note = notes.Count == 0 ? null : string.Join("; ", notes) }, null);
    }

    private static double? Distance(decimal value, decimal? expected) =>
        expected is { } e && e > 0m && value > 0m ? Math.Abs(Math.Log((double)value / (double)e)) : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static (bool, int)[] BuildReadings()
    {
        var list = new List<(bool, int)> { (false, 0), (true, 0) };
        for (var scale = 1; scale <= 3; scale++)
        {
            list.AddRange([(false, -scale), (false, scale), (true, -scale), (true, scale)]);
        }
        return list.ToArray();
    }

    /// <summary>What a corridor's rows say about its currencies: local units per USD, and destination units per local unit lately.</summary>
    private sealed record CorridorAnchor(decimal? LocalPerUsd, decimal? DestinationPerLocal)
    {
        public static CorridorAnchor Of(List<RpwRow> rows)
        {
            var local = rows.Where(r => r.SentInLocalCurrency).ToList();
            var localPerUsd = Median(local.Select(r => r.Cc1.Amount / r.Cc1.Denomination));
            // The most recent period is taken as the canonical direction; rows near USD scale are USD payouts, not anchors.
            var latest = local.Where(r => r.Interbank is not null).Select(r => r.Period).DefaultIfEmpty().Max(StringComparer.Ordinal);
            var destination = Median(local
                .Where(r => r.Period == latest && r.Interbank is { } m
                    && Math.Abs(Math.Log((double)m / (double)(r.Cc1.Denomination / r.Cc1.Amount))) >= Math.Log(Tolerance))
                .Select(r => r.Interbank!.Value));
            return new CorridorAnchor(localPerUsd, destination);
        }

        private static decimal? Median(IEnumerable<decimal> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? null : sorted[sorted.Length / 2];
        }
    }
}
