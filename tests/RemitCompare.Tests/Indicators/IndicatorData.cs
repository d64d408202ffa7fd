using System.Globalization;
using RemitCompare.Tests.Ingestion;

namespace RemitCompare.Tests.Indicators;

/// <summary>The East Africa sample plus rows whose rate is not disclosed, in the RPW layout, as earlier periods have them.</summary>
internal static class IndicatorData
{
    /// <summary>Copies of real rows marked <c>transparent = no</c> with rate 1 and margin 0, and a low stated total cost.</summary>
    public static IReadOnlyList<RpwLine> Undisclosed { get; } = RpwFile.Rows
        .Where(r => r["CORRIDOR"] is "KENUGA" or "TZAKEN" && r["PERIOD"] == "2025_3Q")
        .Take(4)
        .Select((r, i) => r.With(
            ("FIRM", r["FIRM"] + " (rate undisclosed)"), ("TRANSPARENT", i % 2 == 0 ? "no" : "No"),
            ("CC1 LCU FX RATE", "1"), ("CC2 LCU FX RATE", "1"), ("CC1 FX MARGIN", "0"), ("CC2 FX MARGIN", "0"),
            ("CC1 TOTAL COST %", Pct(r, "CC1")), ("CC2 TOTAL COST %", Pct(r, "CC2"))))
        .ToList();

    /// <summary>Every sample row and the undisclosed ones.</summary>
    public static IReadOnlyList<RpwLine> All => RpwFile.Rows.Concat(Undisclosed).ToList();

    /// <summary>The published-figure check: per corridor and period, the mean of the transparent rows' own CC1/CC2 total cost %.</summary>
    public static Dictionary<(string Corridor, string Period), (decimal Cc1, decimal Cc2, int Services, int Transparent)> Expected(IEnumerable<RpwLine> rows) =>
        rows.DistinctBy(r => string.Join('|', RpwFile.Header30.Select(c => r[c])))
            .GroupBy(r => (Corridor: r["CORRIDOR"][..3] + "-" + r["CORRIDOR"][3..], Period: r["PERIOD"][..4] + "Q" + r["PERIOD"][5]))
            .ToDictionary(g => g.Key, g =>
            {
                var transparent = g.Where(r => r["TRANSPARENT"].Equals("yes", StringComparison.OrdinalIgnoreCase)).ToList();
                return (transparent.Average(r => r.Number("CC1 TOTAL COST %")), transparent.Average(r => r.Number("CC2 TOTAL COST %")), g.Count(), transparent.Count);
            });

    private static string Pct(RpwLine r, string point) =>
        (r.Number(point + " LCU FEE") / r.Number(point + " LCU AMOUNT") * 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
