using RemitCompare.Api.Features;
using RemitCompare.Api.Web;
using RemitCompare.Tests.Api;

namespace RemitCompare.Tests.Web;

/// <summary>GET /v1/compare/sms: the best offers as one text message, in each language.</summary>
public sealed class SmsTests : ApiFixture
{
    private const string Question = "from=KEN&to=UGA&amount=10000&currency=KES";

    [TestCase("en")]
    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("sw")]
    public async Task Latin_languages_fit_one_GSM_7_message(string lang)
    {
        using var response = await Client.GetAsync(new Uri($"/v1/compare/sms?{Question}&lang={lang}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(Sms.Septets(text), Is.Not.Null.And.LessThanOrEqualTo(160), text);
            Assert.That(Header(response, SmsApi.EncodingHeader), Is.EqualTo("GSM-7"));
            Assert.That(Header(response, SmsApi.SegmentsHeader), Is.EqualTo("1"));
            Assert.That(text, Does.StartWith("KEN>UGA "));
        }
    }

    [Test]
    public async Task Names_the_best_offer_first_and_more_while_they_fit()
    {
        var ranking = (await Get("/v1/compare?" + Question)).Root.GetProperty("offers").EnumerateArray()
            .Select(o => o.GetProperty("provider").GetString()!).ToList();

        var text = (await Get($"/v1/compare/sms?{Question}&lang=en")).Body;

        Assert.That(text, Does.Contain($" 1.{ranking[0]} gets "));
        Assert.That(text, Does.Contain($" 2.{ranking[1]} gets "), "a second offer fits 160 characters here");
    }

    [Test]
    public async Task Receive_mode_says_what_the_sender_pays()
    {
        var text = (await Get("/v1/compare/sms?from=KEN&to=UGA&receive=500000&receiveCurrency=UGX&lang=en")).Body;

        Assert.That(text, Does.StartWith("KEN>UGA 500,000 UGX:").And.Contain("You pay ").And.Contain(" KES"));
    }

    [Test]
    public async Task Arabic_goes_as_UCS_2_and_says_how_many_segments_it_needs()
    {
        using var response = await Client.GetAsync(new Uri($"/v1/compare/sms?{Question}&lang=ar", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var expectedSegments = text.Length <= 70 ? 1 : (text.Length + 66) / 67;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(Pages.Text("ar", "sms_gets")));
            Assert.That(Header(response, SmsApi.EncodingHeader), Is.EqualTo("UCS-2"));
            Assert.That(Header(response, SmsApi.SegmentsHeader), Is.EqualTo(expectedSegments.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(response.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "ar" }));
        }
    }

    [Test]
    public async Task Accept_language_chooses_the_language_when_lang_is_not_given()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v1/compare/sms?{Question}", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("sw-KE,sw;q=0.9,en;q=0.5");

        using var response = await Client.SendAsync(request);

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(" anapata "));
    }

    [TestCase("amount=0", "amount")]
    [TestCase("amount=10000&lang=xx", "lang")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string query, string parameter)
    {
        var answer = await Get("/v1/compare/sms?from=KEN&to=UGA&" + query);

        Assert.That(answer.Status, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
        Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Problem));
        Assert.That(answer.ErrorNames, Is.EqualTo(new[] { parameter }));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}

/// <summary>The GSM 03.38 alphabet and SMS segment arithmetic.</summary>
public sealed class SmsSizeTests
{
    [Test]
    public void Extension_characters_take_two_septets() => Assert.That(Sms.Septets("€[]"), Is.EqualTo(6));

    [TestCase("reçoit")]
    [TestCase("recibió")]
    [TestCase("يحصل")]
    public void Characters_outside_the_alphabet_need_UCS_2(string text) =>
        Assert.That(Sms.Measure(text).Encoding, Is.EqualTo("UCS-2"));

    [TestCase(160, 1)]
    [TestCase(161, 2)]
    [TestCase(306, 2)]
    [TestCase(307, 3)]
    public void GSM_7_segments_hold_160_alone_and_153_in_a_series(int length, int segments) =>
        Assert.That(Sms.Measure(new string('a', length)).Segments, Is.EqualTo(segments));

    [TestCase(70, 1)]
    [TestCase(71, 2)]
    [TestCase(134, 2)]
    [TestCase(135, 3)]
    public void UCS_2_segments_hold_70_alone_and_67_in_a_series(int length, int segments) =>
        Assert.That(Sms.Measure(new string('ب', length)).Segments, Is.EqualTo(segments));

    [Test]
    public void Locale_spaces_become_plain_spaces() => Assert.That(Sms.Septets(Sms.Plain("10\u202F000\u00A0KES")), Is.EqualTo(10));
}
