using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RemitCompare.Tests.Web;

/// <summary>The page checked with axe-core, printed to PDF, weighed, and watched for requests to other sites.</summary>
[Category("Browser")] // drives headless Chromium
public sealed partial class PagePrintAndWeightTests
{
    private const int MaxPageBytes = 30 * 1024;

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public async Task Axe_finds_no_serious_or_critical_violations(string lang) =>
        Assert.That(await SeriousViolations($"/compare?lang={lang}&" + Pages.Question), Is.Empty);

    [TestCase("/?lang=en")]
    [TestCase("/compare?lang=en&from=KEN&to=UGA&amount=-5")]
    [TestCase("/widget/demo")]
    public async Task Axe_finds_no_serious_or_critical_violations_on(string pathAndQuery) =>
        Assert.That(await SeriousViolations(pathAndQuery), Is.Empty);

    [TestCase("en")]
    [TestCase("ar")]
    public async Task Prints_a_corridor_on_one_A4_page_with_the_date_and_the_source(string lang)
    {
        // A4 less 10 mm margins, at 96 px per inch, so the height reported on failure is what the PDF lays out.
        await using var context = await WebSession.NewContext(new() { ViewportSize = new() { Width = 718, Height = 1047 } });
        var page = await Pages.Open(context, $"/compare?lang={lang}&" + Pages.Question);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        File.WriteAllBytes(Path.Combine(WebSession.Screenshots, $"print-{lang}.pdf"), pdf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PdfPages(pdf), Is.EqualTo(1), $"printed height {await page.EvaluateAsync<int>("document.documentElement.scrollHeight")} px");
            Assert.That(await page.Locator(".source").IsVisibleAsync(), Is.True, "the source and collection date are printed");
            Assert.That(await page.Locator(".printed").IsVisibleAsync(), Is.True, "the printing date is printed");
            Assert.That(await page.Locator("form").IsVisibleAsync(), Is.False, "the form is not printed");
            Assert.That(await page.Locator(".offer").CountAsync(), Is.EqualTo((await Pages.ApiRanking()).Count), "every offer is printed");
        }
    }

    [TestCase("en")]
    [TestCase("ar")]
    public async Task The_compare_page_weighs_under_30_KB_and_asks_nothing_of_other_sites(string lang)
    {
        await using var context = await WebSession.NewContext();
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);

        var response = await page.GotoAsync(WebSession.App.Url($"/compare?lang={lang}&" + Pages.Question), new() { WaitUntil = WaitUntilState.NetworkIdle });
        var transferred = 0L;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize + sizes.RequestHeadersSize;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => new Uri(r.Url).GetLeftPart(UriPartial.Authority)),
                Is.All.EqualTo(WebSession.App.Origin.GetLeftPart(UriPartial.Authority)));
            Assert.That(transferred, Is.GreaterThan(0).And.LessThan(MaxPageBytes));
            Assert.That(await response!.HeaderValueAsync("set-cookie"), Is.Null);
            Assert.That(await context.CookiesAsync(), Is.Empty);
        }
    }

    private static async Task<IReadOnlyList<string>> SeriousViolations(string pathAndQuery)
    {
        // axe is injected from outside the page: the page's own policy allows no script.
        await using var context = await WebSession.NewContext(new() { BypassCSP = true });
        var page = await Pages.Open(context, pathAndQuery);
        await page.AddScriptTagAsync(new() { Content = WebSession.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)");
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Page objects in a PDF: <c>/Type /Page</c> but not <c>/Pages</c>.</summary>
    private static int PdfPages(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
