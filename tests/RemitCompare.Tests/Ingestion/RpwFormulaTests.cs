using System.Security.Cryptography;
using RemitCompare.Data.Batches;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>The DESIGN formulas hold on every real RPW row once it is stored: fee model, total cost, margin.</summary>
public sealed class RpwFormulaTests
{
    private static readonly string[] Points = ["CC1", "CC2"];

    [Test]
    public void Sample_is_the_published_file()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepoFiles.RpwSample)));
        Assert.That(hash, Is.EqualTo(RpwFile.SampleSha256));
    }

    [Test]
    public void Shared_copy_of_the_sample_has_the_published_checksum()
    {
        var shared = RepoFiles.SharedOrIgnore("rpw/rpw_east_africa_2024_2025.csv");
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(shared))), Is.EqualTo(RpwFile.SampleSha256));
    }

    [Test]
    public void Two_point_fee_model_gives_the_surveyed_fee_at_both_amounts()
    {
        using var store = TempStore.WithReferenceData();
        var mismatches = new List<string>();
        foreach (var (stored, row) in IngestSample(store))
        {
            var model = FeeScheduleJson.Read(stored.FeeSchedule);
            foreach (var cc in Points)
            {
                var modelled = model.FeeFor(row.Number($"{cc} LCU AMOUNT"));
                // Exact up to decimal's 28-digit division residue (the slope of 10300 / 486500 does not terminate).
                if (modelled is not { } fee || Math.Abs(fee - row.Number($"{cc} LCU FEE")) > 1e-18m)
                    mismatches.Add($"row {row.FileRow} {row["FIRM"]} {cc}: model {modelled} ≠ surveyed {row[$"{cc} LCU FEE"]}");
            }
        }
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Fee_percent_plus_stated_margin_gives_the_stated_total_cost()
    {
        using var store = TempStore.WithReferenceData();
        var mismatches = new List<string>();
        foreach (var (stored, row) in IngestSample(store))
        {
            var model = FeeScheduleJson.Read(stored.FeeSchedule);
            foreach (var cc in Points)
            {
                var amount = row.Number($"{cc} LCU AMOUNT");
                var total = model.FeeFor(amount)!.Value / amount * 100m + row.Number($"{cc} FX MARGIN");
                // Published percentages have 2 decimals: fee % + margin may round either way by half a unit.
                if (Math.Abs(total - row.Number($"{cc} TOTAL COST %")) > 0.005m)
                    mismatches.Add($"row {row.FileRow} {cc}: fee % + margin = {total:0.####} vs stated {row[$"{cc} TOTAL COST %"]}");
            }
        }
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Stored_survey_points_keep_the_stated_fee_margin_and_total()
    {
        using var store = TempStore.WithReferenceData();
        var mismatches = new List<string>();
        foreach (var (stored, row) in IngestSample(store))
        {
            (decimal?, decimal?, decimal?, decimal?)[] pairs =
            [
                (StoredObservation.D(stored.Cc1Fee), StoredObservation.D(stored.Cc1Margin), StoredObservation.D(stored.Cc1Total), StoredObservation.D(stored.Cc1Amount)),
                (StoredObservation.D(stored.Cc2Fee), StoredObservation.D(stored.Cc2Margin), StoredObservation.D(stored.Cc2Total), StoredObservation.D(stored.Cc2Amount)),
            ];
            for (var i = 0; i < 2; i++)
            {
                var cc = Points[i];
                var expected = (row.Number($"{cc} LCU FEE"), row.Number($"{cc} FX MARGIN"), row.Number($"{cc} TOTAL COST %"), row.Number($"{cc} LCU AMOUNT"));
                if (pairs[i] != expected) mismatches.Add($"row {row.FileRow} {cc}: stored {pairs[i]} vs stated {expected}");
            }
        }
        Assert.That(mismatches, Is.Empty);
    }

    /// <remarks>
    /// The margin can't be recomputed more closely than the rates are written: RPW publishes rates with 2–4
    /// significant figures (0.0074, 0.0076), and half a unit in the last digit of each is up to 0.7 % of the rate,
    /// so (1 − r/m) × 100 moves by about (r/m)(δr/r + δm/m) × 100 points — 0.0074 vs 0.0076 alone is ~0.77 points.
    /// The stated margin itself is rounded to 2 decimals (another 0.005).
    /// </remarks>
    [Test]
    public void Margin_from_the_row_rates_matches_the_stated_margin_within_the_rates_precision()
    {
        using var store = TempStore.WithReferenceData();
        var mismatches = new List<string>();
        var checkedPoints = 0;
        foreach (var (stored, row) in IngestSample(store))
        {
            var m = StoredObservation.D(stored.InterbankRate)!.Value;
            foreach (var cc in Points)
            {
                var r = StoredObservation.D(cc == "CC1" ? stored.Cc1Rate : stored.Cc2Rate)!.Value;
                var recomputed = (1m - (r / m)) * 100m;
                var bound = MarginBound(row, cc);
                checkedPoints++;
                if (Math.Abs(recomputed - row.Number($"{cc} FX MARGIN")) > bound)
                    mismatches.Add($"row {row.FileRow} {cc}: (1 − {r}/{m}) × 100 = {recomputed:0.###} vs stated {row[$"{cc} FX MARGIN"]} (bound {bound:0.###})");
            }
        }
        Assert.That(mismatches, Is.Empty);
        Assert.That(checkedPoints, Is.GreaterThan(900));
    }

    [Test]
    public void Pricing_the_snapshot_quote_at_cc1_reproduces_the_survey_when_the_reference_is_the_row_interbank_rate()
    {
        using var store = TempStore.WithReferenceData();
        var observations = IngestSample(store);
        var latest = observations.GroupBy(p => p.Stored.ServiceId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Stored.CollectedAt, StringComparer.Ordinal).ThenByDescending(p => p.Stored.Id).First());
        var snapshot = new SnapshotBuilder(store.Store, new SnapshotOptions()).Build();
        var quotes = snapshot.Corridors.Values.SelectMany(c => c.Quotes).Where(q => q.MidMarket?.Source == "rpw-interbank").ToList();
        var mismatches = new List<string>();
        foreach (var quote in quotes)
        {
            var (stored, row) = latest[quote.ServiceId];
            var amount = row.Number("CC1 LCU AMOUNT");
            var cost = QuotePricing.Price(quote, amount);
            var bound = MarginBound(row, "CC1");
            if (quote.MidMarket!.Rate != StoredObservation.D(stored.InterbankRate))
                mismatches.Add($"row {row.FileRow}: reference {quote.MidMarket.Rate} is not the row's interbank rate {stored.InterbankRate}");
            else if (cost is not { } c || c.FxMarginPct is null || c.TotalCostPct is null)
                mismatches.Add($"row {row.FileRow}: no full price at {amount}");
            else if (Math.Abs(c.Fee!.Value - row.Number("CC1 LCU FEE")) > 1e-18m
                     || Math.Abs(c.FxMarginPct.Value - row.Number("CC1 FX MARGIN")) > bound
                     || Math.Abs(c.TotalCostPct.Value - row.Number("CC1 TOTAL COST %")) > bound + 0.005m
                     || c.RecipientGets != amount * quote.Rate)
                mismatches.Add($"row {row.FileRow}: priced fee {c.Fee}, margin {c.FxMarginPct:0.###}, total {c.TotalCostPct:0.###}; stated {row["CC1 LCU FEE"]}, {row["CC1 FX MARGIN"]}, {row["CC1 TOTAL COST %"]}");
        }
        Assert.That(mismatches, Is.Empty);
        Assert.That(quotes, Has.Count.EqualTo(latest.Count), "every East African quote is priced against its row's interbank rate (no ECB rate for KES, UGX, TZS, RWF)");
    }

    /// <summary>How far (1 − r/m) × 100 from the row's rate texts can be from the stated margin: see the remark above.</summary>
    private static decimal MarginBound(RpwLine row, string cc)
    {
        var r = row.Number($"{cc} LCU FX RATE");
        var m = row.Number("INTER LCU BANK FX");
        var relative = (HalfUnit(row[$"{cc} LCU FX RATE"]) / r) + (HalfUnit(row["INTER LCU BANK FX"]) / m);
        return (r / m * relative * 100m) + 0.005m;
    }

    /// <summary>Half a unit in the last stated digit; trailing zeros state nothing (the export pads numbers to 9 decimals).</summary>
    private static decimal HalfUnit(string text)
    {
        var t = text.Trim();
        if (t.Contains('.', StringComparison.Ordinal)) t = t.TrimEnd('0').TrimEnd('.');
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        var exponent = dot >= 0 ? -(t.Length - dot - 1) : t.Length - t.TrimEnd('0').Length;
        var unit = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) unit = exponent < 0 ? unit / 10m : unit * 10m;
        return unit / 2m;
    }

    private static List<(StoredObservation Stored, RpwLine Row)> IngestSample(TempStore store)
    {
        var summary = store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var stored = store.Store.Observations();
        Assert.That(stored, Has.Count.EqualTo(summary.Accepted).And.Count.GreaterThan(400));
        return stored.Select(o => (o, RpwFile.Row((int)o.SourceRow))).ToList();
    }
}
