using System.Net;
using System.Text.Json;

namespace RemitCompare.Tests.Api;

/// <summary>Payout, funding and speed filters, and stale prices.</summary>
public sealed class CompareFilterTests : ApiFixture
{
    private async Task<JsonElement> KenyaToUganda(params (string Name, string? Value)[] filters)
    {
        (string, string?)[] query = [("from", "KEN"), ("to", "UGA"), ("amount", "10000"), .. filters];
        var answer = await Get("/v1/compare", query);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return answer.Root;
    }

    private async Task<JsonElement> TanzaniaToKenya(bool includeStale)
    {
        var answer = await Get("/v1/compare", ("from", "TZA"), ("to", "KEN"), ("amount", "500000"), ("includeStale", includeStale ? "true" : null));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return answer.Root;
    }

    [Test]
    public async Task Payout_filter_keeps_only_that_payout_method()
    {
        var all = (await KenyaToUganda()).Items("offers");
        var filtered = await KenyaToUganda(("payout", "mobile_wallet"));
        var offers = filtered.Items("offers");

        Assert.That(offers, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offers.Select(o => o.Str("payoutMethod")), Is.All.EqualTo("mobile_wallet"));
            Assert.That(offers, Has.Count.EqualTo(all.Count(o => o.Str("payoutMethod") == "mobile_wallet")));
            Assert.That(filtered.GetProperty("excluded").Whole("filtered"), Is.EqualTo(all.Count - offers.Count));
            Assert.That(filtered.GetProperty("request").Str("payout"), Is.EqualTo("mobile_wallet"));
        }
    }

    [Test]
    public async Task Funding_filter_keeps_only_that_funding_method()
    {
        var all = (await KenyaToUganda()).Items("offers");
        var offers = (await KenyaToUganda(("funding", "cash"))).Items("offers");

        Assert.That(offers, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offers.Select(o => o.Str("fundingMethod")), Is.All.EqualTo("cash"));
            Assert.That(offers, Has.Count.EqualTo(all.Count(o => o.Str("fundingMethod") == "cash")));
        }
    }

    [Test]
    public async Task Speed_filter_keeps_services_at_least_that_fast()
    {
        var all = (await KenyaToUganda()).Items("offers");
        var offers = (await KenyaToUganda(("maxSpeed", "same_day"))).Items("offers");

        Assert.That(offers, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offers.Select(o => o.StrOrNull("speed")), Is.All.AnyOf("less_than_one_hour", "same_day"));
            Assert.That(offers, Has.Count.EqualTo(all.Count(o => o.StrOrNull("speed") is "less_than_one_hour" or "same_day")));
            Assert.That(offers, Has.Count.LessThan(all.Count));
        }
    }

    [Test]
    public async Task Filters_accept_any_letter_case()
    {
        var offers = (await KenyaToUganda(("payout", "Mobile_Wallet"))).Items("offers");

        Assert.That(offers.Select(o => o.Str("payoutMethod")), Is.Not.Empty.And.All.EqualTo("mobile_wallet"));
    }

    [Test]
    public async Task Stale_prices_are_hidden_by_default_and_counted()
    {
        var root = await TanzaniaToKenya(includeStale: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("excluded").Whole("stale"), Is.GreaterThan(0));
            Assert.That(root.Items("offers").Select(o => o.Strings("flags")), Has.None.Member("stale"));
            Assert.That(root.Items("offers").Select(o => o.StrOrNull("period")), Is.All.EqualTo("2025Q3"));
        }
    }

    [Test]
    public async Task Include_stale_shows_the_hidden_prices_flagged_stale()
    {
        var fresh = await TanzaniaToKenya(includeStale: false);
        var all = await TanzaniaToKenya(includeStale: true);
        var stale = all.Items("offers").Where(o => o.Strings("flags").Contains("stale")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.Items("offers"), Has.Count.EqualTo(fresh.Items("offers").Count + fresh.GetProperty("excluded").Whole("stale")));
            Assert.That(stale, Has.Count.EqualTo(fresh.GetProperty("excluded").Whole("stale")));
            Assert.That(all.GetProperty("excluded").Whole("stale"), Is.Zero);
            Assert.That(all.GetProperty("request").Bool("includeStale"), Is.True);
        }
    }

    [Test]
    public async Task Stale_prices_are_those_of_2024_rounds_that_the_2025Q3_round_superseded()
    {
        var all = await TanzaniaToKenya(includeStale: true);

        Assert.That(all.Items("offers").Where(o => o.Strings("flags").Contains("stale")).Select(o => o.StrOrNull("period")),
            Is.Not.Empty.And.All.StartsWith("2024"));
    }

    [Test]
    public async Task Promotional_prices_come_after_every_regular_transparent_price()
    {
        var offers = (await TanzaniaToKenya(includeStale: false)).Items("offers");
        var groups = offers.Select(o => !o.Bool("transparent") ? 2 : o.Bool("promotion") ? 1 : 0).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(groups, Does.Contain(1), "TZA-KEN holds a promotional price");
            Assert.That(groups, Is.Ordered.Ascending);
            Assert.That(offers.Where(o => o.Bool("promotion")).Select(o => o.Strings("flags")), Has.All.Member("promotion"));
        }
    }
}
