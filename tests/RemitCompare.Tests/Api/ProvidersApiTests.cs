using System.Net;
using System.Text.Json;

namespace RemitCompare.Tests.Api;

public sealed class ProvidersApiTests : ApiFixture
{
    private static readonly string[] Corridors = ["KEN-RWA", "KEN-SSD", "KEN-TZA", "KEN-UGA", "RWA-KEN", "TZA-KEN", "TZA-RWA", "TZA-UGA"];

    private async Task<List<JsonElement>> Providers()
    {
        var answer = await Get("/v1/providers");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return answer.Root.Items("providers");
    }

    private async Task<JsonElement> Provider(long id)
    {
        var answer = await Get($"/v1/providers/{id}");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return answer.Root;
    }

    private async Task<JsonElement> MoneyGram() => (await Providers()).Single(p => p.Str("name") == "MoneyGram");

    [Test]
    public async Task Providers_are_listed_by_name()
    {
        var names = (await Providers()).Select(p => p.Str("name")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Has.Count.GreaterThan(10));
            Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.OrdinalIgnoreCase));
            Assert.That(names, Is.Unique);
        }
    }

    [Test]
    public async Task Every_provider_offers_services_in_corridors_of_the_data()
    {
        var providers = await Providers();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(providers.Select(p => p.Whole("services")), Is.All.GreaterThan(0));
            Assert.That(providers.SelectMany(p => p.Strings("corridors")).Distinct(), Is.SubsetOf(Corridors));
        }
    }

    [Test]
    public async Task A_provider_lists_its_services_and_the_corridors_they_serve()
    {
        var summary = await MoneyGram();
        var detail = await Provider(summary.Whole("id"));
        var services = detail.Items("services");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detail.Str("name"), Is.EqualTo("MoneyGram"));
            Assert.That(detail.Str("firmType"), Is.EqualTo(summary.Str("firmType")));
            Assert.That(services, Has.Count.EqualTo(summary.Whole("services")));
            Assert.That(detail.Strings("corridors"), Is.EqualTo(services.Select(s => $"{s.Str("from")}-{s.Str("to")}").Distinct().Order(StringComparer.Ordinal)));
            Assert.That(detail.Strings("corridors"), Is.EqualTo(summary.Strings("corridors")));
        }
    }

    [Test]
    public async Task A_provider_shows_the_same_transparency_record_in_the_list_and_alone()
    {
        var summary = await MoneyGram();
        var detail = await Provider(summary.Whole("id"));

        Assert.That(detail.GetProperty("transparency").GetRawText(), Is.EqualTo(summary.GetProperty("transparency").GetRawText()));
    }

    [Test]
    public async Task A_transparency_record_counts_every_observation_over_the_surveyed_rounds()
    {
        var transparency = (await MoneyGram()).GetProperty("transparency");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(transparency.Whole("observations"), Is.GreaterThan((await MoneyGram()).Whole("services")), "six survey rounds per service");
            Assert.That(transparency.Whole("undisclosedRate"), Is.Zero);
            Assert.That(transparency.Dec("transparentPct"), Is.EqualTo(100m));
            Assert.That(transparency.Str("firstCollected"), Does.StartWith("2024-"));
            Assert.That(transparency.Str("lastCollected"), Does.StartWith("2025-"));
        }
    }

    [Test]
    public async Task A_providers_service_is_stale_when_its_latest_price_is_from_a_superseded_round()
    {
        var providers = await Providers();
        var services = new List<JsonElement>();
        foreach (var p in providers) services.AddRange((await Provider(p.Whole("id"))).Items("services"));

        Assert.That(services.Select(s => (s.StrOrNull("period"), s.Bool("stale"))),
            Is.All.Matches<(string? Period, bool Stale)>(s => s.Stale == (s.Period != "2025Q3")));
        Assert.That(services.Count(s => s.Bool("stale")), Is.GreaterThan(0));
    }

    [Test]
    public async Task An_unknown_provider_is_a_404_problem()
    {
        var answer = await Get("/v1/providers/999999");

        answer.AssertIsProblem(HttpStatusCode.NotFound);
        Assert.That(answer.Root.Str("detail"), Does.Contain("999999"));
    }

    [Test]
    public async Task A_provider_id_that_is_not_a_number_is_a_400_problem_naming_id()
    {
        var answer = await Get("/v1/providers/abc");

        answer.AssertIsProblemNaming("id");
    }
}
