using System.Net;
using System.Text.Json;

namespace RemitCompare.Tests.Api;

/// <summary>"My mother in Uganda must get 500,000 UGX": what does the sender pay with each service?</summary>
public sealed class CompareReceiveModeTests : ApiFixture
{
    private const decimal Target = 500_000m;

    private JsonElement? _answer;

    private async Task<JsonElement> MotherMustGet500000Shillings()
    {
        if (_answer is { } cached) return cached;
        var answer = await Get("/v1/compare", ("from", "KEN"), ("to", "UGA"), ("receive", "500000"), ("receiveCurrency", "UGX"));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        _answer = answer.Root;
        return answer.Root;
    }

    [Test]
    public async Task Receive_mode_echoes_the_amount_to_deliver()
    {
        var root = await MotherMustGet500000Shillings();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("request").Str("mode"), Is.EqualTo("receive"));
            Assert.That(root.GetProperty("request").Money("amount"), Is.EqualTo(new ShownMoney(Target, "UGX")));
            Assert.That(root.GetProperty("corridor").Str("receiveCurrency"), Is.EqualTo("UGX"));
        }
    }

    [Test]
    public async Task Every_offer_delivers_at_least_the_amount_asked_for_in_that_currency()
    {
        var offers = (await MotherMustGet500000Shillings()).Items("offers");

        Assert.That(offers, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offers.Select(o => o.Money("recipientGets").Currency), Is.All.EqualTo("UGX"));
            Assert.That(offers.Select(o => o.Money("recipientGets").Amount), Is.All.GreaterThanOrEqualTo(Target));
        }
    }

    [Test]
    public async Task Every_offer_sends_no_more_than_needed()
    {
        var offers = (await MotherMustGet500000Shillings()).Items("offers");

        // One cent less and the recipient would get less than asked for (no receive fee in this corridor).
        Assert.That(offers.Select(o => (o.Money("sendAmount").Amount - 0.01m) * o.Dec("rate")), Is.All.LessThan(Target));
    }

    [Test]
    public async Task Receive_mode_ranks_offers_by_what_the_sender_pays()
    {
        var offers = (await MotherMustGet500000Shillings()).Items("offers").Where(o => o.Bool("transparent") && !o.Bool("promotion")).ToList();

        Assert.That(offers.Select(o => o.Money("senderPays").Amount), Is.Ordered.Ascending);
    }

    [Test]
    public async Task Receive_mode_leaves_out_services_paying_another_currency()
    {
        var root = await MotherMustGet500000Shillings();

        Assert.That(root.GetProperty("excluded").Whole("filtered"), Is.GreaterThan(0), "KEN-UGA has services paying out in USD");
    }

    [Test]
    public async Task Receive_mode_without_a_currency_means_the_destination_countrys_own()
    {
        var answer = await Get("/v1/compare", ("from", "KEN"), ("to", "UGA"), ("receive", "500000"));

        Assert.That(answer.Root.GetProperty("request").Money("amount"), Is.EqualTo(new ShownMoney(Target, "UGX")), answer.Body);
    }

    [Test]
    public async Task Receive_mode_without_a_currency_means_dollars_where_nobody_pays_out_the_local_one()
    {
        var answer = await Get("/v1/compare", ("from", "KEN"), ("to", "SSD"), ("receive", "100"));

        Assert.That(answer.Root.GetProperty("request").Money("amount"), Is.EqualTo(new ShownMoney(100m, "USD")), answer.Body);
    }
}
