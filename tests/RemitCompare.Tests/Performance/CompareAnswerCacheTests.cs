using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RemitCompare.Api.Features;
using RemitCompare.Api.Hosting;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Pricing;
using RemitCompare.Tests.Domain;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Performance;

public sealed class CompareAnswerCacheTests
{
    private const string KenyaToUganda = "/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES&includeStale=true";

    [Test]
    public async Task Asking_again_serves_the_same_bytes_and_entity_tag()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();

        var (firstTag, firstBody) = await Get(client, KenyaToUganda);
        var (secondTag, secondBody) = await Get(client, KenyaToUganda);

        Assert.That(firstTag, Is.Not.Null.And.Not.Empty);
        Assert.That(secondTag, Is.EqualTo(firstTag));
        Assert.That(secondBody, Is.EqualTo(firstBody));
    }

    [Test]
    public async Task A_client_holding_the_entity_tag_gets_304_without_a_body()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();
        var (tag, _) = await Get(client, KenyaToUganda);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(KenyaToUganda, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tag));
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo(tag));
    }

    [Test]
    public async Task A_new_snapshot_never_serves_the_old_bytes()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["Snapshot:PollInterval"] = "01:00:00" });
        using var client = api.CreateClient();
        var (oldTag, oldBody) = await Get(client, KenyaToUganda);
        Assert.That(oldBody, Does.Not.Contain("Harambee Remit"));

        Assert.That(api.Store.IngestNewRow("Harambee Remit", "new-round.csv").Accepted, Is.EqualTo(1));
        api.Services.GetRequiredService<SnapshotHolder>().Refresh();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(KenyaToUganda, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(oldTag));
        using var response = await client.SendAsync(request);
        var newBody = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(newBody, Does.Contain("Harambee Remit"));
        Assert.That(response.Headers.ETag?.Tag, Is.Not.EqualTo(oldTag));
    }

    [Test]
    public async Task With_the_cache_off_each_answer_is_computed_and_still_honours_its_entity_tag()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["CompareCache:MaxBytes"] = "0" });
        using var client = api.CreateClient();
        var (tag, body) = await Get(client, KenyaToUganda);
        var (againTag, againBody) = await Get(client, KenyaToUganda);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(KenyaToUganda, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tag));
        using var response = await client.SendAsync(request);

        Assert.That((againTag, againBody), Is.EqualTo((tag, body)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task A_request_with_a_different_query_gets_its_own_answer()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();

        var (tenThousandTag, tenThousand) = await Get(client, KenyaToUganda);
        var (twentyThousandTag, twentyThousand) = await Get(client, KenyaToUganda.Replace("10000", "20000", StringComparison.Ordinal));

        Assert.That(twentyThousandTag, Is.Not.EqualTo(tenThousandTag));
        Assert.That(twentyThousand, Does.Contain("\"amount\":20000"));
        Assert.That(tenThousand, Does.Not.Contain("\"amount\":20000"));
    }

    [Test]
    public void An_answer_holds_until_the_first_quote_of_its_corridor_turns_stale()
    {
        var now = QuoteBuilder.Now;
        var corridor = Corridor(
            QuoteBuilder.UsdToKes(1) with { StaleAfter = now.AddHours(5) },
            QuoteBuilder.UsdToKes(2) with { StaleAfter = now.AddHours(2) },
            QuoteBuilder.UsdToKes(3) with { StaleAfter = now.AddHours(-1) });

        Assert.That(CompareAnswers.ValidUntil(corridor, now), Is.EqualTo(now.AddHours(2).AddTicks(1)));
    }

    [Test]
    public void An_answer_holds_at_most_until_the_next_utc_day()
    {
        var now = new DateTimeOffset(2025, 8, 14, 23, 0, 0, TimeSpan.Zero);
        var corridor = Corridor(QuoteBuilder.UsdToKes(1) with { StaleAfter = now.AddDays(3) });

        Assert.That(CompareAnswers.ValidUntil(corridor, now), Is.EqualTo(new DateTimeOffset(2025, 8, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    private static CorridorSnapshot Corridor(params ServiceQuote[] quotes) =>
        new(new Country("USA", "US", "United States", "USD", null, null), new Country("KEN", "KE", "Kenya", "KES", null, null), quotes);

    private static async Task<(string Tag, string Body)> Get(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (response.Headers.ETag?.Tag ?? "", await response.Content.ReadAsStringAsync());
    }
}
