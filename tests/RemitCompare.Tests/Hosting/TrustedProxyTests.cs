using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RemitCompare.Api.Hosting;
using RemitCompare.Tests.Reliability;
using RemitCompare.Tests.Support;
using RemitCompare.Tests.Web;

namespace RemitCompare.Tests.Hosting;

/// <summary>Forwarded headers over real HTTP on loopback: trusted only from the configured proxies.</summary>
public sealed class TrustedProxyTests
{
    private const string Corridors = "/v1/corridors";

    [TestCase(null, null)]
    [TestCase("Proxy:KnownProxies:0", "10.9.8.7")]
    [TestCase("Proxy:KnownNetworks:0", "10.0.0.0/8")]
    public async Task Unless_the_connection_comes_from_a_trusted_proxy_a_forwarded_client_shares_the_connections_bucket(string? setting, string? value)
    {
        var settings = Limit(3);
        if (setting is not null) settings[setting] = value!;
        await using var host = await AppHost.StartAsync(settings);

        var statuses = new List<int>();
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4" }) statuses.Add(await Status(host, client));

        Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 200, 429 }), "four 'clients', one bucket: the loopback connection's");
    }

    [Test]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_a_bucket_of_its_own()
    {
        var settings = Limit(2);
        settings["Proxy:KnownProxies:0"] = "127.0.0.1";
        await using var host = await AppHost.StartAsync(settings);

        var first = new[] { await Status(host, "203.0.113.1"), await Status(host, "203.0.113.1"), await Status(host, "203.0.113.1") };
        var spoofing = await Status(host, "198.51.100.9, 203.0.113.1");
        var second = await Status(host, "203.0.113.2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { 200, 200, 429 }));
            Assert.That(spoofing, Is.EqualTo(429), "an address the client puts in front of its own is not believed");
            Assert.That(second, Is.EqualTo(200));
        }
    }

    [Test]
    public async Task A_chain_of_trusted_proxies_is_unwound_to_the_client()
    {
        var settings = Limit(1);
        settings["Proxy:KnownNetworks"] = "127.0.0.0/8, 10.0.0.0/8"; // one value, as an environment variable gives it
        await using var host = await AppHost.StartAsync(settings);

        var statuses = new[]
        {
            await Status(host, "203.0.113.7, 10.1.2.3"), await Status(host, "203.0.113.7, 10.5.5.5"), await Status(host, "203.0.113.8, 10.1.2.3"),
        };

        Assert.That(statuses, Is.EqualTo(new[] { 200, 429, 200 }), "the client is the address before the load balancer's, whichever node passed it on");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_widget_snippets_name_the_address_the_client_asked_for_when_a_trusted_proxy_tells_it(bool trusted)
    {
        await using var host = await AppHost.StartAsync(trusted ? new Dictionary<string, string> { ["Proxy:KnownProxies:0"] = "127.0.0.1" } : null);

        var demo = await RawHttp.SendAsync(host.Origin, "GET", "/widget/demo",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "rates.example.org"), ("X-Forwarded-For", "203.0.113.1"));
        var html = System.Text.Encoding.UTF8.GetString(demo.Body);

        var origin = trusted ? "https://rates.example.org" : $"http://{host.Origin.Authority}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(demo.Status, Is.EqualTo(200));
            Assert.That(html, Does.Contain($"&lt;script src=&quot;{origin}/widget.js&quot;"));
            Assert.That(html, Does.Contain($"<iframe src=\"{origin}/widget/frame?"));
            if (!trusted) Assert.That(html, Does.Not.Contain("example.org"));
        }
    }

    [TestCase("Proxy:KnownProxies:0", "10.0.0.300")]
    [TestCase("Proxy:KnownProxies:0", "10.1")]
    [TestCase("Proxy:KnownProxies:0", "010.0.0.1")]
    [TestCase("Proxy:KnownProxies:0", "10.0.0.0/8")]
    [TestCase("Proxy:KnownProxies", "10.0.0.5, proxy.internal")]
    [TestCase("Proxy:KnownNetworks:0", "10.0.0.0/33")]
    [TestCase("Proxy:KnownNetworks:0", "10.0.0.1/8")]
    [TestCase("Proxy:KnownNetworks:0", "10.0.0.0")]
    [TestCase("Proxy:KnownNetworks:1", "fd00::/129")]
    public void A_proxy_setting_that_is_not_an_address_or_network_stops_the_start_naming_the_setting(string setting, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration["Proxy:KnownNetworks:0"] = "192.168.0.0/16";
        builder.Configuration[setting] = value;

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddRemitCompare());

        Assert.That(refused.Message, Does.StartWith($"{setting}: '").And.Contain("is not"));
    }

    [TestCase("Proxy:KnownProxies:0", "10.0.0.5")]
    [TestCase("Proxy:KnownProxies:0", "fd00::5")]
    [TestCase("Proxy:KnownProxies", "10.0.0.5,10.0.0.6")]
    [TestCase("Proxy:KnownNetworks:0", "172.16.0.0/12")]
    [TestCase("Proxy:KnownNetworks:0", "fd00::/8")]
    public void Addresses_and_networks_in_their_usual_forms_are_trusted(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value })
            .Build();

        var proxies = TrustedProxies.From(configuration);

        Assert.That(proxies.Proxies.Select(p => p.ToString()).Concat(proxies.Networks.Select(n => n.ToString())),
            Is.EqualTo(value.Split(',')));
    }

    [Test]
    public async Task The_service_does_not_start_with_a_wrong_proxy_setting_and_says_which()
    {
        using var store = TempStore.Empty();
        var settings = new Dictionary<string, string>(store.Environment) { ["Proxy__KnownNetworks__0"] = "10.0.0.0/33" };

        var refused = Assert.ThrowsAsync<InvalidOperationException>(
            () => ApiProcess.StartAsync(store.File("remitcompare.db"), store.Directory, settings, TimeSpan.FromMinutes(2)));

        Assert.That(refused!.Message, Does.Contain("the API did not start").And.Contain("Proxy:KnownNetworks:0: '10.0.0.0/33' is not a network in CIDR notation"));
    }

    /// <summary>The status of a GET of the corridors with <c>X-Forwarded-For</c> as given.</summary>
    private static async Task<int> Status(AppHost host, string forwardedFor) =>
        (await RawHttp.SendAsync(host.Origin, "GET", Corridors, ("X-Forwarded-For", forwardedFor))).Status;

    /// <summary>A permit limit per hour: the requests of a test never straddle two windows, however slow the machine.</summary>
    private static Dictionary<string, string> Limit(int permits) =>
        new() { ["RateLimits:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture), ["RateLimits:Window"] = "01:00:00" };
}
