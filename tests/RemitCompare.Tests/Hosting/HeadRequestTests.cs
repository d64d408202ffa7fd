using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Web;

namespace RemitCompare.Tests.Hosting;

/// <summary>HEAD on every GET endpoint, over real Kestrel on loopback (the test server would not drop bodies as Kestrel does).</summary>
public sealed class HeadRequestTests
{
    /// <summary>A value for each route parameter; a new endpoint with another parameter needs one here.</summary>
    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.Ordinal)
    {
        ["from"] = "KEN", ["to"] = "UGA", ["id"] = "1", ["base"] = "USD", ["quote"] = "GBP",
    };

    /// <summary>Queries tried besides the bare path: answers with content, and problems for bad input.</summary>
    private static readonly Dictionary<string, string[]> Queries = new(StringComparer.Ordinal)
    {
        ["/v1/compare"] = ["?from=KEN&to=UGA&amount=10000&currency=KES", "?from=KEN&to=UGA&receive=500000", "?from=KEN&to=UGA&amount=0"],
        ["/v1/compare/sms"] = ["?from=KEN&to=UGA&amount=10000&lang=sw", "?from=KEN&to=UGA&amount=10000&lang=ar"],
        ["/compare"] = ["?from=KEN&to=UGA&amount=10000", "?from=KEN&to=UGA&amount=0"],
        ["/"] = ["?lang=fr"],
        ["/widget/frame"] = ["?from=KEN&to=UGA&amount=10000&lang=es"],
        ["/v1/exports/rpw.csv"] = ["?period=2025Q3&corridors=KEN-UGA", "?corridors=KENUGA"],
        ["/v1/exports/rpw.json"] = ["?period=2025Q3&corridors=KEN-UGA"],
        ["/v1/providers"] = ["?asOf=whenever"],
        ["/v1/indicators/corridors"] = ["?period=2025Q3"],
    };

    /// <summary>Headers only the body decides: the length (compared apart) and how it is framed; and the clock.</summary>
    private static readonly string[] Unrelated = ["Date", "Content-Length", "Transfer-Encoding"];

    private AppHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await AppHost.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase(null)]
    [TestCase("gzip")]
    public async Task HEAD_answers_every_GET_endpoint_with_the_status_and_headers_of_GET_and_no_body(string? encoding)
    {
        var targets = Targets();
        (string, string)[] headers = encoding is null ? [] : [("Accept-Encoding", encoding)];
        TestContext.Out.WriteLine(string.Join('\n', targets));
        Assert.That(targets, Has.Member("/healthz").And.Member("/").And.Member("/widget.js").And.Member("/v1/compare?from=KEN&to=UGA&amount=0"));

        using (Assert.EnterMultipleScope())
        {
            foreach (var target in targets)
            {
                var get = await RawHttp.SendAsync(_host.Origin, "GET", target, headers);
                var head = await RawHttp.SendAsync(_host.Origin, "HEAD", target, headers);

                Assert.That(head.Status, Is.EqualTo(get.Status), target);
                Assert.That(Comparable(head), Is.EqualTo(Comparable(get)), target);
                Assert.That(head.Header("Content-Length"), Is.EqualTo(get.Header("Content-Length")).Or.Null, target);
                Assert.That(get.Body, Is.Not.Empty, $"{target}: GET has a body, so an empty HEAD body means something");
                Assert.That(head.Body, Is.Empty, target);
            }
        }
    }

    [Test]
    public async Task HEAD_of_a_bad_query_is_a_problem_with_the_status_of_GET()
    {
        var head = await RawHttp.SendAsync(_host.Origin, "HEAD", "/v1/compare?from=KEN&to=UGA&amount=0");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(head.Status, Is.EqualTo(400));
            Assert.That(head.Header("Content-Type"), Does.StartWith(ApiAnswer.Problem));
            Assert.That(head.Body, Is.Empty);
        }
    }

    [TestCase("/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES")]
    [TestCase("/v1/exports/rpw.csv?period=2025Q3&corridors=KEN-UGA")]
    [TestCase("/v1/exports/rpw.json?period=2025Q3")]
    public async Task HEAD_with_the_entity_tag_of_GET_gets_304(string target)
    {
        var get = await RawHttp.SendAsync(_host.Origin, "GET", target);
        var etag = get.Header("ETag");
        Assert.That(etag, Is.Not.Null.And.Not.Empty);

        var head = await RawHttp.SendAsync(_host.Origin, "HEAD", target, ("If-None-Match", etag!));
        var changed = await RawHttp.SendAsync(_host.Origin, "HEAD", target, ("If-None-Match", "\"something-else\""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(head.Status, Is.EqualTo(304));
            Assert.That(head.Header("ETag"), Is.EqualTo(etag));
            Assert.That(head.Body, Is.Empty);
            Assert.That(changed.Status, Is.EqualTo(200));
            Assert.That(changed.Header("ETag"), Is.EqualTo(etag));
        }
    }

    [Test]
    public async Task HEAD_of_a_path_with_no_GET_is_refused_as_GET_is()
    {
        var get = await RawHttp.SendAsync(_host.Origin, "GET", "/v1/surveys");
        var head = await RawHttp.SendAsync(_host.Origin, "HEAD", "/v1/surveys");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(get.Status, Is.EqualTo(405));
            Assert.That(head.Status, Is.EqualTo(405));
            Assert.That(head.Header("Allow"), Is.EqualTo(get.Header("Allow")));
            Assert.That(head.Body, Is.Empty);
        }
    }

    [TestCase("RateLimits:PermitLimit", "/v1/corridors")]
    [TestCase("RateLimits:StrictPermitLimit", "/v1/compare/sms?from=KEN&to=UGA&amount=10000")]
    public async Task HEAD_counts_against_the_rate_limits_as_GET_does(string limit, string target)
    {
        // An hour's window: the four requests never straddle two windows, however slow the machine.
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { [limit] = "3", ["RateLimits:Window"] = "01:00:00" });
        var answers = new List<RawAnswer>();
        foreach (var method in new[] { "HEAD", "GET", "HEAD", "HEAD" }) answers.Add(await RawHttp.SendAsync(host.Origin, method, target));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Status), Is.EqualTo(new[] { 200, 200, 200, 429 }));
            Assert.That(answers[3].Header("Content-Type"), Does.StartWith(ApiAnswer.Problem));
            Assert.That(answers[3].Header("Retry-After"), Is.Not.Null);
            Assert.That(answers[3].Body, Is.Empty);
        }
    }

    /// <summary>Every GET endpoint the app maps, with its route values filled in, bare and with the queries above.</summary>
    private List<string> Targets()
    {
        var patterns = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern)
            .ToList();
        var targets = new List<string>();
        foreach (var pattern in patterns)
        {
            var missing = pattern.Parameters.Select(p => p.Name).Where(name => !RouteValues.ContainsKey(name)).ToList();
            Assert.That(missing, Is.Empty, $"{pattern.RawText}: add a value for each route parameter to {nameof(RouteValues)}");
            var path = Regex.Replace("/" + pattern.RawText!.TrimStart('/'), @"\{([^}:=?]+)[^}]*\}", m => RouteValues[m.Groups[1].Value]);
            targets.Add(path);
            targets.AddRange(Queries.GetValueOrDefault(pattern.RawText, []).Select(query => path + query));
        }
        Assert.That(Queries.Keys, Is.SubsetOf(patterns.Select(p => p.RawText)), "every query belongs to a GET endpoint");
        return targets;
    }

    private static List<string> Comparable(RawAnswer answer) =>
        answer.Headers.Where(h => !Unrelated.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
