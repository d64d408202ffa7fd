using System.Globalization;
using System.Text.Json;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Indicators;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Audit;

/// <summary>The indicator endpoints over the default data (the real East Africa RPW rows and the KNOMAD flows subset).</summary>
public sealed class IndicatorsApiTests : ApiFixture
{
    private static decimal Number(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Test]
    public async Task Corridor_averages_of_a_period_are_the_means_of_the_rows_own_total_costs()
    {
        var expected = IndicatorData.Expected(RpwFile.Rows);

        var answer = await Get("/v1/indicators/corridors", ("period", "2025_3Q"));

        var corridors = answer.Root.GetProperty("corridors").EnumerateArray().ToList();
        Assert.That(answer.Root.GetProperty("period").GetString(), Is.EqualTo("2025Q3"));
        Assert.That(corridors.Select(c => c.GetProperty("from").GetString() + "-" + c.GetProperty("to").GetString()),
            Is.EquivalentTo(expected.Keys.Where(k => k.Period == "2025Q3").Select(k => k.Corridor)));
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in corridors)
            {
                var key = (c.GetProperty("from").GetString() + "-" + c.GetProperty("to").GetString(), "2025Q3");
                Assert.That(Number(c, "cc1AvgTotalCostPct"), Is.EqualTo(expected[key].Cc1).Within(0.0001m), key.ToString());
                Assert.That(Number(c, "cc2AvgTotalCostPct"), Is.EqualTo(expected[key].Cc2).Within(0.0001m), key.ToString());
                Assert.That(c.GetProperty("services").GetInt32(), Is.EqualTo(expected[key].Services), key.ToString());
            }
        }
    }

    [Test]
    public async Task A_corridor_series_holds_every_period_oldest_first()
    {
        var answer = await Get("/v1/indicators/corridors/ken-uga");

        var periods = answer.Root.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("period").GetString()).ToList();
        Assert.That(periods, Is.EqualTo(new[] { "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q3" }));
    }

    [Test]
    public async Task Global_weighted_average_weights_corridor_averages_by_the_knomad_flows()
    {
        var averages = IndicatorData.Expected(RpwFile.Rows).Where(e => e.Key.Period == "2025Q3").ToDictionary(e => e.Key.Corridor, e => e.Value.Cc1);
        var flows = File.ReadLines(RepoFiles.Data("knomad/bilateral_remittance_2021_subset.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0] + "-" + f[2], f => decimal.Parse(f[^1], CultureInfo.InvariantCulture));
        var weighted = averages.Sum(a => a.Value * flows[a.Key]) / averages.Sum(a => flows[a.Key]);
        var rows = RpwFile.Rows.Where(r => r["PERIOD"] == "2025_3Q").ToList();

        var global = (await Get("/v1/indicators/global", ("period", "2025Q3"))).Root;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Number(global, "globalWeightedAveragePct"), Is.EqualTo(weighted).Within(0.0001m));
            Assert.That(Number(global, "globalAveragePct"), Is.EqualTo(rows.Average(r => r.Number("CC1 TOTAL COST %"))).Within(0.0001m));
            Assert.That(global.GetProperty("weightedCorridors").GetInt32(), Is.EqualTo(averages.Count));
            Assert.That(global.GetProperty("services").GetInt32(), Is.EqualTo(rows.Count));
        }
    }

    [Test]
    public async Task Sdg_status_lists_exactly_the_corridors_whose_smart_is_above_five_percent()
    {
        var corridors = (await Get("/v1/indicators/corridors", ("period", "2025Q3"))).Root.GetProperty("corridors").EnumerateArray()
            .Where(c => c.GetProperty("smartPct").GetDecimal() > 5m)
            .Select(c => c.GetProperty("from").GetString() + "-" + c.GetProperty("to").GetString());

        var sdg = (await Get("/v1/indicators/global", ("period", "2025Q3"))).Root.GetProperty("sdg10c");

        Assert.That(sdg.GetProperty("corridorsAboveCeiling").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(corridors));
        Assert.That(sdg.GetProperty("globalAverageMet").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Every_figure_links_to_the_batch_and_payload_behind_it()
    {
        var corridor = (await Get("/v1/indicators/corridors", ("period", "2025Q3"))).Root.GetProperty("corridors")[0];
        var batch = corridor.GetProperty("batches")[0].GetInt64();

        var answer = (await Get($"/v1/batches/{batch}")).Root;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.GetProperty("payloadSha256").GetString(), Is.EqualTo(RpwFile.SampleSha256));
            Assert.That(answer.GetProperty("kind").GetString(), Is.EqualTo("survey"));
            Assert.That(answer.GetProperty("periods").EnumerateArray().Select(p => p.GetString()), Has.Member("2025Q3"));
            Assert.That(answer.GetProperty("corridors").EnumerateArray().Select(p => p.GetString()),
                Has.Member(corridor.GetProperty("from").GetString() + "-" + corridor.GetProperty("to").GetString()));
        }
    }

    [Test]
    public async Task Bad_period_and_moment_are_problems_naming_the_parameter()
    {
        var answer = await Get("/v1/indicators/global", ("period", "2025Q7"), ("asOf", "last tuesday"));

        Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Problem));
        Assert.That(answer.ErrorNames, Is.EquivalentTo(new[] { "period", "asOf" }));
    }

    [Test]
    public async Task Transparency_report_checks_each_criterion_from_the_data()
    {
        var report = (await Get("/v1/audit/transparency")).Root;
        var criteria = report.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("met").GetBoolean());
        var providers = report.GetProperty("providers").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(criteria.Keys, Is.EquivalentTo(new[] { "two_amounts", "fees", "exchange_rate", "total_cost", "speed", "service_type", "coverage", "independence", "up_to_date", "no_advertising" }));
            Assert.That(criteria["two_amounts"] && criteria["independence"] && criteria["exchange_rate"], Is.True, "every default row is a transparent two-amount survey row");
            Assert.That(providers.Sum(p => p.GetProperty("services").GetInt32()),
                Is.EqualTo((await Get("/v1/corridors")).Root.GetProperty("corridors").EnumerateArray().Sum(c => c.GetProperty("services").GetInt32())));
            Assert.That(providers.Select(p => p.GetProperty("undisclosedRatePct").GetDecimal()), Is.All.EqualTo(0m));
        }
    }
}
