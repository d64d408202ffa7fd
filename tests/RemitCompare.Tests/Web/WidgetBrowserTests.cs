using Microsoft.Playwright;

namespace RemitCompare.Tests.Web;

/// <summary>The widget on another site (another origin), as a custom element and as an iframe, and when the API is down.</summary>
[Category("Browser")] // drives headless Chromium
public sealed class WidgetBrowserTests
{
    [TestCase("sw")]
    [TestCase("ar")]
    public async Task On_another_site_shows_the_ranking_of_the_API_in_its_language(string lang)
    {
        await using var context = await WebSession.NewContext(new() { ViewportSize = new() { Width = 420, Height = 900 } });
        var page = await context.NewPageAsync();
        var origins = new List<string>();
        page.Request += (_, r) => origins.Add(new Uri(r.Url).GetLeftPart(UriPartial.Authority));
        var url = WebSession.Other.Page($"/ngo-{lang}.html", Host($"<remit-compare from=\"KEN\" to=\"UGA\" amount=\"10000\" currency=\"KES\" lang=\"{lang}\"></remit-compare>"));

        await page.GotoAsync(url);
        var offers = page.Locator("remit-compare li.o");
        await offers.First.WaitForAsync();

        var names = (await page.Locator("remit-compare li.o .p").AllInnerTextsAsync()).Select(n => n[(n.IndexOf(". ", StringComparison.Ordinal) + 2)..]);
        var attribution = page.Locator("remit-compare .a a");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.EqualTo(await Pages.ApiRanking()));
            Assert.That(await page.Locator("remit-compare dt").First.InnerTextAsync(), Is.EqualTo(Pages.Text(lang, "recipient_gets")));
            Assert.That(await page.Locator("remit-compare > div").First.GetAttributeAsync("dir"), Is.EqualTo(lang == "ar" ? "rtl" : "ltr"));
            Assert.That(await attribution.InnerTextAsync(), Does.StartWith(Pages.Text(lang, "attribution")[..12]));
            Assert.That(await attribution.GetAttributeAsync("href"), Does.StartWith(WebSession.App.Url("/compare?")));
            Assert.That(origins.Distinct(), Is.SubsetOf(new[] { Authority(WebSession.Other.Origin), Authority(WebSession.App.Origin) }));
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebSession.Screenshots, $"widget-{lang}.png") });
    }

    [Test]
    public async Task Says_so_when_the_API_is_down_instead_of_a_blank_box()
    {
        await using var context = await WebSession.NewContext();
        var page = await context.NewPageAsync();
        var down = ClosedPort.Origin();
        var url = WebSession.Other.Page("/ngo-down.html",
            Host($"<remit-compare from=\"KEN\" to=\"UGA\" amount=\"10000\" lang=\"en\" api=\"{down}\"></remit-compare>"));

        await page.GotoAsync(url);
        var message = page.Locator("remit-compare .e");
        await message.WaitForAsync();

        Assert.That(await message.InnerTextAsync(), Is.EqualTo(Pages.Text("en", "widget_unavailable")));
        Assert.That(await page.Locator("remit-compare .a a").GetAttributeAsync("href"), Does.StartWith(WebSession.App.Url("/compare?")));
        await page.Locator("remit-compare").ScreenshotAsync(new() { Path = Path.Combine(WebSession.Screenshots, "widget-api-down.png") });
    }

    [Test]
    public async Task Takes_its_colours_from_css_custom_properties()
    {
        await using var context = await WebSession.NewContext();
        var page = await context.NewPageAsync();
        var url = WebSession.Other.Page("/ngo-theme.html", Host(
            "<style>remit-compare{--rc-accent:rgb(128, 0, 64)}</style><remit-compare from=\"KEN\" to=\"UGA\" amount=\"10000\"></remit-compare>"));

        await page.GotoAsync(url);
        var gets = page.Locator("remit-compare dd.g").First;
        await gets.WaitForAsync();

        Assert.That(await gets.EvaluateAsync<string>("e => getComputedStyle(e).color"), Is.EqualTo("rgb(128, 0, 64)"));
    }

    [Test]
    public async Task The_iframe_version_shows_the_offers_on_a_site_that_runs_no_script()
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var src = WebSession.App.Url("/widget/frame?lang=fr&" + Pages.Question);
        var url = WebSession.Other.Page("/ngo-frame.html", Host($"<iframe title=\"RemitCompare\" src=\"{src.Replace("&", "&amp;", StringComparison.Ordinal)}\" style=\"width:100%;height:30rem\"></iframe>", script: false));

        await page.GotoAsync(url);
        var frame = page.FrameLocator("iframe");
        await frame.Locator(".offer").First.WaitForAsync();

        Assert.That(await frame.Locator(".offer h3").AllInnerTextsAsync(), Is.EqualTo(await Pages.ApiRanking()));
        Assert.That(await frame.Locator(".attribution a").GetAttributeAsync("href"), Does.StartWith("/compare?"));
    }

    [Test]
    public async Task The_demo_page_shows_the_snippet_and_the_widget_working()
    {
        await using var context = await WebSession.NewContext();
        var page = await Pages.Open(context, "/widget/demo?lang=sw");

        await page.Locator("remit-compare li.o").First.WaitForAsync();

        Assert.That(await page.Locator("pre code").First.InnerTextAsync(),
            Does.Contain($"<script src=\"{WebSession.App.Url("/widget.js")}\" defer></script>").And.Contain("lang=\"sw\""));
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebSession.Screenshots, "widget-demo.png") });
    }

    private static string Authority(Uri origin) => origin.GetLeftPart(UriPartial.Authority);

    /// <summary>An NGO's page: its own heading and text, the widget snippet, nothing else.</summary>
    internal static string Host(string body, bool script = true) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>An NGO</title>"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + (script ? $"<script src=\"{WebSession.App.Url("/widget.js")}\" defer></script>" : "")
        + "</head><body style=\"font-family:serif;margin:8px\"><h1>Sending money home</h1>" + body + "</body></html>";
}
