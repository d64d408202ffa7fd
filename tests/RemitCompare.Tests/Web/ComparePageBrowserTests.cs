using Microsoft.Playwright;

namespace RemitCompare.Tests.Web;

/// <summary>The comparison page in a real browser: without and with JavaScript, in each language, small screens, keyboard.</summary>
[Category("Browser")] // drives headless Chromium
public sealed class ComparePageBrowserTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Shows_the_offers_in_the_order_the_API_ranks_them(bool javaScript)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = javaScript });
        var page = await Pages.Open(context, "/compare?lang=en&" + Pages.Question);

        var shown = await Pages.ShownProviders(page);

        Assert.That(shown, Is.Not.Empty);
        Assert.That(shown, Is.EqualTo(await Pages.ApiRanking()));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_form_asks_and_answers(bool javaScript)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = javaScript });
        var page = await Pages.Open(context, "/?lang=en");

        await page.SelectOptionAsync("#f-from", "KEN");
        await page.SelectOptionAsync("#f-to", "UGA");
        await page.FillAsync("#f-amount", "10000");
        await page.SelectOptionAsync("#f-currency", "KES");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/compare?**");

        Assert.That(await page.Locator("#results-heading").InnerTextAsync(), Does.Contain("10,000.00\u00A0KES").And.Contain("Kenya").And.Contain("Uganda"));
        Assert.That(await Pages.ShownProviders(page), Is.EqualTo(await Pages.ApiRanking()));
    }

    [Test]
    public async Task A_wrong_amount_is_explained_next_to_its_field()
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(WebSession.App.Url("/compare?lang=en&from=KEN&to=UGA&amount=abc"));

        Assert.That(response!.Status, Is.EqualTo(400));
        Assert.That(await page.GetAttributeAsync("#f-amount", "aria-invalid"), Is.EqualTo("true"));
        Assert.That(await page.Locator("#e-amount").InnerTextAsync(), Does.Contain("'abc' is not a number"));
        Assert.That(await page.Locator("#f-amount").InputValueAsync(), Is.EqualTo("abc"), "what was typed is kept");
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task Each_language_speaks_its_own_words_and_numbers(string lang)
    {
        await using var context = await WebSession.NewContext(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await Pages.Open(context, $"/compare?lang={lang}&" + Pages.Question);

        var root = page.Locator("html");
        var amount = 10000m.ToString("N2", Pages.NumberCulture(lang)) + "\u00A0KES";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await root.GetAttributeAsync("lang"), Is.EqualTo(lang));
            Assert.That(await root.GetAttributeAsync("dir"), Is.EqualTo(lang == "ar" ? "rtl" : "ltr"));
            Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(Pages.Text(lang, "title")));
            Assert.That(await page.Locator("#results-heading").TextContentAsync(), Does.Contain(amount));
            Assert.That(await page.Locator(".offer dt").First.InnerTextAsync(), Is.EqualTo(Pages.Text(lang, "recipient_gets")));
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebSession.Screenshots, $"compare-{lang}.png") });
    }

    [TestCase("en", false)]
    [TestCase("ar", true)]
    public async Task Lays_out_in_the_direction_of_the_script(string lang, bool rightToLeft)
    {
        await using var context = await WebSession.NewContext(new() { ViewportSize = new() { Width = 800, Height = 600 } });
        var page = await Pages.Open(context, $"/compare?lang={lang}&" + Pages.Question);

        var direction = await page.EvaluateAsync<string>("getComputedStyle(document.body).direction");
        var heading = (await page.Locator("h1").BoundingBoxAsync())!;
        var text = await page.EvaluateAsync<double[]>(
            "(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1')); const b = r.getBoundingClientRect(); return [b.left, b.right]; })()");

        Assert.That(direction, Is.EqualTo(rightToLeft ? "rtl" : "ltr"));
        // The heading's text starts at the edge its script starts from.
        if (rightToLeft) Assert.That(text[1], Is.EqualTo(heading.X + heading.Width).Within(2));
        else Assert.That(text[0], Is.EqualTo(heading.X).Within(2));
    }

    [TestCase("fr-FR,fr;q=0.9", "fr")]
    [TestCase("sw-KE", "sw")]
    [TestCase("ar-EG", "ar")]
    [TestCase("de-DE", "en")]
    public async Task Accept_language_chooses_the_language(string locale, string expected)
    {
        await using var context = await WebSession.NewContext(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale } });
        var page = await Pages.Open(context, "/");

        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo(expected));
    }

    [TestCase("en")]
    [TestCase("ar")]
    [TestCase("sw")]
    public async Task Fits_a_320_pixel_screen_without_sideways_scrolling(string lang)
    {
        await using var context = await WebSession.NewContext(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await Pages.Open(context, $"/compare?lang={lang}&" + Pages.Question);

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.That(width, Is.LessThanOrEqualTo(320));
    }

    [Test]
    public async Task Can_be_used_with_the_keyboard_alone()
    {
        await using var context = await WebSession.NewContext();
        var page = await Pages.Open(context, "/?lang=en");

        await TabTo(page, "f-from");
        await ArrowTo(page, "KEN");
        await TabTo(page, "f-to");
        await ArrowTo(page, "UGA");
        await TabTo(page, "f-amount");
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        await page.Keyboard.TypeAsync("10000");
        Assert.That(await page.EvaluateAsync<string>("new URLSearchParams(new FormData(document.querySelector('form.ask'))).toString()"),
            Does.Contain("from=KEN&to=UGA&mode=send&amount=10000"), "the form holds what was chosen with the keyboard");
        Assert.That(await page.EvaluateAsync<bool>("document.querySelector('form.ask').checkValidity()"), Is.True, "the form can be sent");

        // The wait starts before the key is pressed, so a quick navigation cannot slip past it.
        var arrived = page.WaitForURLAsync("**/compare?**");
        await page.Keyboard.PressAsync("Enter");
        await arrived;

        Assert.That(outline, Is.Not.EqualTo("none"), "the focused field shows it has focus");
        Assert.That(await Pages.ShownProviders(page), Is.EqualTo(await Pages.ApiRanking("from=KEN&to=UGA&amount=10000")));
    }

    /// <summary>Moves a focused list to an option with the arrow keys (typing a name depends on how fast keys arrive).</summary>
    private static async Task ArrowTo(IPage page, string value)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await page.EvaluateAsync<string>("document.activeElement.value") == value) return;
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.Fail($"{value} cannot be chosen with the arrow keys");
    }

    private static async Task TabTo(IPage page, string id)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement.id") == id) return;
        }
        Assert.Fail($"#{id} cannot be reached with the Tab key");
    }
}
