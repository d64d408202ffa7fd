using System.Security.Cryptography;
using RemitCompare.Data.Feeds;
using RemitCompare.FeedSimulator;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Tests.Feeds;

/// <summary>Each fault the simulator can inject, against a real source over loopback on a fake clock.</summary>
public sealed class FeedFaultTests
{
    private FeedWorld _world = null!;

    [SetUp]
    public async Task StartWorld() => _world = await FeedWorld.StartAsync();

    [TearDown]
    public async Task StopWorld() => await _world.DisposeAsync();

    private async Task<IReadOnlyList<FetchRecord>> RunOnce(FeedScheduler scheduler) => await _world.Drive(scheduler.RunOnceAsync(CancellationToken.None));

    [Test]
    public async Task Good_quotes_are_stored_as_one_feed_batch_per_corridor_with_the_raw_payload_kept()
    {
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        var records = await RunOnce(scheduler);

        Assert.That(records.Select(r => (r.Outcome, r.Accepted, r.Quarantined)), Is.EqualTo(new[] { ("ok", 4, 0) }));
        var (sha, kind) = _world.Store.Store.LastBatch();
        var payload = new FeedLog(_world.Store.Store).Payload(sha);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kind, Is.EqualTo("feed"));
            Assert.That(_world.Store.Store.FeedObservations(), Is.EqualTo(4));
            Assert.That(payload, Is.Not.Null);
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(payload!)), Is.EqualTo(sha));
        }
    }

    [Test]
    public async Task Latency_beyond_the_attempt_timeout_is_cut_off_and_the_retry_succeeds()
    {
        _world.Simulator.Inject(FeedFault.Latency);
        using var scheduler = _world.Scheduler(_world.QuoteSource(FeedWorld.Resilience() with { Timeout = TimeSpan.FromSeconds(30) }));
        // Small steps: the fake clock must not outrun a quick loopback answer to the retry.
        var records = await _world.Drive(scheduler.RunOnceAsync(CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.That(records.Single().Outcome, Is.EqualTo("ok"));
        Assert.That(_world.Simulator.Requests, Is.EqualTo(3), "one slow attempt cut off, its retry, and the second amount");
    }

    [TestCase(FeedFault.ServerError)]
    [TestCase(FeedFault.ConnectionReset)]
    [TestCase(FeedFault.TruncatedBody)]
    public async Task A_transient_fault_is_retried_and_the_batch_is_stored(FeedFault fault)
    {
        _world.Simulator.Inject(fault, 2);
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        var records = await RunOnce(scheduler);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single().Outcome, Is.EqualTo("ok"));
            Assert.That(_world.Simulator.Requests, Is.EqualTo(4));
            Assert.That(_world.Store.Store.FeedObservations(), Is.EqualTo(4));
            Assert.That(scheduler.Sources[0].LastRetryDelay, Is.Not.Null);
        }
    }

    [Test]
    public async Task A_source_failing_every_attempt_stores_nothing_and_the_last_good_quotes_stay()
    {
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        await RunOnce(scheduler);
        _world.Simulator.Always = FeedFault.ServerError;

        var records = await RunOnce(scheduler);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single().Outcome, Is.EqualTo("failed"));
            Assert.That(records.Single().Error, Does.Contain("HTTP 500").Or.Contain("circuit open"));
            Assert.That(_world.Store.Store.Batches(), Is.EqualTo(1));
            Assert.That(_world.Store.Store.FeedObservations(), Is.EqualTo(4));
            Assert.That(scheduler.Status().Single().History.LastError, Is.EqualTo(records.Single().Error));
        }
    }

    [Test]
    public async Task Invalid_json_fails_the_fetch_without_a_retry_and_stores_nothing_but_the_raw_payload()
    {
        _world.Simulator.Inject(FeedFault.InvalidJson);
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        var records = await RunOnce(scheduler);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single().Outcome, Is.EqualTo("failed"));
            Assert.That(records.Single().Error, Does.Contain("not valid JSON"));
            Assert.That(_world.Store.Store.Batches(), Is.Zero);
            Assert.That(_world.Simulator.Requests, Is.EqualTo(2), "a 200 with a broken body is not worth asking again");
        }
    }

    [TestCase(FeedFault.WrongCurrency, "targetCurrency", "not the corridor's payout currency MXN")]
    [TestCase(FeedFault.RateOff100x, "rate", "from mid-market")]
    [TestCase(FeedFault.StaleTimestamp, "dateCollected", "is older than")]
    public async Task Bad_quotes_are_quarantined_with_their_reason_and_never_stored(FeedFault fault, string field, string reason)
    {
        _world.Simulator.Inject(fault);
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        var records = await RunOnce(scheduler);

        var quarantine = _world.Store.Store.Quarantine();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single().Quarantined, Is.EqualTo(4), "every provider's quote at the first amount");
            Assert.That(quarantine.Select(q => q.Field), Is.All.EqualTo(field));
            Assert.That(quarantine.Select(q => q.Reason), Is.All.Contain(reason));
            // Each service is stored from its good quote at the second amount only, at a sane rate.
            Assert.That(_world.Store.Store.StoredRates().Select(decimal.Parse), Is.All.InRange(_world.UsdMxnMid * 0.9m, _world.UsdMxnMid));
        }
    }

    [Test]
    public async Task Retry_after_is_honoured_before_the_next_attempt()
    {
        _world.Simulator.RetryAfterSeconds = 120;
        _world.Simulator.Inject(FeedFault.TooManyRequests);
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        var run = scheduler.RunOnceAsync(CancellationToken.None);
        await _world.WaitForRequests(1);

        _world.Clock.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(200);
        Assert.That(_world.Simulator.Requests, Is.EqualTo(1), "no second attempt before Retry-After has passed");

        _world.Clock.Advance(TimeSpan.FromSeconds(2));
        var records = await _world.Drive(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single().Outcome, Is.EqualTo("ok"));
            Assert.That(scheduler.Sources[0].LastRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(120)));
        }
    }

    [Test]
    public async Task A_retry_after_longer_than_the_longest_wait_ends_the_fetch_instead()
    {
        _world.Simulator.RetryAfterSeconds = 3600;
        _world.Simulator.Inject(FeedFault.TooManyRequests);
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        var records = await RunOnce(scheduler);

        Assert.That(records.Single().Error, Does.Contain("HTTP 429").And.Contain("Retry-After 3600 s"));
        Assert.That(_world.Simulator.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task The_breaker_opens_after_repeated_failures_skips_calls_while_open_and_closes_after_a_good_trial()
    {
        using var scheduler = _world.Scheduler(_world.QuoteSource());
        _world.Simulator.Always = FeedFault.ServerError;
        await RunOnce(scheduler);
        await RunOnce(scheduler);
        Assert.That(scheduler.Status().Single().Circuit, Is.EqualTo("open"));

        var served = _world.Simulator.Requests;
        var whileOpen = await RunOnce(scheduler);
        Assert.That(whileOpen.Single().Error, Does.Contain("circuit open"));
        Assert.That(_world.Simulator.Requests, Is.EqualTo(served), "an open breaker does not call the source");

        _world.Simulator.Clear();
        _world.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterBreak = await RunOnce(scheduler);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterBreak.Single().Outcome, Is.EqualTo("ok"));
            Assert.That(scheduler.Status().Single().Circuit, Is.EqualTo("closed"));
        }
    }

    [Test]
    public async Task The_request_budget_stops_calls_beyond_the_rate_window_until_it_refills()
    {
        using var scheduler = _world.Scheduler(_world.QuoteSource(FeedWorld.Resilience() with { RequestsPerWindow = 3, RateWindow = TimeSpan.FromHours(1) }));
        await RunOnce(scheduler);
        var overBudget = await RunOnce(scheduler);
        Assert.That(overBudget.Single().Error, Does.Contain("request budget"));
        Assert.That(_world.Simulator.Requests, Is.EqualTo(3));

        _world.Clock.Advance(TimeSpan.FromHours(1));
        var refilled = await RunOnce(scheduler);
        Assert.That(refilled.Single().Outcome, Is.EqualTo("ok"));
    }

    [Test]
    public async Task A_failing_source_never_blocks_another()
    {
        using var scheduler = _world.Scheduler(
            _world.QuoteSource() with { Name = "down", Url = new Uri(_world.BaseAddress, "nowhere") },
            _world.QuoteSource());
        var records = await RunOnce(scheduler);

        Assert.That(records.Select(r => (r.Source, r.Outcome)), Is.EquivalentTo(new[] { ("down", "failed"), ("sim", "ok") }));
    }

    [Test]
    public void A_source_configured_wrongly_stops_start_up_with_a_message_naming_it()
    {
        var noUrl = _world.QuoteSource() with { Name = "broken", Url = new Uri("relative/quotes", UriKind.Relative) };
        var noAmounts = _world.QuoteSource() with { Name = "empty", Corridors = [new FeedCorridor { From = "USA", To = "MEX", SendCurrency = "USD", ReceiveCurrency = "MXN" }] };

        var error = Assert.Throws<InvalidOperationException>(() => _world.Scheduler(noUrl, noAmounts).Dispose());

        Assert.That(error!.Message, Does.Contain("source 'broken': Url must be an absolute http(s) URL").And.Contain("source 'empty': a quote feed needs Corridors"));
    }

    [Test]
    public async Task Ecb_daily_rates_are_fetched_over_http_as_a_rates_batch()
    {
        using var scheduler = _world.Scheduler(new FeedSourceOptions
        {
            Name = "ecb-daily", Kind = FeedKind.Ecb, Url = new Uri(_world.BaseAddress, "ecb/eurofxref-daily.xml"), Resilience = FeedWorld.Resilience(),
        });
        _world.Simulator.Inject(FeedFault.ServerError);
        var records = await RunOnce(scheduler);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Single().Outcome, Is.EqualTo("ok"));
            Assert.That(records.Single().Accepted, Is.EqualTo(_world.Simulator.EuroRates.Count));
            Assert.That(_world.Store.Store.LastBatch("ecb-daily").Kind, Is.EqualTo("rates"));
        }
    }
}
