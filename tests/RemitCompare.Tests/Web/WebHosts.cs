using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RemitCompare.Api.Hosting;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Web;

/// <summary>The real app on a real Kestrel port of 127.0.0.1 over a real SQLite file, as browsers need it.</summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempStore _store;

    private AppHost(WebApplication app, TempStore store, Uri origin) => (_app, _store, Origin) = (app, store, origin);

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Origin { get; }

    /// <summary>The app's services (its endpoints among them).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The app's store, for what a test must do as an operator (create an API key).</summary>
    public RemitCompare.Data.Store Store => _store.Store;

    /// <summary>An absolute URL of the app.</summary>
    public string Url(string pathAndQuery) => new Uri(Origin, pathAndQuery).ToString();

    /// <summary>
    /// Starts the app as Program.cs does, filled from the default data (or first by <paramref name="fill"/>);
    /// <paramref name="settings"/> go last.
    /// </summary>
    public static async Task<AppHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<RemitCompare.Data.Store>? fill = null)
    {
        var store = TempStore.Empty();
        fill?.Invoke(store.Store);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in store.Settings) builder.Configuration[key] = value;
        // One browser drives every page test against this host from one address: the public rate limit is lifted, as in ApiFactory.
        builder.Configuration["RateLimits:PermitLimit"] = "1000000";
        builder.Configuration["RateLimits:StrictPermitLimit"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.Configuration[key] = value;
        builder.Logging.ClearProviders();
        builder.AddRemitCompare();
        var app = builder.Build();
        app.UseRemitCompare();
        app.MapRemitCompare();
        await app.StartAsync();
        return new AppHost(app, store, ListeningOn(app));
    }

    /// <summary>The address Kestrel bound.</summary>
    public static Uri ListeningOn(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}

/// <summary>Another site on another port: an NGO's page that embeds the widget. Serves given HTML at given paths.</summary>
public sealed class OtherSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);

    private OtherSite(WebApplication app) => _app = app;

    /// <summary>Where the site listens.</summary>
    public Uri Origin => AppHost.ListeningOn(_app);

    /// <summary>Starts an empty site.</summary>
    public static async Task<OtherSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new OtherSite(app);
        app.MapGet("/{**path}", (HttpContext http) => site._pages.TryGetValue(http.Request.Path.Value ?? "/", out var html)
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.NotFound());
        await app.StartAsync();
        return site;
    }

    /// <summary>Publishes a page and returns its URL.</summary>
    public string Page(string path, string html)
    {
        lock (_pages) _pages[path] = html;
        return new Uri(Origin, path).ToString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A port nothing listens on: found free, then closed again.</summary>
public static class ClosedPort
{
    /// <summary>An origin that refuses connections.</summary>
    public static Uri Origin()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
