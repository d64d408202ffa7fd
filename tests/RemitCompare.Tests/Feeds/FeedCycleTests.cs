using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RemitCompare.FeedSimulator;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Feeds;

/// <summary>The API with a scheduled feed source on the simulator, on one fake clock: the whole cycle while serving.</summary>
public sealed class FeedCycleTests
{
    private static readonly Uri Compare = new("/v1/compare?from=USA&to=MEX&amount=200&currency=USD", UriKind.Relative);

    private static ApiFactory Api(FeedWorld world) => new(
        new Dictionary<string, string>
        {
            ["Feeds:Sources:0:Name"] = "sim",
            ["Feeds:Sources:0:Url"] = new Uri(world.BaseAddress, "quotes").ToString(),
            ["Feeds:Sources:0:Interval"] = "01:00:00",
            ["Feeds:Sources:0:Corridors:0:From"] = "USA",
            ["Feeds:Sources:0:Corridors:0:To"] = "MEX",
            ["Feeds:Sources:0:Corridors:0:SendCurrency"] = "USD",
            ["Feeds:Sources:0:Corridors:0:ReceiveCurrency"] = "MXN",
            ["Feeds:Sources:0:Corridors:0:Amounts:0"] = "200",
            ["Feeds:Sources:0:Corridors:0:Amounts:1"] = "500",
            ["Feeds:Sources:0:Resilience:Timeout"] = "01:00:00",
            ["Feeds:Sources:0:Resilience:RetryDelay"] = "00:00:02",
        },
        services => services.AddSingleton<TimeProvider>(world.Clock));

    [Test]
    public async Task A_price_changed_at_the_source_is_served_after_the_next_scheduled_run_and_readers_only_see_whole_snapshots()
    {
        await using var world = await FeedWorld.StartAsync();
        using var api = Api(world);
        using var client = api.CreateClient();
        var first = await WaitFor(client, Compare, offers => offers.Count == 4, "the first scheduled run to be served");
        Assert.That(Fee(first, "Harbour Transfer"), Is.EqualTo(2.99m));

        using var stop = new CancellationTokenSource();
        var torn = new ConcurrentBag<string>();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var offers = await Offers(client, Compare);
                var batches = offers.Select(o => o.GetProperty("source").GetProperty("batch").GetInt64()).Distinct().Count();
                if (offers.Count != 4 || batches != 1) torn.Add($"{offers.Count} offers from {batches} batches");
                Interlocked.Increment(ref reads);
            }
        });

        world.Simulator.SetProvider(new SimulatedProvider("Harbour Transfer", "Money Transfer Operator", 0.49m, 0m, 1.2m, "bank_account", "PT1H"));
        world.Clock.Advance(TimeSpan.FromHours(1));
        var changed = await WaitFor(client, Compare, offers => offers.Count == 4 && Fee(offers, "Harbour Transfer") == 0.49m, "the changed price to be served");
        await stop.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Fee(changed, "Harbour Transfer"), Is.EqualTo(0.49m));
            Assert.That(torn, Is.Empty, "a reader saw a snapshot that mixed batches or missed quotes");
            Assert.That(reads, Is.Positive);
        }
    }

    [Test]
    public async Task When_the_source_keeps_failing_the_last_good_quotes_stay_and_go_stale_after_the_feed_freshness()
    {
        await using var world = await FeedWorld.StartAsync();
        using var api = Api(world);
        using var client = api.CreateClient();
        await WaitFor(client, Compare, offers => offers.Count == 4, "the first scheduled run to be served");
        world.Simulator.Always = FeedFault.ServerError;

        world.Clock.Advance(TimeSpan.FromHours(23));
        Assert.That(await Offers(client, Compare), Has.Count.EqualTo(4), "still fresh at 23 h");

        world.Clock.Advance(TimeSpan.FromHours(2));
        var sources = await WaitForSourceError(world, client);
        var hidden = await Offers(client, Compare);
        var shown = await Offers(client, new Uri(Compare + "&includeStale=true", UriKind.Relative));
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hidden, Is.Empty);
            Assert.That(shown, Has.Count.EqualTo(4));
            Assert.That(shown.Select(o => o.GetProperty("flags").EnumerateArray().Select(f => f.GetString())), Has.All.Contain("stale"));
            Assert.That(sources.GetProperty("fresh").GetBoolean(), Is.False);
            Assert.That(sources.GetProperty("accepted").GetInt32(), Is.EqualTo(4));
            Assert.That(health.RootElement.GetProperty("status").GetString(), Is.EqualTo("degraded"));
        }
    }

    private static async Task<JsonElement> WaitForSourceError(FeedWorld world, HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/sources", UriKind.Relative)));
            var source = json.RootElement.GetProperty("sources")[0];
            if (source.GetProperty("lastError").ValueKind == JsonValueKind.String) return source.Clone();
            world.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }
        Assert.Fail("the failed run never reached /v1/sources");
        return default;
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitFor(HttpClient client, Uri uri, Func<IReadOnlyList<JsonElement>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var offers = await Offers(client, uri);
            if (done(offers)) return offers;
            await Task.Delay(50);
        }
        Assert.Fail($"timed out waiting for {what}");
        return [];
    }

    private static async Task<IReadOnlyList<JsonElement>> Offers(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        // Until the first feed batch is served the corridor is unknown (400).
        if (response.StatusCode != HttpStatusCode.OK) return [];
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("offers").EnumerateArray().Select(o => o.Clone()).ToList();
    }

    private static decimal Fee(IReadOnlyList<JsonElement> offers, string provider) =>
        offers.Single(o => o.GetProperty("provider").GetString() == provider).GetProperty("fee").GetProperty("amount").GetDecimal();
}
