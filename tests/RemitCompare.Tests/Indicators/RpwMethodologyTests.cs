using RemitCompare.Domain.Indicators;
using RemitCompare.Domain.Services;

namespace RemitCompare.Tests.Indicators;

/// <summary>The RPW methodology on small hand-worked corridors.</summary>
public sealed class RpwMethodologyTests
{
    private static long _id;

    private static SurveyObservation Row(
        string corridor, decimal? cc1, decimal? cc2 = null, bool transparent = true, Speed? speed = Speed.SameDay,
        string firmType = "Money Transfer Operator", PayoutMethod payout = PayoutMethod.CashPickup, string period = "2025Q3", long batch = 1) =>
        new(++_id, batch, corridor[..3], corridor[4..], period, "Firm " + _id, firmType, payout, speed, transparent, cc1, cc2 ?? cc1,
            corridor[..3] == "GBR" ? "Europe" : "Africa", "Africa");

    [Test]
    public void Corridor_average_is_the_mean_of_transparent_rows_only_but_counts_every_service()
    {
        SurveyObservation[] rows = [Row("KEN-UGA", 2m), Row("KEN-UGA", 4m), Row("KEN-UGA", 9m), Row("KEN-UGA", 1.5m, transparent: false)];

        var indicator = RpwMethodology.Corridors(rows).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(indicator.Cc1AvgTotalCostPct, Is.EqualTo(5m));
            Assert.That(indicator.Services, Is.EqualTo(4));
            Assert.That(indicator.TransparentServices, Is.EqualTo(3));
        }
    }

    [Test]
    public void Smart_is_the_mean_of_the_three_cheapest_transparent_services_delivering_within_five_days()
    {
        SurveyObservation[] rows =
        [
            Row("KEN-UGA", 1m, speed: Speed.SixDaysOrMore),  // too slow
            Row("KEN-UGA", 0.5m, transparent: false),        // rate hidden
            Row("KEN-UGA", 2m, speed: Speed.ThreeToFiveDays),
            Row("KEN-UGA", 3m, speed: Speed.LessThanOneHour),
            Row("KEN-UGA", 7m),
            Row("KEN-UGA", 4m, speed: Speed.NextDay),
        ];

        var indicator = RpwMethodology.Corridors(rows).Single();

        Assert.That(indicator.SmartPct, Is.EqualTo(3m)); // (2 + 3 + 4) / 3
    }

    [Test]
    public void Smart_averages_what_qualifies_when_fewer_than_three_services_do()
    {
        SurveyObservation[] rows = [Row("KEN-UGA", 2m), Row("KEN-UGA", 5m), Row("KEN-UGA", 1m, speed: null)];

        Assert.That(RpwMethodology.Corridors(rows).Single().SmartPct, Is.EqualTo(3.5m));
    }

    [Test]
    public void Weighted_average_weights_each_corridor_average_by_its_flow()
    {
        SurveyObservation[] rows = [Row("KEN-UGA", 2m), Row("KEN-UGA", 4m), Row("TZA-KEN", 10m), Row("GBR-KEN", 6m)];
        var flows = new Dictionary<string, decimal> { ["KEN-UGA"] = 300m, ["TZA-KEN"] = 100m };

        var global = RpwMethodology.Global("2025Q3", rows, flows);

        using (Assert.EnterMultipleScope())
        {
            // (3 × 300 + 10 × 100) / 400 = 4.75; GBR-KEN has no flow and carries no weight.
            Assert.That(global.GlobalWeightedAveragePct, Is.EqualTo(4.75m));
            Assert.That(global.WeightedCorridors, Is.EqualTo(2));
            // The simple global average is over services, not corridors: (2 + 4 + 10 + 6) / 4.
            Assert.That(global.GlobalAveragePct, Is.EqualTo(5.5m));
        }
    }

    [Test]
    public void Global_smart_is_the_mean_of_corridor_smarts_and_sdg_lists_corridors_above_five_percent()
    {
        SurveyObservation[] rows = [Row("KEN-UGA", 2m), Row("KEN-UGA", 3m), Row("TZA-KEN", 8m), Row("TZA-KEN", 6m)];

        var global = RpwMethodology.Global("2025Q3", rows, new Dictionary<string, decimal>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(global.SmartAveragePct, Is.EqualTo(4.75m)); // (2.5 + 7) / 2
            Assert.That(global.Sdg10c.CorridorsAboveCeiling, Is.EqualTo(new[] { "TZA-KEN" }));
            Assert.That(global.Sdg10c.GlobalAverageMet, Is.False);
            Assert.That(global.GlobalWeightedAveragePct, Is.Null);
        }
    }

    [Test]
    public void Breakdowns_average_transparent_services_by_firm_type_and_region()
    {
        SurveyObservation[] rows =
        [
            Row("KEN-UGA", 2m, firmType: "Bank"), Row("KEN-UGA", 4m, firmType: "Bank"), Row("GBR-KEN", 9m),
            Row("KEN-UGA", 1m, firmType: "Bank", transparent: false),
        ];

        var breakdowns = RpwMethodology.Global("2025Q3", rows, new Dictionary<string, decimal>()).Breakdowns;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breakdowns.Single(b => b is { Dimension: "firmType", Value: "Bank" }), Is.EqualTo(new IndicatorBreakdown("firmType", "Bank", 2, 3m)));
            Assert.That(breakdowns.Single(b => b is { Dimension: "sendingRegion", Value: "Europe" }).AvgTotalCostPct, Is.EqualTo(9m));
            Assert.That(breakdowns.Single(b => b is { Dimension: "speed", Value: "same_day" }).Services, Is.EqualTo(3));
        }
    }

    [Test]
    public void Global_reads_only_the_period_asked_for()
    {
        SurveyObservation[] rows = [Row("KEN-UGA", 2m, period: "2025Q1"), Row("KEN-UGA", 4m, period: "2025Q3")];

        var global = RpwMethodology.Global("2025Q1", rows, new Dictionary<string, decimal>());

        Assert.That((global.Services, global.GlobalAveragePct), Is.EqualTo((1, 2m)));
    }
}
