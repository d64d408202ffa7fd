using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RemitCompare.Data;
using RemitCompare.Tests.Indicators;
using RemitCompare.Tests.Ingestion;

namespace RemitCompare.Tests.Api;

/// <summary>
/// "My mother must get 500,000 UGX" still names the services that hide their exchange rate: listed after every priced
/// offer, marked, with the amounts that need the rate unknown — as send mode lists them.
/// </summary>
public sealed class CompareUndisclosedRateTests : ApiFixture
{
    private const string ReceiveQuestion = "from=KEN&to=UGA&receive=500000&receiveCurrency=UGX";

    /// <summary>The fields of an offer that the amount to send decides, or the rate.</summary>
    private static readonly string[] UnknownWithoutTheRate =
        ["sendAmount", "fee", "senderPays", "feePct", "fxMarginPct", "totalCostPct", "totalCost", "recipientGets", "rate"];

    protected override void Fill(Store store) => UndisclosedRateData.Fill(store);

    private async Task<List<JsonElement>> Offers(string question)
    {
        var answer = await Get("/v1/compare?" + question);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return answer.Root.Items("offers");
    }

    [Test]
    public async Task Receive_mode_lists_services_that_hide_their_rate_after_every_priced_offer()
    {
        var offers = await Offers(ReceiveQuestion);

        var transparent = offers.Select(o => o.Bool("transparent")).ToList();
        Assert.That(transparent, Does.Contain(false).And.Contain(true));
        Assert.That(transparent, Is.EqualTo(transparent.OrderByDescending(t => t).ToList()), "undisclosed rates come last");
        Assert.That(offers.Where(o => !o.Bool("transparent")).Select(o => o.Str("provider")).Distinct(), Is.SubsetOf(UndisclosedRateData.Providers));
    }

    [Test]
    public async Task Receive_mode_shows_an_undisclosed_rate_with_every_amount_unknown_and_flagged()
    {
        var undisclosed = (await Offers(ReceiveQuestion)).Where(o => !o.Bool("transparent")).ToList();

        Assert.That(undisclosed, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var offer in undisclosed)
            {
                Assert.That(UnknownWithoutTheRate.Where(f => offer.GetProperty(f).ValueKind != JsonValueKind.Null), Is.Empty, offer.ToString());
                Assert.That(offer.Money("receiveFee"), Is.EqualTo(new ShownMoney(0m, "UGX")));
                Assert.That(offer.Strings("flags"), Does.Contain("rate_not_disclosed"));
            }
        }
    }

    [Test]
    public async Task Receive_mode_lists_the_undisclosed_rates_send_mode_lists_and_counts_none_out_of_range()
    {
        var answer = await Get("/v1/compare?" + ReceiveQuestion);
        var sent = await Offers("from=KEN&to=UGA&amount=10000&currency=KES");

        static IEnumerable<(long, string)> Undisclosed(IEnumerable<JsonElement> offers) =>
            offers.Where(o => !o.Bool("transparent")).Select(o => (o.Whole("serviceId"), o.Money("receiveFee").Currency));
        Assert.That(Undisclosed(answer.Root.Items("offers")), Is.EquivalentTo(Undisclosed(sent).Where(s => s.Item2 == "UGX")));
        Assert.That(answer.Root.GetProperty("excluded").Whole("outOfRange"), Is.Zero);
    }

    [Test]
    public async Task The_page_and_the_widget_frame_list_them_last_marked_with_what_you_pay_unknown()
    {
        var api = (await Offers(ReceiveQuestion)).Select(o => o.Str("provider")).ToList();
        foreach (var path in new[] { "/compare", "/widget/frame" })
        {
            var html = WebUtility.HtmlDecode((await Get($"{path}?lang=en&from=KEN&to=UGA&amount=500000&currency=UGX&mode=receive")).Body);

            var shown = Regex.Matches(html, "<h3>([^<]*)</h3>").Select(m => m.Groups[1].Value);
            var opaque = Regex.Matches(html, "<li class=\"offer opaque\">.*?</li>(?=<li class=\"offer|</ol>)", RegexOptions.Singleline).Select(m => m.Value).ToList();
            Assert.That(shown, Is.EqualTo(api), path);
            Assert.That(opaque, Has.Count.EqualTo(api.Count(UndisclosedRateData.Providers.Contains)), path);
            Assert.That(opaque, Has.All.Contain("Rate not disclosed: the true cost cannot be known")
                .And.All.Contain("<dt>You pay</dt><dd>unknown</dd>").And.All.Contain("<dt>Fee</dt><dd>unknown</dd>"), path);
        }
    }

    [Test]
    public async Task Indicators_still_average_only_the_services_that_disclose_their_rate()
    {
        var expected = IndicatorData.Expected(RpwFile.Rows.Concat(IndicatorData.Undisclosed))[("KEN-UGA", "2025Q3")];

        var corridor = (await Get("/v1/indicators/corridors", ("period", "2025Q3"))).Root.Items("corridors")
            .Single(c => c.Str("from") == "KEN" && c.Str("to") == "UGA");

        Assert.That((corridor.Whole("services"), corridor.Whole("transparentServices")), Is.EqualTo(((long)expected.Services, (long)expected.Transparent)));
        Assert.That(corridor.Dec("cc1AvgTotalCostPct"), Is.EqualTo(expected.Cc1).Within(0.0001m));
    }
}
