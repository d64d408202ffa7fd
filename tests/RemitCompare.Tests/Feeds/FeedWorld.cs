using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RemitCompare.Data.Rates;
using RemitCompare.Domain.Pricing;
using RemitCompare.FeedSimulator;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Feeds;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Feeds;

/// <summary>
/// The feed simulator on loopback, a real SQLite store holding the ECB history, and one fake clock shared by both,
/// so tests move time instead of sleeping. The simulator prices USD→MXN at the stored ECB mid-market rate.
/// </summary>
internal sealed class FeedWorld : IAsyncDisposable
{
    /// <summary>The day after the last ECB rate in the default data, at noon.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);

    private FeedWorld(TempStore store, FakeTimeProvider clock, SimulatorState simulator, WebApplication app, Uri baseAddress)
    {
        Store = store;
        Clock = clock;
        Simulator = simulator;
        App = app;
        BaseAddress = baseAddress;
    }

    public TempStore Store { get; }
    public FakeTimeProvider Clock { get; }
    public SimulatorState Simulator { get; }
    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    /// <summary>The ECB cross rate USD→MXN the store holds at the start.</summary>
    public decimal UsdMxnMid { get; private set; }

    /// <summary>
    /// A world whose store (<paramref name="store"/>, else a new one) holds reference data and ECB rates; <paramref name="realClock"/>
    /// stamps quotes with the real time (for a CLI process); <paramref name="simulator"/> may add to the simulator before it starts.
    /// </summary>
    public static async Task<FeedWorld> StartAsync(bool realClock = false, TempStore? store = null, Action<WebApplication>? simulator = null)
    {
        var clock = new FakeTimeProvider(Start);
        store ??= TempStore.Empty();
        DefaultDataSet.EnsureLoaded(store.Store, clock, ingestSamples: false);
        new Ingestor(store.Store, clock).Ingest(FileSource.Ecb, DefaultDataSet.Open("ecb/eurofxref-hist-2023q4-2026q1.csv"));
        var book = new RateStore(store.Store).EcbBook();
        var mid = Math.Round(book.FromEcb("USD", "MXN", DateOnly.FromDateTime(Start.UtcDateTime))!.Rate, 4);
        var state = new SimulatorState(realClock ? TimeProvider.System : clock);
        state.Mids["USD-MXN"] = mid;
        var (app, address) = await FeedSimulatorApp.StartAsync(state, configure: simulator);
        return new FeedWorld(store, clock, state, app, address) { UsdMxnMid = mid };
    }

    /// <summary>A quote source on the simulator for USD→MXN at 200 and 500, with resilience settings for tests.</summary>
    public FeedSourceOptions QuoteSource(FeedResilienceOptions? resilience = null, string name = "sim") => new()
    {
        Name = name,
        Kind = FeedKind.Quotes,
        Url = new Uri(BaseAddress, "quotes"),
        Interval = TimeSpan.FromHours(1),
        Corridors = [new FeedCorridor { From = "USA", To = "MEX", SendCurrency = "USD", ReceiveCurrency = "MXN", Amounts = [200m, 500m] }],
        Resilience = resilience ?? Resilience(),
    };

    /// <summary>Test resilience: a long attempt timeout (the fake clock runs fast while a test drives it), quick retries.</summary>
    public static FeedResilienceOptions Resilience() => new()
    {
        Timeout = TimeSpan.FromHours(1),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromSeconds(2),
        MaxRetryDelay = TimeSpan.FromMinutes(5),
        BreakerMinimumThroughput = 4,
        BreakDuration = TimeSpan.FromMinutes(15),
    };

    /// <summary>A scheduler over the given sources on this world's store and clock.</summary>
    public FeedScheduler Scheduler(params FeedSourceOptions[] sources) =>
        new(new FeedOptions { Sources = sources }, Store.Store, Clock, NullLoggerFactory.Instance, TimeSpan.FromHours(24));

    /// <summary>Awaits a task, moving the fake clock on by <paramref name="step"/> until it ends (bounded in real time).</summary>
    public async Task<T> Drive<T>(Task<T> task, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the fetch did not end within 60 s of real time");
            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted) Clock.Advance(step ?? TimeSpan.FromSeconds(1));
        }
        return await task;
    }

    /// <summary>Waits (in real time, bounded) until the simulator has served <paramref name="count"/> requests.</summary>
    public async Task WaitForRequests(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Simulator.Requests < count && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.That(Simulator.Requests, Is.GreaterThanOrEqualTo(count), "the simulator did not get the request in time");
    }

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Store.Dispose();
    }
}
