using System.Net;
using System.Text.Json;

namespace RemitCompare.Tests.Api;

public sealed class CorridorsApiTests : ApiFixture
{
    private static readonly Dictionary<string, string> AmountsNearUsd200 = new()
    {
        ["KES"] = "20000", ["TZS"] = "500000", ["RWF"] = "250000",
    };

    private async Task<List<JsonElement>> Corridors()
    {
        var answer = await Get("/v1/corridors");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return answer.Root.Items("corridors");
    }

    [Test]
    public async Task Corridors_lists_the_eight_East_African_corridors_of_the_default_data_in_code_order()
    {
        var corridors = await Corridors();

        Assert.That(corridors.Select(c => $"{c.Str("from")}-{c.Str("to")}"), Is.EqualTo(new[]
        {
            "KEN-RWA", "KEN-SSD", "KEN-TZA", "KEN-UGA", "RWA-KEN", "TZA-KEN", "TZA-RWA", "TZA-UGA",
        }));
    }

    [Test]
    public async Task Corridors_name_the_countries_and_the_destination_currency()
    {
        var kenUga = (await Corridors()).Single(c => c.Str("from") == "KEN" && c.Str("to") == "UGA");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kenUga.Str("fromName"), Is.EqualTo("Kenya"));
            Assert.That(kenUga.Str("toName"), Is.EqualTo("Uganda"));
            Assert.That(kenUga.Str("destinationCurrency"), Is.EqualTo("UGX"));
        }
    }

    [Test]
    public async Task Corridors_give_the_currencies_senders_pay_in()
    {
        var corridors = await Corridors();

        Assert.That(corridors.ToDictionary(c => $"{c.Str("from")}-{c.Str("to")}", c => string.Join(" ", c.Strings("sendCurrencies"))),
            Is.EquivalentTo(new Dictionary<string, string>
            {
                ["KEN-RWA"] = "KES", ["KEN-SSD"] = "KES", ["KEN-TZA"] = "KES", ["KEN-UGA"] = "KES",
                ["RWA-KEN"] = "RWF USD", ["TZA-KEN"] = "TZS", ["TZA-RWA"] = "TZS", ["TZA-UGA"] = "TZS",
            }));
    }

    [Test]
    public async Task Corridors_pay_out_in_the_destination_currency_except_South_Sudan_which_gets_dollars()
    {
        var corridors = await Corridors();

        using (Assert.EnterMultipleScope())
        {
            foreach (var c in corridors.Where(c => c.Str("to") != "SSD"))
                Assert.That(c.Strings("payoutCurrencies"), Has.Member(c.Str("destinationCurrency")), $"{c.Str("from")}-{c.Str("to")}");
            var ssd = corridors.Single(c => c.Str("to") == "SSD");
            Assert.That(ssd.Strings("payoutCurrencies"), Is.EqualTo(new[] { "USD" }));
        }
    }

    [Test]
    public async Task Corridor_service_counts_match_what_a_comparison_accounts_for()
    {
        var corridors = await Corridors();

        using (Assert.EnterMultipleScope())
        {
            foreach (var c in corridors)
            {
                var currency = c.Strings("sendCurrencies")[0];
                var comparison = (await Get("/v1/compare", ("from", c.Str("from")), ("to", c.Str("to")),
                    ("amount", AmountsNearUsd200[currency]), ("currency", currency))).Root;
                var excluded = comparison.GetProperty("excluded");
                var accounted = comparison.Items("offers").Count + excluded.Whole("stale") + excluded.Whole("outOfRange") + excluded.Whole("filtered");
                Assert.That(accounted, Is.EqualTo(c.Whole("services")).And.GreaterThan(0), $"{c.Str("from")}-{c.Str("to")}");
            }
        }
    }

    [Test]
    public async Task Corridors_count_every_surveyed_service_as_transparent_because_every_survey_row_discloses_its_rate()
    {
        var corridors = await Corridors();

        Assert.That(corridors.Select(c => c.Whole("transparentServices")), Is.EqualTo(corridors.Select(c => c.Whole("services"))));
    }

    [Test]
    public async Task Corridors_tell_when_prices_were_last_collected()
    {
        var corridors = await Corridors();

        Assert.That(corridors.Select(c => DateTimeOffset.Parse(c.Str("lastCollected"), System.Globalization.CultureInfo.InvariantCulture).Year),
            Is.All.EqualTo(2025));
    }
}
