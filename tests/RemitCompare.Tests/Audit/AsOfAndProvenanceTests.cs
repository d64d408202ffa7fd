using System.Net;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Indicators;

namespace RemitCompare.Tests.Audit;

/// <summary>asOf answers what the service showed at a moment: before, between and after two batches.</summary>
public sealed class AsOfAndProvenanceTests : TwoBatchApi
{
    private async Task<IReadOnlyList<string?>> Periods(string? asOf) =>
        (await Get("/v1/indicators/corridors/KEN-UGA", ("asOf", asOf))).Root.GetProperty("series").EnumerateArray()
            .Select(s => s.GetProperty("period").GetString()).ToList();

    [Test]
    public async Task Indicators_between_the_batches_hold_only_the_first()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Periods(Between), Is.EqualTo(new[] { "2024Q1", "2024Q2", "2024Q3", "2024Q4" }));
            Assert.That((await Get("/v1/indicators/global", ("asOf", Between))).Root.GetProperty("period").GetString(), Is.EqualTo("2024Q4"));
            Assert.That((await Get("/v1/indicators/corridors", ("period", "2025Q3"), ("asOf", Between))).Status, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Indicators_after_the_second_batch_equal_the_present()
    {
        var after = await Get("/v1/indicators/corridors", ("period", "2025Q3"), ("asOf", After));
        var now = await Get("/v1/indicators/corridors", ("period", "2025Q3"));

        Assert.That(await Periods(After), Has.Count.EqualTo(6));
        Assert.That(after.Root.GetProperty("corridors").ToString(), Is.EqualTo(now.Root.GetProperty("corridors").ToString()));
    }

    [Test]
    public async Task Nothing_was_shown_before_the_first_batch()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Get("/v1/indicators/global", ("asOf", Before))).Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await Get("/v1/providers", ("asOf", Before))).Root.GetProperty("providers").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task Compare_as_of_a_moment_ranks_the_prices_held_then()
    {
        async Task<IEnumerable<string?>> OfferPeriods(string? asOf) =>
            (await Get("/v1/compare", ("from", "KEN"), ("to", "UGA"), ("amount", "18000"), ("currency", "KES"), ("asOf", asOf)))
                .Root.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("period").GetString()).Distinct();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await OfferPeriods(Between), Is.EqualTo(new[] { "2024Q4" }));
            Assert.That(await OfferPeriods(After), Is.EqualTo(new[] { "2025Q3" }));
        }
    }

    [Test]
    public async Task Providers_first_seen_in_the_second_batch_appear_only_after_it()
    {
        var firm = IndicatorData.Undisclosed[0]["FIRM"];
        async Task<IEnumerable<string?>> Names(string asOf) =>
            (await Get("/v1/providers", ("asOf", asOf))).Root.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("name").GetString());

        Assert.That(await Names(Between), Has.No.Member(firm));
        Assert.That(await Names(After), Has.Member(firm));
    }

    [Test]
    public async Task Transparency_report_shows_the_undisclosed_providers_and_fails_the_rate_criterion()
    {
        var report = (await Get("/v1/audit/transparency")).Root;
        var undisclosed = IndicatorData.Undisclosed.Select(r => r["FIRM"]).ToHashSet();

        var rows = report.GetProperty("providers").EnumerateArray().Where(p => undisclosed.Contains(p.GetProperty("provider").GetString()!)).ToList();
        var rate = report.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "exchange_rate");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => r.GetProperty("undisclosedRatePct").GetDecimal()), Is.All.EqualTo(100m));
            Assert.That(rate.GetProperty("met").GetBoolean(), Is.False);
            Assert.That((await Get("/v1/audit/transparency", ("asOf", Between))).Root.GetProperty("criteria").EnumerateArray()
                .Single(c => c.GetProperty("id").GetString() == "exchange_rate").GetProperty("met").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task A_batch_shows_its_payload_coverage_and_the_rows_it_quarantined_with_reasons()
    {
        var batch = (await Get($"/v1/batches/{SecondBatch}")).Root;

        var quarantine = batch.GetProperty("quarantine").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(batch.GetProperty("fileName").GetString(), Is.EqualTo("rpw-2025.csv"));
            Assert.That(batch.GetProperty("payloadSha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(batch.GetProperty("periods").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "2025Q1", "2025Q3" }));
            Assert.That(quarantine.Select(q => (q.GetProperty("field").GetString(), q.GetProperty("raw").GetString()!.Contains("Quarter Five Ltd"))),
                Has.Member(("period", true)));
            Assert.That(quarantine.Single(q => q.GetProperty("field").GetString() == "period").GetProperty("reason").GetString(), Does.Contain("2025_5Q"));
            Assert.That(batch.GetProperty("rowsQuarantined").GetInt64(), Is.EqualTo(quarantine.Count));
        }
    }
}
