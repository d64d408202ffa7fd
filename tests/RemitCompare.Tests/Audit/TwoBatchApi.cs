using RemitCompare.Ingestion;
using RemitCompare.Tests.Api;
using RemitCompare.Ingestion.Files;
using RemitCompare.Tests.Indicators;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Audit;

/// <summary>A clock that reads a set moment: batches are ingested "at" chosen times.</summary>
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The real API over a store filled in two batches: the 2024 rows ingested on <see cref="FirstIngested"/>, then the
/// 2025 rows, rows whose rate is not disclosed and one bad row on <see cref="SecondIngested"/>.
/// </summary>
public abstract class TwoBatchApi
{
    protected static readonly DateTimeOffset FirstIngested = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset SecondIngested = new(2025, 11, 1, 9, 0, 0, TimeSpan.Zero);
    protected const string Between = "2025-06-01";
    protected const string After = "2025-12-01T00:00:00Z";
    protected const string Before = "2024-12-31";

    private ApiFactory? _factory;
    private HttpClient? _client;

    protected ApiFactory Factory => _factory!;

    protected long FirstBatch { get; private set; }

    protected long SecondBatch { get; private set; }

    /// <summary>Every row stored by the two batches (the bad row excluded).</summary>
    private protected static IReadOnlyList<RpwLine> Stored => IndicatorData.All;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ApiFactory();
        var store = _factory.Store.Store;
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false);
        var early = IndicatorData.All.Where(r => r["PERIOD"].StartsWith("2024", StringComparison.Ordinal));
        var late = IndicatorData.All.Where(r => r["PERIOD"].StartsWith("2025", StringComparison.Ordinal)).ToList();
        var bad = late[0].With(("PERIOD", "2025_5Q"), ("FIRM", "Quarter Five Ltd"));
        FirstBatch = Ingest(store, early, FirstIngested, "rpw-2024.csv");
        SecondBatch = Ingest(store, late.Append(bad), SecondIngested, "rpw-2025.csv");
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    protected Task<ApiAnswer> Get(string path, params (string Name, string? Value)[] query) =>
        ApiAnswer.GetAsync(_client!, path + Query.Of(query));

    protected HttpClient Client => _client!;

    private static long Ingest(RemitCompare.Data.Store store, IEnumerable<RpwLine> rows, DateTimeOffset at, string name) =>
        new Ingestor(store, new SetClock(at)).Ingest(FileSource.Rpw, new Payload(name, System.Text.Encoding.UTF8.GetBytes(RpwFile.Write(rows, RpwLayoutKind.Cleaned30)))).BatchId;
}
