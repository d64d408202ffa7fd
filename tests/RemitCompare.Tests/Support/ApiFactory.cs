using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RemitCompare.Tests.Support;

/// <summary>The real API in-process over a real store of its own (see <see cref="TempStore"/>), filled from the default data on start.</summary>
/// <remarks><paramref name="services"/> replaces registrations after the app's own (e.g. a FakeTimeProvider as the clock).</remarks>
public sealed class ApiFactory(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly TempStore _store = TempStore.Empty();

    /// <summary>The database the API uses.</summary>
    public TempStore Store => _store;

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _store.Settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
        // Tests poll and fan out far faster than a person; only the rate-limit tests set a limit of their own.
        builder.UseSetting("RateLimits:PermitLimit", "1000000");
        builder.UseSetting("Logging:LogLevel:RemitCompare.Api.Hosting.RequestLog", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _store.Dispose();
    }
}
