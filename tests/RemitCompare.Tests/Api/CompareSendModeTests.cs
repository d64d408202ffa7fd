using System.Net;
using System.Text.Json;

namespace RemitCompare.Tests.Api;

/// <summary>"I send 10,000 KES from Kenya to Uganda": what does each service deliver?</summary>
public sealed class CompareSendModeTests : ApiFixture
{
    private static readonly string[] OfferFields =
    [
        "rank", "serviceId", "providerId", "provider", "firmType", "fundingMethod", "payoutMethod", "speed", "transparent", "promotion",
        "sendAmount", "fee", "senderPays", "rate", "midMarketRate", "midMarket", "feePct", "fxMarginPct", "receiveFee", "totalCostPct",
        "totalCost", "recipientGets", "collectedAt", "period", "source", "flags",
    ];

    private static readonly string[] MoneyFields = ["sendAmount", "fee", "senderPays", "receiveFee", "totalCost", "recipientGets"];

    private JsonElement? _kenUga;

    private async Task<JsonElement> KenyaToUganda()
    {
        if (_kenUga is { } cached) return cached;
        var answer = await Get("/v1/compare", ("from", "KEN"), ("to", "UGA"), ("amount", "10000"), ("currency", "KES"));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Json));
        _kenUga = answer.Root;
        return answer.Root;
    }

    private async Task<JsonElement> FirstOfferPaidInShillings() =>
        (await KenyaToUganda()).Items("offers").First(o => o.Money("recipientGets").Currency == "UGX" && o.Money("receiveFee").Amount == 0m);

    /// <summary>What an offer delivers valued in KES at mid-market, as an interval wide enough for the rounding of what is shown.</summary>
    /// <summary>
    /// What an offer delivers valued in the send currency at one mid-market rate per payout currency — the most
    /// recent among the offers — with the rounding of the shown figures as an interval.
    /// </summary>
    private static (decimal Low, decimal High) ValueAtMidMarket(JsonElement offer, Dictionary<string, decimal> mids)
    {
        var gets = offer.Money("recipientGets");
        var mid = mids[gets.Currency];
        var halfUnit = 0.5m / (decimal)Math.Pow(10, JsonReading.MinorUnits[gets.Currency]);
        return ((gets.Amount - halfUnit) / mid, (gets.Amount + halfUnit) / mid);
    }

    private static Dictionary<string, decimal> LatestMids(IEnumerable<JsonElement> offers) =>
        offers.GroupBy(o => o.Money("recipientGets").Currency)
            .ToDictionary(g => g.Key, g => g.MaxBy(o => o.GetProperty("midMarket").Str("at"))!.Dec("midMarketRate"));

    [Test]
    public async Task Compare_echoes_the_request_as_understood()
    {
        var root = await KenyaToUganda();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("corridor").GetRawText(),
                Is.EqualTo("""{"from":"KEN","to":"UGA","sendCurrency":"KES","receiveCurrency":"UGX","destinationCurrency":"UGX"}"""));
            Assert.That(root.GetProperty("request").GetRawText(),
                Is.EqualTo("""{"mode":"send","amount":{"amount":10000,"currency":"KES"},"payout":null,"funding":null,"maxSpeed":null,"includeStale":false}"""));
        }
    }

    [Test]
    public async Task Compare_returns_every_service_of_the_corridor_that_takes_the_amount()
    {
        var root = await KenyaToUganda();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Items("offers"), Has.Count.EqualTo(15));
            Assert.That(root.GetProperty("excluded").GetRawText(), Is.EqualTo("""{"stale":0,"outOfRange":0,"filtered":0}"""));
        }
    }

    [Test]
    public async Task Compare_ranks_offers_by_what_the_recipient_gets_valued_at_mid_market()
    {
        var transparent = (await KenyaToUganda()).Items("offers").Where(o => o.Bool("transparent") && !o.Bool("promotion")).ToList();

        Assert.That(transparent, Has.Count.GreaterThan(1));
        var mids = LatestMids(transparent);
        using (Assert.EnterMultipleScope())
        {
            for (var i = 1; i < transparent.Count; i++)
            {
                Assert.That(ValueAtMidMarket(transparent[i - 1], mids).High, Is.GreaterThanOrEqualTo(ValueAtMidMarket(transparent[i], mids).Low),
                    $"rank {transparent[i - 1].Whole("rank")} ({transparent[i - 1].Str("provider")}) before rank {transparent[i].Whole("rank")} ({transparent[i].Str("provider")})");
            }
        }
    }

    [Test]
    public async Task Compare_numbers_offers_from_one()
    {
        var offers = (await KenyaToUganda()).Items("offers");

        Assert.That(offers.Select(o => o.Whole("rank")), Is.EqualTo(Enumerable.Range(1, offers.Count).Select(i => (long)i)));
    }

    [Test]
    public async Task Every_offer_has_the_documented_fields()
    {
        var offers = (await KenyaToUganda()).Items("offers");

        Assert.That(offers.Select(o => o.Names()), Is.All.EquivalentTo(OfferFields));
    }

    [Test]
    public async Task Every_amount_of_money_is_an_amount_and_a_currency_rounded_to_its_minor_units()
    {
        var offers = (await KenyaToUganda()).Items("offers");

        using (Assert.EnterMultipleScope())
        {
            foreach (var offer in offers)
            {
                foreach (var field in MoneyFields)
                {
                    Assert.That(offer.GetProperty(field).Names(), Is.EqualTo(new[] { "amount", "currency" }), field);
                    Assert.That(offer.Money(field).IsInMinorUnits(), Is.True, $"{field} {offer.Money(field)}");
                }
            }
        }
    }

    [Test]
    public async Task Sender_side_money_is_in_the_send_currency_and_recipient_side_money_in_the_payout_currency()
    {
        var offers = (await KenyaToUganda()).Items("offers");

        using (Assert.EnterMultipleScope())
        {
            foreach (var offer in offers)
            {
                Assert.That(new[] { "sendAmount", "fee", "senderPays", "totalCost" }.Select(f => offer.Money(f).Currency), Is.All.EqualTo("KES"));
                Assert.That(offer.Money("receiveFee").Currency, Is.EqualTo(offer.Money("recipientGets").Currency));
                Assert.That(offer.Money("recipientGets").Currency, Is.AnyOf("UGX", "USD"));
            }
        }
    }

    [Test]
    public async Task Offer_fee_percent_is_the_fee_over_the_amount()
    {
        var offer = await FirstOfferPaidInShillings();
        var (amount, fee) = (offer.Money("sendAmount").Amount, offer.Money("fee").Amount);

        Assert.That(offer.Dec("feePct"), Is.EqualTo(fee / amount * 100m).Within(0.006m));
    }

    [Test]
    public async Task Offer_fx_margin_is_how_far_the_rate_is_below_mid_market()
    {
        var offer = await FirstOfferPaidInShillings();
        var (rate, mid) = (offer.Dec("rate"), offer.Dec("midMarketRate"));

        Assert.That(offer.Dec("fxMarginPct"), Is.EqualTo((1m - (rate / mid)) * 100m).Within(0.006m));
    }

    [Test]
    public async Task Offer_total_cost_percent_is_fee_percent_plus_fx_margin()
    {
        var offer = await FirstOfferPaidInShillings();
        var (amount, fee, rate, mid) = (offer.Money("sendAmount").Amount, offer.Money("fee").Amount, offer.Dec("rate"), offer.Dec("midMarketRate"));
        var byHand = (fee / amount * 100m) + ((1m - (rate / mid)) * 100m);

        Assert.That(offer.Dec("totalCostPct"), Is.EqualTo(byHand).Within(0.006m));
    }

    [Test]
    public async Task Offer_total_cost_in_money_is_the_fee_plus_the_margin_taken_on_the_amount()
    {
        var offer = await FirstOfferPaidInShillings();
        var (amount, fee, rate, mid) = (offer.Money("sendAmount").Amount, offer.Money("fee").Amount, offer.Dec("rate"), offer.Dec("midMarketRate"));

        Assert.That(offer.Money("totalCost").Amount, Is.EqualTo(fee + (amount * (1m - (rate / mid)))).Within(0.05m));
    }

    [Test]
    public async Task Offer_recipient_gets_the_amount_times_the_rate_when_the_fee_is_paid_on_top()
    {
        var offer = await FirstOfferPaidInShillings();
        var (amount, fee) = (offer.Money("sendAmount").Amount, offer.Money("fee").Amount);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(offer.Money("senderPays").Amount, Is.EqualTo(amount + fee));
            Assert.That(offer.Money("recipientGets").Amount, Is.EqualTo(amount * offer.Dec("rate")).Within(1m));
        }
    }

    [Test]
    public async Task Offer_names_its_mid_market_rate_and_where_it_came_from()
    {
        var offers = (await KenyaToUganda()).Items("offers");

        using (Assert.EnterMultipleScope())
        {
            foreach (var offer in offers)
            {
                var mid = offer.GetProperty("midMarket");
                Assert.That(mid.Dec("rate"), Is.EqualTo(offer.Dec("midMarketRate")));
                Assert.That(mid.Str("source"), Is.EqualTo("rpw-interbank"), "the ECB quotes neither KES nor UGX");
                Assert.That(DateOnly.Parse(mid.Str("at"), System.Globalization.CultureInfo.InvariantCulture),
                    Is.LessThanOrEqualTo(DateOnly.FromDateTime(DateTimeOffset.Parse(offer.Str("collectedAt"), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime)));
            }
        }
    }

    [Test]
    public async Task Offers_paid_in_dollars_in_Uganda_are_flagged_and_those_paid_in_shillings_are_not()
    {
        var offers = (await KenyaToUganda()).Items("offers");

        Assert.That(offers.Select(o => (o.Money("recipientGets").Currency, o.Strings("flags").Contains("payout_in_other_currency"))),
            Is.All.Matches<(string Currency, bool Flagged)>(x => x.Flagged == (x.Currency != "UGX")));
    }

    [Test]
    public async Task South_Sudan_offers_are_all_paid_in_dollars_and_flagged()
    {
        var answer = await Get("/v1/compare", ("from", "KEN"), ("to", "SSD"), ("amount", "10000"));
        var offers = answer.Root.Items("offers");

        Assert.That(offers, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offers.Select(o => o.Money("recipientGets").Currency), Is.All.EqualTo("USD"));
            Assert.That(offers.Select(o => o.Strings("flags")), Has.All.Member("payout_in_other_currency"));
        }
    }

    [Test]
    public async Task Rwanda_to_Kenya_can_be_priced_in_dollars_sent()
    {
        var answer = await Get("/v1/compare", ("from", "RWA"), ("to", "KEN"), ("amount", "100"), ("currency", "USD"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        var offers = answer.Root.Items("offers");
        Assert.That(offers, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Root.GetProperty("corridor").Str("sendCurrency"), Is.EqualTo("USD"));
            Assert.That(offers.Select(o => o.Money("senderPays").Currency), Is.All.EqualTo("USD"));
            Assert.That(offers.Select(o => o.Money("recipientGets").Currency), Is.All.EqualTo("KES"));
        }
    }

    [Test]
    public async Task Rwanda_to_Kenya_in_euros_is_a_problem_naming_the_currency()
    {
        var answer = await Get("/v1/compare", ("from", "RWA"), ("to", "KEN"), ("amount", "100"), ("currency", "EUR"));

        answer.AssertIsProblemNaming("currency");
        Assert.That(answer.Root.GetProperty("errors").Strings("currency"), Is.EqualTo(new[] { "EUR is not used by senders in RWA → KEN; use RWF or USD" }));
    }

    [Test]
    public async Task Compare_without_a_currency_sends_in_the_currency_most_senders_use()
    {
        var answer = await Get("/v1/compare", ("from", "RWA"), ("to", "KEN"), ("amount", "100000"));

        Assert.That(answer.Root.GetProperty("request").Money("amount"), Is.EqualTo(new ShownMoney(100000m, "RWF")));
    }
}
