using Microsoft.Playwright;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Web;

/// <summary>
/// One app, one other site and one headless Debian chromium for every test in this namespace (scripts/browser-deps.sh
/// installs chromium and axe-core; Playwright never downloads a browser here).
/// </summary>
[SetUpFixture]
public sealed class WebSession
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static AppHost? _app;
    private static OtherSite? _other;

    /// <summary>The running app.</summary>
    public static AppHost App => _app ?? throw new InvalidOperationException("The web session starts first.");

    /// <summary>Another origin, for the widget.</summary>
    public static OtherSite Other => _other ?? throw new InvalidOperationException("The web session starts first.");

    /// <summary>The browser.</summary>
    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("The web session starts first.");

    /// <summary>axe-core, as installed from npm by scripts/browser-deps.sh.</summary>
    public static string AxeScript => File.ReadAllText(Path.Combine(RepoFiles.Root, "tests", "RemitCompare.Tests", "Web", "node_modules", "axe-core", "axe.min.js"));

    /// <summary>
    /// Where screenshots go: docs/screenshots (committed) when UPDATE_SCREENSHOTS=1, else the test output folder, so an
    /// ordinary run leaves the work tree clean.
    /// </summary>
    public static string Screenshots => Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoFiles.Root, "docs", "screenshots")
            : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots")).FullName;

    [OneTimeSetUp]
    public async Task Start()
    {
        Assert.That(File.Exists(ChromiumPath), Is.True, $"{ChromiumPath} is missing: scripts/browser-deps.sh installs it");
        _app = await AppHost.StartAsync();
        _other = await OtherSite.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_other is not null) await _other.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>A fresh context (no shared cookies or cache) with bounded waits.</summary>
    public static async Task<IBrowserContext> NewContext(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }
}
