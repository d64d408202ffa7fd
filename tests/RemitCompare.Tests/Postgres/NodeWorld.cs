using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RemitCompare.FeedSimulator;
using RemitCompare.Tests.Reliability;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Postgres;

/// <summary>
/// Several real API processes on one fresh PostgreSQL database, and the feed simulator on loopback recording every
/// answer it gives (which node asked, for what amount, the bytes), so a test can say which payloads were fetched.
/// </summary>
internal sealed class NodeWorld : IAsyncDisposable
{
    public const string CompareQuery = "/v1/compare?from=USA&to=MEX&amount=300&currency=USD";
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);
    private readonly List<ApiProcess> _nodes = [];
    private readonly List<Served> _served = [];
    private readonly string _folder;

    private NodeWorld(string database, SimulatorState simulator, WebApplication app, Uri address, string folder)
    {
        Database = database;
        Simulator = simulator;
        SimulatorApp = app;
        SimulatorAddress = address;
        _folder = folder;
    }

    /// <summary>Connection string of the shared database.</summary>
    public string Database { get; }

    public SimulatorState Simulator { get; }

    private WebApplication SimulatorApp { get; }

    private Uri SimulatorAddress { get; }

    /// <summary>One answer the simulator gave with status 200.</summary>
    /// <param name="Node">The node that asked (its feed URL names it).</param>
    /// <param name="Amount">The send amount asked about.</param>
    /// <param name="At">When the request arrived.</param>
    /// <param name="Body">The bytes.</param>
    public sealed record Served(string Node, decimal Amount, DateTime At, byte[] Body);

    public static async Task<NodeWorld> StartAsync()
    {
        var database = PostgresCluster.CreateDatabase();
        var simulator = new SimulatorState(TimeProvider.System);
        var app = FeedSimulatorApp.Build(simulator);
        var world = default(NodeWorld);
        app.Use(async (http, next) =>
        {
            var arrived = DateTime.UtcNow;
            var original = http.Response.Body;
            using var copy = new MemoryStream();
            http.Response.Body = copy;
            try
            {
                await next(http);
            }
            finally
            {
                http.Response.Body = original;
            }
            copy.Position = 0;
            await copy.CopyToAsync(original, http.RequestAborted);
            if (http.Request.Path == "/quotes" && http.Response.StatusCode == StatusCodes.Status200OK) world!.Record(http.Request.Query, arrived, copy.ToArray());
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        world = new NodeWorld(database, simulator, app, address, Directory.CreateTempSubdirectory("remitcompare-nodes-").FullName);
        return world;
    }

    /// <summary>
    /// Starts an API node on the shared database. With <paramref name="feedInterval"/>, the node is configured with the
    /// simulator's USD→MXN quote feed (source <c>sim</c>, at 200 and 500) run at that interval when it leads.
    /// </summary>
    public async Task<ApiProcess> StartNodeAsync(string name, TimeSpan? feedInterval, TimeSpan pollInterval)
    {
        var settings = new Dictionary<string, string>
        {
            ["Store__Provider"] = "postgres",
            ["Store__ConnectionString"] = Database,
            ["Snapshot__PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["RateLimits__PermitLimit"] = "1000000",
            ["Logging__LogLevel__RemitCompare.Api.Hosting.RequestLog"] = "Warning",
        };
        if (feedInterval is { } interval)
        {
            const string source = "Feeds__Sources__0__";
            settings["Feeds__Validation__MaxRateDeviation"] = "0.5";
            settings[source + "Name"] = "sim";
            settings[source + "Url"] = new Uri(SimulatorAddress, "quotes?node=" + name).ToString();
            settings[source + "Interval"] = interval.ToString("c", CultureInfo.InvariantCulture);
            settings[source + "Resilience__MaxRetries"] = "0";
            settings[source + "Corridors__0__From"] = "USA";
            settings[source + "Corridors__0__To"] = "MEX";
            settings[source + "Corridors__0__SendCurrency"] = "USD";
            settings[source + "Corridors__0__ReceiveCurrency"] = "MXN";
            settings[source + "Corridors__0__Amounts__0"] = "200";
            settings[source + "Corridors__0__Amounts__1"] = "500";
        }
        var temp = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var node = await ApiProcess.StartAsync(Path.Combine(temp, "unused.db"), temp, settings, StartPatience);
        lock (_nodes) _nodes.Add(node);
        return node;
    }

    /// <summary>Every answer served so far, in order.</summary>
    public IReadOnlyList<Served> ServedAnswers()
    {
        lock (_served) return [.. _served];
    }

    /// <summary>
    /// The payload of each full fetch cycle a node got (its 200 answer, then its 500 answer, joined by a newline as
    /// the source does), as the SHA-256 the store keys batches by.
    /// </summary>
    public IReadOnlyList<string> CycleHashes(string node)
    {
        var answers = ServedAnswers().Where(s => s.Node == node).ToList();
        var hashes = new List<string>();
        for (var i = 0; i + 1 < answers.Count; i++)
        {
            if (answers[i].Amount != 200m || answers[i + 1].Amount != 500m) continue;
            hashes.Add(Convert.ToHexStringLower(SHA256.HashData([.. answers[i].Body, (byte)'\n', .. answers[i + 1].Body])));
            i++;
        }
        return hashes;
    }

    /// <summary>The payload hashes of the source's batches, one per batch, in commit order.</summary>
    public IReadOnlyList<string> BatchHashes(string source = "sim")
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT payload_sha256 FROM batches WHERE source = @source ORDER BY id", connection);
        command.Parameters.AddWithValue("source", source);
        using var reader = command.ExecuteReader();
        var hashes = new List<string>();
        while (reader.Read()) hashes.Add(reader.GetString(0));
        return hashes;
    }

    /// <summary>The highest batch id of the source, 0 when none.</summary>
    public long LatestBatch(string source = "sim")
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM batches WHERE source = @source", connection);
        command.Parameters.AddWithValue("source", source);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the node's /healthz says it is the ingestion leader.</summary>
    public static async Task<bool> IsLeaderAsync(ApiProcess node)
    {
        using var client = Client(node);
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        return health.RootElement.GetProperty("ingestionLeader").GetBoolean();
    }

    /// <summary>The offers of the node's USD→MXN comparison, as JSON text.</summary>
    public static async Task<string> OffersAsync(ApiProcess node)
    {
        using var client = Client(node);
        using var answer = JsonDocument.Parse(await client.GetStringAsync(new Uri(CompareQuery, UriKind.Relative)));
        return answer.RootElement.GetProperty("offers").GetRawText();
    }

    /// <summary>The batches the node's USD→MXN offers come from.</summary>
    public static async Task<IReadOnlyList<long>> OfferBatchesAsync(ApiProcess node)
    {
        using var client = Client(node);
        using var answer = JsonDocument.Parse(await client.GetStringAsync(new Uri(CompareQuery, UriKind.Relative)));
        return answer.RootElement.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("source").GetProperty("batch").GetInt64()).ToList();
    }

    /// <summary>Waits, polling every 100 ms up to <paramref name="patience"/>, until <paramref name="condition"/> holds; whether it did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                if (await condition()) return true;
            }
            catch (HttpRequestException)
            {
                // A node that is starting or stopping; ask again.
            }
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_nodes)
        {
            foreach (var node in _nodes) node.Dispose();
        }
        await SimulatorApp.StopAsync();
        await SimulatorApp.DisposeAsync();
        PostgresCluster.DropDatabase(Database);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may still be letting go of its files; the OS temp cleaner takes them.
        }
    }

    private static HttpClient Client(ApiProcess node) => new() { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    private void Record(IQueryCollection query, DateTime arrived, byte[] body)
    {
        var served = new Served(query["node"].ToString(), decimal.Parse(query["amount"].ToString(), CultureInfo.InvariantCulture), arrived, body);
        lock (_served) _served.Add(served);
    }
}
