using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Security;

/// <summary>Public limits, browser-facing headers and request logs of the running API.</summary>
public sealed class HardeningTests
{
    [Test]
    public async Task A_client_past_the_public_limit_gets_429_with_Retry_After_and_health_stays_open()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["RateLimits:PermitLimit"] = "5" });
        using var client = api.CreateClient();
        for (var i = 0; i < 5; i++) Assert.That((await client.GetAsync(new Uri("/v1/corridors", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/compare?from=KEN&to=UGA&amount=100&currency=KES");
        request.Headers.Add("Origin", "https://ngo.example");
        using var refused = await client.SendAsync(request);
        var answer = new ApiAnswer(refused.StatusCode, refused.Content.Headers.ContentType?.MediaType, await refused.Content.ReadAsStringAsync());

        answer.AssertIsProblem(HttpStatusCode.TooManyRequests);
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(refused.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }), "a widget on another site can read the refusal");
        Assert.That((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/v1/compare/sms?from=KEN&to=UGA&amount=10000&currency=KES")]
    [TestCase("/v1/charts/global.svg")]
    public async Task SMS_and_charts_are_under_the_stricter_limit_while_other_endpoints_still_answer(string url)
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["RateLimits:StrictPermitLimit"] = "2" });
        using var client = api.CreateClient();
        for (var i = 0; i < 2; i++) Assert.That((await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var refused = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var other = await client.GetAsync(new Uri("/v1/corridors", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task API_answers_forbid_sniffing_referrers_and_framing()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();
        foreach (var url in new[] { "/v1/corridors", "/v1/compare?from=KEN&to=UGA&amount=-1", "/nowhere" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), url);
                Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), url);
                Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), url);
                Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"), url);
            }
        }
    }

    [Test]
    public async Task The_widget_frame_may_be_framed_by_any_site_and_the_page_only_by_its_own()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();
        using var frame = await client.GetAsync(new Uri("/widget/frame?from=KEN&to=UGA&amount=10000", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/compare?from=KEN&to=UGA&amount=10000", UriKind.Relative));
        static string Csp(HttpResponseMessage r) => r.Headers.TryGetValues("Content-Security-Policy", out var csp) ? string.Join(";", csp) : "";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(frame.Headers.Contains("X-Frame-Options"), Is.False, "X-Frame-Options would contradict frame-ancestors");
            Assert.That(Csp(frame), Does.Contain("frame-ancestors *"));
            Assert.That(Csp(page), Does.Contain("frame-ancestors 'self'"));
            Assert.That(frame.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        }
    }

    [Test]
    public async Task Request_logs_hold_no_query_values_keys_or_addresses()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/compare?from=KEN&to=UGA&amount=12345.67&currency=KES&name=Amina%20Wanjiru");
        request.Headers.Add("X-Api-Key", "rc_0000000000000000_secretsecret");
        request.Headers.Add("X-Forwarded-For", "203.0.113.77");

        var all = await LoggedFor(request);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Does.Contain("GET /v1/compare answered 200"), "the request is logged");
            Assert.That(all, Does.Not.Contain("12345.67").And.Not.Contain("Amina").And.Not.Contain("secretsecret").And.Not.Contain("203.0.113.77"));
        }
    }

    [Test]
    public async Task Request_logs_name_a_HEAD_as_HEAD()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/v1/corridors");

        Assert.That(await LoggedFor(request), Does.Contain("HEAD /v1/corridors answered 200"));
    }

    /// <summary>Sends one request to an API that logs every request, and returns what it logged once the request's line is in.</summary>
    private static async Task<string> LoggedFor(HttpRequestMessage request)
    {
        var lines = new ConcurrentQueue<string>();
        using var api = new ApiFactory(new Dictionary<string, string> { ["Logging:LogLevel:RemitCompare.Api.Hosting.RequestLog"] = "Information" });
        using var logged = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new CollectingLogs(lines)))));
        using var client = logged.CreateClient();
        using var response = await client.SendAsync(request);
        // The line is written when the pipeline ends, which may be after the client has the answer (a HEAD has no body to wait for).
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!lines.Any(l => l.Contains(" answered ", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(20);
        return string.Join("\n", lines);
    }

    private sealed class CollectingLogs(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
