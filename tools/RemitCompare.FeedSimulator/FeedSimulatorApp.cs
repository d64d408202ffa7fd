using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.FeedSimulator;

/// <summary>
/// A small Kestrel app that serves the provider quote feed shape (docs/feeds.md) and the ECB daily XML from
/// real-looking prices, and misbehaves on request: latency, 429 with Retry-After, 500, dropped connections,
/// truncated bodies, invalid JSON, wrong currencies, rates 100x off and stale timestamps.
/// </summary>
public static class FeedSimulatorApp
{
    /// <summary>Builds the app on <paramref name="url"/> (port 0 picks a free one) serving <paramref name="state"/>.</summary>
    public static WebApplication Build(SimulatorState state, string url = "http://127.0.0.1:0", string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/", () => "RemitCompare feed simulator: GET /quotes?from=USA&to=MEX&sourceCurrency=USD&targetCurrency=MXN&amount=200, GET /ecb/eurofxref-daily.xml, POST /faults?fault=server_error&times=3, DELETE /faults");
        app.MapGet("/quotes", (HttpContext http) => Serve(http, state, fault => Quotes(http.Request.Query, state, fault)));
        app.MapGet("/ecb/eurofxref-daily.xml", (HttpContext http) => Serve(http, state, _ => (EcbXml(state), "application/xml")));
        app.MapPost("/faults", (string fault, int? times) =>
        {
            if (!Enum.TryParse<FeedFault>(fault.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed))
                return Results.Problem($"unknown fault '{fault}'", statusCode: 400);
            state.Inject(parsed, times ?? 1);
            return Results.NoContent();
        });
        app.MapDelete("/faults", () =>
        {
            state.Clear();
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>Starts the app on a free loopback port, after <paramref name="configure"/> (e.g. a middleware of a test); the base address it listens on.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(
        SimulatorState state, Action<WebApplication>? configure = null, CancellationToken cancellationToken = default)
    {
        var app = Build(state);
        configure?.Invoke(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task Serve(HttpContext http, SimulatorState state, Func<FeedFault, (string Body, string ContentType)?> answer)
    {
        var fault = state.NextFault();
        var response = http.Response;
        switch (fault)
        {
            case FeedFault.Latency:
                await Task.Delay(state.Latency, http.RequestAborted);
                break;
            case FeedFault.TooManyRequests:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = state.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return;
            case FeedFault.ServerError:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                await response.WriteAsync("upstream pricing engine unavailable", http.RequestAborted);
                return;
            case FeedFault.ConnectionReset:
                http.Abort();
                return;
        }
        var served = answer(fault);
        if (served is not { } ok)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var body = ok.Body;
        if (fault == FeedFault.InvalidJson) body = body[..(body.Length / 3)] + "<html>Service Unavailable</html>";
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = ok.ContentType;
        response.ContentLength = bytes.Length;
        if (fault == FeedFault.TruncatedBody)
        {
            await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), http.RequestAborted);
            await response.Body.FlushAsync(http.RequestAborted);
            http.Abort();
            return;
        }
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    private static (string, string)? Quotes(IQueryCollection query, SimulatorState state, FeedFault fault) =>
        QuotePricer.Feed(state, query["sourceCurrency"].ToString().ToUpperInvariant(), query["targetCurrency"].ToString().ToUpperInvariant(),
                decimal.TryParse(query["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : 0m, fault) is { } feed
            ? (JsonSerializer.Serialize(feed, FeedJsonContext.Default.ProviderQuoteFeed), "application/json")
            : null;

    private static string EcbXml(SimulatorState state)
    {
        var day = state.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cubes = string.Concat(state.EuroRates.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"<Cube currency='{r.Key}' rate='{r.Value}'/>")));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
            + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><gesmes:subject>Reference rates</gesmes:subject>"
            + $"<Cube><Cube time='{day}'>{cubes}</Cube></Cube></gesmes:Envelope>";
    }
}
