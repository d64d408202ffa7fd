using System.Globalization;
using System.Net;
using System.Xml.Linq;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Api;

public sealed class RatesApiTests : ApiFixture
{
    private static readonly XNamespace EuroFx = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    /// <summary>Units per EUR on the day of the ECB daily file shipped in data/ (2025-05-09).</summary>
    private static decimal EcbDaily(string currency) =>
        XDocument.Load(RepoFiles.Data("ecb/eurofxref-daily.xml"))
            .Descendants(EuroFx + "Cube")
            .Where(c => (string?)c.Attribute("currency") == currency)
            .Select(c => decimal.Parse((string)c.Attribute("rate")!, CultureInfo.InvariantCulture))
            .Single();

    [Test]
    public async Task Dollar_to_pound_on_a_day_is_the_ECB_cross_rate_of_that_day()
    {
        var answer = await Get("/v1/rates/USD/GBP?at=2025-05-09");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        var rate = answer.Root;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rate.Dec("rate"), Is.EqualTo(EcbDaily("GBP") / EcbDaily("USD")).Within(1e-12m));
            Assert.That(rate.Str("source"), Is.EqualTo("ecb"));
            Assert.That(rate.Str("date"), Is.EqualTo("2025-05-09"));
            Assert.That(rate.Str("requestedAt"), Is.EqualTo("2025-05-09"));
        }
    }

    [Test]
    public async Task Rates_accept_lower_case_codes_and_answer_in_upper_case()
    {
        var answer = await Get("/v1/rates/usd/gbp?at=2025-05-09");

        Assert.That((answer.Root.Str("base"), answer.Root.Str("quote")), Is.EqualTo(("USD", "GBP")));
    }

    [Test]
    public async Task On_a_weekend_the_rate_is_the_last_published_before_it()
    {
        var answer = await Get("/v1/rates/USD/GBP?at=2025-05-11");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Root.Str("date"), Is.EqualTo("2025-05-09"));
            Assert.That(answer.Root.Str("requestedAt"), Is.EqualTo("2025-05-11"));
        }
    }

    [Test]
    public async Task Shilling_to_dollar_comes_from_the_latest_interbank_rate_of_the_survey()
    {
        var answer = await Get("/v1/rates/KES/USD");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        var rate = answer.Root;
        var surveyed = SurveyedShillingToDollarRates();
        var latest = surveyed.Max(r => r.Date);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rate.Str("source"), Is.EqualTo("rpw-interbank"));
            Assert.That(rate.Str("date"), Is.EqualTo(latest));
            Assert.That(surveyed.Where(r => r.Date == latest).Select(r => r.Rate), Has.Member(rate.Dec("rate")));
        }
    }

    [TestCase("/v1/rates/XYZ/USD", "base")]
    [TestCase("/v1/rates/USD/XYZ", "quote")]
    [TestCase("/v1/rates/US/GBP", "base")]
    [TestCase("/v1/rates/USD/GBP?at=2025-13-01", "at")]
    [TestCase("/v1/rates/USD/GBP?at=2025-02-30", "at")]
    [TestCase("/v1/rates/USD/GBP?at=09.05.2025", "at")]
    [TestCase("/v1/rates/USD/GBP?at=yesterday", "at")]
    public async Task A_bad_currency_or_date_is_a_400_problem_naming_it(string url, string parameter)
    {
        var answer = await Get(url);

        answer.AssertIsProblemNaming(parameter);
    }

    [TestCase("/v1/rates/KES/USD?at=2020-01-01")]
    [TestCase("/v1/rates/USD/GBP?at=1998-12-31")]
    [TestCase("/v1/rates/XAU/USD")]
    public async Task No_rate_on_or_before_the_date_is_a_404_problem(string url)
    {
        var answer = await Get(url);

        answer.AssertIsProblem(HttpStatusCode.NotFound);
        Assert.That(answer.Root.Str("title"), Is.EqualTo("No reference rate"));
    }

    /// <summary>(collection date, inter lcu bank fx) of the survey rows sent in KES and paid out in USD (a rate below 1).</summary>
    private static List<(string Date, decimal Rate)> SurveyedShillingToDollarRates()
    {
        var lines = File.ReadAllLines(RepoFiles.RpwSample);
        var header = lines[0].Split(',').ToList();
        int Column(string name) => header.IndexOf(name);
        var (code, fx, interbank, date) = (Column("CC1 LCU CODE"), Column("CC1 LCU FX RATE"), Column("INTER LCU BANK FX"), Column("DATE"));
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[code] == "KES" && decimal.Parse(f[fx], CultureInfo.InvariantCulture) < 1m)
            .Select(f => (f[date], decimal.Parse(f[interbank], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
