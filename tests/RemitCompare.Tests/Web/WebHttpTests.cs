using System.Net;
using System.Net.Http.Headers;
using RemitCompare.Api.Web;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Security;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Web;

/// <summary>What the pages and the widget promise over HTTP: sizes, CORS for reading only, no cookies, a strict policy.</summary>
public sealed class WebHttpTests : ApiFixture
{
    private const int MaxWidgetBytes = 15 * 1024;

    [TestCase("gzip")]
    [TestCase("br")]
    public async Task The_widget_script_is_under_15_KB_compressed(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/widget.js", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        Assert.That(bytes, Has.Length.GreaterThan(0).And.Length.LessThan(MaxWidgetBytes));
    }

    [Test]
    public async Task The_widget_script_names_the_countries_of_a_corridor_added_after_it_was_made()
    {
        var (before, after) = await WidgetScriptBeforeAndAfterASurveyOfUsaToMexico();

        var mexico = Pages.IcuName("sw", "MEX");
        Assert.That(before, Does.Not.Contain(mexico));
        Assert.That(after, Does.Contain(mexico));
    }

    [Test]
    public async Task The_widget_script_knows_the_minor_units_of_a_currency_added_after_it_was_made()
    {
        var (before, after) = await WidgetScriptBeforeAndAfterASurveyOfUsaToMexico();

        Assert.That(before, Does.Contain("\"UGX\":0").And.Contain("\"KES\":2").And.Not.Contain("\"MXN\""));
        Assert.That(after, Does.Contain("\"MXN\":2"));
    }

    /// <summary>/widget.js on a fresh app, then again after a survey added a USA → Mexico corridor paid in MXN.</summary>
    private static async Task<(string Before, string After)> WidgetScriptBeforeAndAfterASurveyOfUsaToMexico()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();
        var before = await client.GetStringAsync(new Uri("/widget.js", UriKind.Relative));

        using (var upload = await SurveyCsv.Upload(client, SurveyCsv.CreateKey(api.Store.Store, "Survey NGO"), SurveyCsv.File(rows: 1)))
            Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());
        return (before, await client.GetStringAsync(new Uri("/widget.js", UriKind.Relative)));
    }

    [Test]
    public async Task The_widget_script_carries_every_language()
    {
        var script = (await Get("/widget.js")).Body;

        Assert.That(Pages.Languages().Where(lang => !script.Contains(Pages.Text(lang, "widget_unavailable"), StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase("/v1/compare?from=KEN&to=UGA&amount=10000")]
    [TestCase("/v1/corridors")]
    [TestCase("/v1/compare/sms?from=KEN&to=UGA&amount=10000")]
    public async Task Read_only_endpoints_may_be_read_from_any_origin(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", "https://ngo.example");

        using var response = await Client.SendAsync(request);

        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
    }

    [Test]
    public async Task Other_origins_are_not_allowed_to_write()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/v1/compare", UriKind.Relative));
        request.Headers.Add("Origin", "https://ngo.example");
        request.Headers.Add("Access-Control-Request-Method", "DELETE");

        using var response = await Client.SendAsync(request);

        Assert.That(response.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) ? methods : [], Has.No.Member("DELETE"));
    }

    [TestCase("/")]
    [TestCase("/compare?from=KEN&to=UGA&amount=10000")]
    [TestCase("/widget/frame?from=KEN&to=UGA&amount=10000")]
    public async Task Pages_set_no_cookie_and_run_no_script(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'").And.Not.Contain("script-src"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "nothing is loaded from elsewhere");
        }
    }

    [Test]
    public async Task Only_the_frame_may_be_framed_by_other_sites()
    {
        using var page = await Client.GetAsync(new Uri("/compare?from=KEN&to=UGA&amount=10000", UriKind.Relative));
        using var frame = await Client.GetAsync(new Uri("/widget/frame?from=KEN&to=UGA&amount=10000", UriKind.Relative));

        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'self'"));
        Assert.That(frame.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors *"));
    }

    [Test]
    public async Task A_corridor_not_covered_is_a_400_page_that_says_so()
    {
        var answer = await Get("/compare?lang=en&from=GBR&to=KEN&amount=120&currency=GBP");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.MediaType, Is.EqualTo("text/html"));
        Assert.That(answer.Body, Does.Contain("no prices are held for United Kingdom → Kenya").And.Contain("aria-invalid=\"true\""));
    }

    [Test]
    public async Task In_receive_mode_the_page_ranks_by_what_the_sender_pays_as_the_api_does()
    {
        var api = (await Get("/v1/compare?from=KEN&to=UGA&receive=500000&receiveCurrency=UGX")).Root.GetProperty("offers")
            .EnumerateArray().Select(o => o.GetProperty("provider").GetString()!).ToList();
        var html = (await Get("/compare?lang=en&from=KEN&to=UGA&amount=500000&currency=UGX&mode=receive")).Body;

        var shown = System.Text.RegularExpressions.Regex.Matches(html, "<h3>([^<]*)</h3>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("the recipient must get 500,000\u00A0UGX").And.Contain("ranked by what you pay"));
        Assert.That(shown, Is.EqualTo(api));
    }

    [Test]
    public async Task The_page_shows_each_offer_of_the_api_with_its_payout_method_and_flags_in_words()
    {
        var api = (await Get("/v1/compare?from=KEN&to=UGA&amount=10000")).Root.GetProperty("offers");
        var html = (await Get("/compare?lang=en&from=KEN&to=UGA&amount=10000")).Body;
        var en = new LanguageCatalog().Find("en")!;

        foreach (var offer in api.EnumerateArray())
        {
            Assert.That(html, Does.Contain(en["payout_" + offer.GetProperty("payoutMethod").GetString()]));
            foreach (var flag in offer.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).Where(f => f != "zero_fee_with_margin"))
                Assert.That(html, Does.Contain(en["flag_" + flag]));
        }
    }
}
