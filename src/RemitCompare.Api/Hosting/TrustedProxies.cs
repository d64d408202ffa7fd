using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// The reverse proxies (configuration <c>Proxy:KnownProxies</c>, addresses, and <c>Proxy:KnownNetworks</c>, CIDR
/// networks) whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> tell who the client is and which address it
/// asked for. None by default: the headers are then ignored, since any client can send them.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Proxy";

    /// <summary>True when some proxy is trusted.</summary>
    public bool Any => Proxies.Count > 0 || Networks.Count > 0;

    /// <summary>Reads and checks the section; a value that is not an address or a network stops the start with its setting named.</summary>
    public static TrustedProxies From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Entries(section.GetSection("KnownProxies")).Select(e => Address(e.Setting, e.Text)).ToList();
        var networks = Entries(section.GetSection("KnownNetworks")).Select(e => Network(e.Setting, e.Text)).ToList();
        return new TrustedProxies(proxies, networks);
    }

    /// <summary>
    /// The middleware's options: only these proxies, and as many of them in a row as the request passed through, so a
    /// chain (load balancer, then nginx) is unwound to the first address that is not a trusted proxy: the client's.
    /// </summary>
    public ForwardedHeadersOptions Options()
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // No count limit: the walk stops at the first hop that is not a trusted proxy, which bounds it (the
            // framework allows null exactly when known proxies or networks are set, as here).
            ForwardLimit = null,
        };
        // The framework trusts loopback unless told otherwise; only what is configured is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies) options.KnownProxies.Add(proxy);
        foreach (var network in Networks) options.KnownIPNetworks.Add(network);
        return options;
    }

    /// <summary>A list given as an array (<c>Proxy:KnownProxies:0</c>, …) or as one comma-separated value.</summary>
    private static IEnumerable<(string Setting, string Text)> Entries(IConfigurationSection list)
    {
        if (!string.IsNullOrWhiteSpace(list.Value))
        {
            foreach (var text in list.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) yield return (list.Path, text);
        }
        foreach (var item in list.GetChildren()) yield return (item.Path, item.Value?.Trim() ?? "");
    }

    private static IPAddress Address(string setting, string text) =>
        Plain(text) ?? throw new InvalidOperationException($"{setting}: '{text}' is not an IP address (e.g. 10.0.0.5 or fd00::5).");

    private static System.Net.IPNetwork Network(string setting, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        // "10.0.0.1/8" is refused, not widened: whoever wrote it may have meant one address.
        if (slash > 0 && Plain(text[..slash]) is { } first && System.Net.IPNetwork.TryParse(text, out var network) && network.BaseAddress.Equals(first))
            return network;
        throw new InvalidOperationException(
            $"{setting}: '{text}' is not a network in CIDR notation (its first address, a slash and the prefix length, e.g. 10.0.0.0/8 or fd00::/8).");
    }

    /// <summary>An address in the usual dotted-quad or IPv6 form; IPAddress.TryParse alone also takes "10.1" or "010.0.0.1", whose meaning is anyone's guess.</summary>
    private static IPAddress? Plain(string text) =>
        IPAddress.TryParse(text, out var address) && (address.AddressFamily == AddressFamily.InterNetworkV6 || address.ToString() == text) ? address : null;
}

/// <summary>Registers and places the forwarded-headers middleware for <see cref="TrustedProxies"/>.</summary>
public static class TrustedProxiesSetup
{
    /// <summary>Reads <c>Proxy:*</c> now, so a wrong value stops the service before it listens.</summary>
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TrustedProxies.From(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Takes the client's address, scheme and host from a trusted proxy's headers, before anything reads them (rate
    /// limits, links). With no proxy trusted the middleware is not added at all: with empty lists it would trust everyone.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<TrustedProxies>();
        return proxies.Any ? app.UseForwardedHeaders(proxies.Options()) : app;
    }
}
