using Microsoft.Playwright;
using RemitCompare.Tests.Security;

namespace RemitCompare.Tests.Web;

/// <summary>
/// The page, the frame and the widget in the reader's language beyond their words: country names and their order, the
/// reasons a field is refused, and numbers and dates written alike by the server and by the browser.
/// </summary>
[Category("Browser")] // drives headless Chromium
public sealed class ReaderLanguageBrowserTests
{
    private const string WrongAmount = "from=KEN&to=UGA&amount=abc";

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task The_country_lists_show_the_names_ICU_gives_in_the_language(string lang)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await Pages.Open(context, $"/?lang={lang}");

        var options = (await Options(page, "#f-from")).Concat(await Options(page, "#f-to")).ToList();

        Assert.That(options, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (code, name) in options) Assert.That(name, Is.EqualTo(Pages.IcuName(lang, code)), code);
        }
        if (lang != "en")
            Assert.That(options.Where(o => o.Name != Pages.Countries[o.Code].Name), Is.Not.Empty, "some name differs from the English one");
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task The_country_lists_are_in_the_order_of_the_language(string lang)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await Pages.Open(context, $"/?lang={lang}");

        var from = (await Options(page, "#f-from")).Select(o => o.Name).ToList();
        var to = (await Options(page, "#f-to")).Select(o => o.Name).ToList();

        Assert.That(from, Is.Ordered.Using((IComparer<string>)Pages.Collation(lang)));
        Assert.That(to, Is.Ordered.Using((IComparer<string>)Pages.Collation(lang)));
    }

    [Test]
    public async Task French_sorts_an_accented_name_with_its_letter_not_after_z()
    {
        await using var app = await AppHost.StartAsync();
        using (var http = new HttpClient { BaseAddress = app.Origin, Timeout = TimeSpan.FromSeconds(120) })
        using (var upload = await SurveyCsv.Upload(http, SurveyCsv.CreateKey(app.Store, "Survey NGO"), SurveyCsv.File(rows: 2)))
            Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/?lang=fr"));

        var from = (await Options(page, "#f-from")).Select(o => o.Name).ToList();

        Assert.That(from, Has.Member(Pages.IcuName("fr", "USA")), "the uploaded corridor is offered");
        Assert.That(from, Is.Not.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "code-point order would differ here");
        Assert.That(from, Is.Ordered.Using((IComparer<string>)Pages.Collation("fr")));
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task The_results_and_the_widget_name_the_countries_in_the_language(string lang)
    {
        await using var context = await WebSession.NewContext();
        var (page, widget) = await PageAndWidget(context, lang, "names");

        var (kenya, uganda) = (Pages.IcuName(lang, "KEN"), Pages.IcuName(lang, "UGA"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await page.Locator("#results-heading").TextContentAsync(), Does.Contain(kenya).And.Contain(uganda));
            Assert.That(await page.TitleAsync(), Does.Contain($"{kenya} → {uganda}"));
            Assert.That(await widget.Locator("remit-compare h2").TextContentAsync(), Does.Contain(kenya).And.Contain(uganda));
        }
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task A_refused_field_is_explained_in_the_language_of_the_page(string lang)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(WebSession.App.Url($"/compare?lang={lang}&{WrongAmount}"));
        var english = await EnglishReason(WrongAmount, "amount");

        var expected = NotANumber(lang);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response!.Status, Is.EqualTo(400));
            Assert.That(await page.Locator("#e-amount").TextContentAsync(), Is.EqualTo(expected));
            Assert.That(await page.Locator(".errors li").TextContentAsync(), Is.EqualTo($"{Pages.Text(lang, "amount")}: {expected}"));
            if (lang != "en") Assert.That(expected, Is.Not.EqualTo(english), "the API's English reason is not what this page says");
        }
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task A_corridor_not_covered_is_explained_with_the_countries_named_in_the_language(string lang)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(WebSession.App.Url($"/compare?lang={lang}&from=RWA&to=UGA&amount=5000"));

        var reason = await page.Locator("#e-to").TextContentAsync();
        Assert.That(reason, Does.Contain(Pages.IcuName(lang, "RWA")).And.Contain(Pages.IcuName(lang, "UGA")));
        Assert.That(reason, Does.Not.Contain("UGA"), "the code is shown as the country's name");
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task The_frame_explains_a_refused_field_in_its_language(string lang)
    {
        await using var context = await WebSession.NewContext(new() { JavaScriptEnabled = false });
        var page = await Pages.Open(context, $"/widget/frame?lang={lang}&{WrongAmount}");

        Assert.That(await page.Locator(".errors li").AllTextContentsAsync(), Is.EqualTo(new[] { $"{Pages.Text(lang, "amount")}: {NotANumber(lang)}" }));
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task The_widget_explains_a_refused_field_in_its_language(string lang)
    {
        await using var context = await WebSession.NewContext();
        var page = await Widget(context, $"wrong-{lang}", $"from=\"KEN\" to=\"UGA\" amount=\"abc\" lang=\"{lang}\"");

        var items = page.Locator("remit-compare ul.e li");
        await items.First.WaitForAsync();

        Assert.That(await items.AllTextContentsAsync(), Is.EqualTo(new[] { $"{Pages.Text(lang, "amount")}: {NotANumber(lang)}" }));
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task The_page_and_the_widget_write_money_rates_percentages_and_dates_alike(string lang)
    {
        await using var context = await WebSession.NewContext();
        var (page, widget) = await PageAndWidget(context, lang, "figures");

        var onPage = await Figures(page.Locator(".offers .offer"));
        var inWidget = await Figures(widget.Locator("remit-compare li.o"));

        // KES has 2 minor units (10,000.00 KES), UGX none: both are among the amounts compared.
        Assert.That(onPage, Has.Some.EndsWith("\u00A0KES").And.Some.EndsWith("\u00A0UGX"));
        Assert.That(inWidget, Is.EqualTo(onPage));
        Assert.That(await widget.Locator("remit-compare h2").TextContentAsync(), Is.EqualTo(await page.Locator("#results-heading").TextContentAsync()));
    }

    /// <summary>The options of a list that are countries: code and text.</summary>
    private static async Task<IReadOnlyList<(string Code, string Name)>> Options(IPage page, string select) =>
        (await page.Locator($"{select} option").EvaluateAllAsync<string[][]>("os => os.filter(o => o.value).map(o => [o.value, o.textContent])"))
            .Select(o => (o[0], o[1])).ToList();

    /// <summary>The English reason GET /v1/compare gives for a parameter.</summary>
    private static async Task<string> EnglishReason(string query, string parameter)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri(WebSession.App.Url("/v1/compare?" + query)));
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
    }

    /// <summary>What a language file says when 'abc' is sent as the amount.</summary>
    private static string NotANumber(string lang) => Pages.Text(lang, "error.amount.not_a_number").Replace("{0}", "abc", StringComparison.Ordinal);

    /// <summary>The page and the widget answering the same question in a language, both shown.</summary>
    private static async Task<(IPage Page, IPage Widget)> PageAndWidget(IBrowserContext context, string lang, string name)
    {
        var page = await Pages.Open(context, $"/compare?lang={lang}&" + Pages.Question);
        var widget = await Widget(context, $"{name}-{lang}", $"from=\"KEN\" to=\"UGA\" amount=\"10000\" currency=\"KES\" lang=\"{lang}\"");
        await widget.Locator("remit-compare li.o").First.WaitForAsync();
        return (page, widget);
    }

    /// <summary>An NGO's page on another origin with the widget on it, opened.</summary>
    private static async Task<IPage> Widget(IBrowserContext context, string name, string attributes)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(WebSession.Other.Page($"/ngo-{name}.html", WidgetBrowserTests.Host($"<remit-compare {attributes}></remit-compare>")));
        return page;
    }

    /// <summary>
    /// Per offer: what the recipient gets, what the sender pays, the fee, the rate against mid-market, the total cost (money
    /// and percentage) and the day collected.
    /// </summary>
    private static async Task<IReadOnlyList<string>> Figures(ILocator offers) =>
        (await offers.EvaluateAllAsync<string[][]>("os => os.map(o => [...o.querySelectorAll('dd')].map(d => d.textContent))"))
            .SelectMany(dd => new[] { dd[0], dd[1], dd[2], dd[3], dd[4], dd[7] })
            .ToList();
}
