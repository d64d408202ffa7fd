using System.Net;

namespace RemitCompare.Tests.Api;

/// <summary>Whatever a caller sends, a mistake is a 4xx problem that says which parameter and why; never a 500, never internals.</summary>
public sealed class BadInputTests : ApiFixture
{
    private static readonly (string Name, string Value)[] SendTenThousandShillings =
        [("from", "KEN"), ("to", "UGA"), ("amount", "10000"), ("currency", "KES")];

    private static readonly (string Name, string Value)[] DeliverHalfAMillionShillings =
        [("from", "KEN"), ("to", "UGA"), ("receive", "500000"), ("receiveCurrency", "UGX")];

    private static readonly string TenKilobytes = new('A', 10 * 1024);

    private static readonly string[] NastyValues =
    [
        "", " ", "'", "' OR 1=1 --", "\"; DROP TABLE quotes; --", "<script>alert(1)</script>", "%00", "\0", "../../etc/passwd",
        "😀", "€", "ñandú", "\u202Ekes", "٣٠٠", "-0", "+5", "0x10", "1_000", "1e5", "∞", "null", "[]", "{}", "true", "9".PadLeft(400, '9'),
        "a" + string.Concat(Enumerable.Repeat("😀", 20)), TenKilobytes,
    ];

    private static readonly string[] CompareParameters =
        ["from", "to", "amount", "receive", "currency", "receiveCurrency", "payout", "funding", "maxSpeed", "includeStale"];

    /// <summary>The send query with one parameter replaced (or removed, when <paramref name="value"/> is null).</summary>
    private static (string Name, string? Value)[] With((string Name, string Value)[] query, string parameter, string? value)
    {
        var replaced = query.Select(p => (p.Name, p.Name == parameter ? value : (string?)p.Value)).ToList();
        if (!query.Any(p => p.Name == parameter)) replaced.Add((parameter, value));
        return [.. replaced];
    }

    [TestCase("from", null, "from", TestName = "Compare without from")]
    [TestCase("to", null, "to", TestName = "Compare without to")]
    [TestCase("from", "XXX", "from", TestName = "Compare from an unknown country")]
    [TestCase("to", "XXX", "to", TestName = "Compare to an unknown country")]
    [TestCase("from", "KE", "from", TestName = "Compare from a two-letter code")]
    [TestCase("to", "KEN", "to", TestName = "Compare from a country to itself")]
    [TestCase("to", "BRA", "to", TestName = "Compare in a corridor with no prices")]
    [TestCase("amount", null, "amount", TestName = "Compare with neither amount nor receive")]
    [TestCase("receive", "500000", "amount", TestName = "Compare with both amount and receive")]
    [TestCase("amount", "0", "amount", TestName = "Compare zero")]
    [TestCase("amount", "-5", "amount", TestName = "Compare a negative amount")]
    [TestCase("amount", "abc", "amount", TestName = "Compare a word as amount")]
    [TestCase("amount", "1e400", "amount", TestName = "Compare an exponent beyond any number")]
    [TestCase("amount", "10000000000000", "amount", TestName = "Compare ten trillion")]
    [TestCase("amount", "999999999999", "amount", TestName = "Compare more than a million dollars worth of shillings")]
    [TestCase("amount", "NaN", "amount", TestName = "Compare NaN")]
    [TestCase("amount", "Infinity", "amount", TestName = "Compare Infinity")]
    [TestCase("amount", "10.001", "amount", TestName = "Compare more decimals than the shilling has")]
    [TestCase("amount", "1,000", "amount", TestName = "Compare with a thousands separator")]
    [TestCase("currency", "ZZZ", "currency", TestName = "Compare in an unknown currency")]
    [TestCase("currency", "UGX", "currency", TestName = "Compare in a currency nobody sends in the corridor")]
    [TestCase("receiveCurrency", "UGX", "receiveCurrency", TestName = "Compare send mode with a receive currency")]
    [TestCase("payout", "teleport", "payout", TestName = "Compare with an unknown payout method")]
    [TestCase("funding", "gold", "funding", TestName = "Compare with an unknown funding method")]
    [TestCase("maxSpeed", "yesterday", "maxSpeed", TestName = "Compare with an unknown speed")]
    [TestCase("includeStale", "maybe", "includeStale", TestName = "Compare with includeStale neither true nor false")]
    [TestCase("from", "' OR 1=1 --", "from", TestName = "Compare with SQL in a country")]
    [TestCase("from", "<script>alert(1)</script>", "from", TestName = "Compare with a script in a country")]
    [TestCase("payout", "mobile_wallet' OR 1=1 --", "payout", TestName = "Compare with SQL in a payout method")]
    [TestCase("currency", "€", "currency", TestName = "Compare with a currency sign as currency")]
    [TestCase("maxSpeed", "😀", "maxSpeed", TestName = "Compare with an emoji as speed")]
    public async Task Compare_send_mode_rejects_with_a_problem_naming_the_parameter(string parameter, string? value, string named)
    {
        var answer = await Get("/v1/compare", With(SendTenThousandShillings, parameter, value));

        answer.AssertIsProblemNaming(named);
    }

    [TestCase("receive", "0", "receive", TestName = "Receive zero")]
    [TestCase("receive", "abc", "receive", TestName = "Receive a word")]
    [TestCase("receive", "500000.5", "receive", TestName = "Receive a fraction of a shilling that has no minor units")]
    [TestCase("receiveCurrency", "EUR", "receiveCurrency", TestName = "Receive a currency nobody pays out in the corridor")]
    [TestCase("receiveCurrency", "ZZZ", "receiveCurrency", TestName = "Receive an unknown currency")]
    public async Task Compare_receive_mode_rejects_with_a_problem_naming_the_parameter(string parameter, string value, string named)
    {
        var answer = await Get("/v1/compare", With(DeliverHalfAMillionShillings, parameter, value));

        answer.AssertIsProblemNaming(named);
    }

    [TestCase("from", TestName = "Compare with a 10 KB country")]
    [TestCase("amount", TestName = "Compare with a 10 KB amount")]
    [TestCase("payout", TestName = "Compare with a 10 KB payout method")]
    public async Task Compare_rejects_a_10_KB_value_with_a_short_problem(string parameter)
    {
        var answer = await Get("/v1/compare", With(SendTenThousandShillings, parameter, TenKilobytes));

        answer.AssertIsProblemNaming(parameter);
        Assert.That(answer.Body, Has.Length.LessThan(2000), "user input is not echoed whole");
    }

    [TestCase("/v1/compare?from=TZA&to=UGA&amount=999999999999", "amount", TestName = "Compare more than a million dollars worth of Tanzanian shillings")]
    [TestCase("/v1/compare?from=RWA&to=KEN&amount=99999999999", "amount", TestName = "Compare more than a million dollars worth of Rwandan francs")]
    [TestCase("/v1/compare?from=KEN&to=UGA&receive=999999999999&receiveCurrency=UGX", "receive", TestName = "Receive more than a million dollars worth of Ugandan shillings")]
    [TestCase("/v1/compare?from=KEN&to=UGA&receive=2000000&receiveCurrency=USD", "receive", TestName = "Receive two million dollars")]
    [TestCase("/v1/compare?from=RWA&to=KEN&amount=100.5&currency=RWF", "amount", TestName = "Compare a fraction of a Rwandan franc")]
    [TestCase("/v1/compare?from=KEN&to=SSD&receive=100&receiveCurrency=SSP", "receiveCurrency", TestName = "Receive South Sudanese pounds nobody pays out")]
    [TestCase("/v1/compare?from=KEN&from=TZA&to=UGA&amount=100", "from", TestName = "Compare with from given twice")]
    [TestCase("/v1/providers/abc", "id", TestName = "Provider id a word")]
    [TestCase("/v1/providers/-1", "id", TestName = "Provider id negative")]
    [TestCase("/v1/providers/1.5", "id", TestName = "Provider id a fraction")]
    [TestCase("/v1/providers/99999999999999999999", "id", TestName = "Provider id beyond any whole number")]
    [TestCase("/v1/providers/%27%20OR%201%3D1%20--", "id", TestName = "Provider id with SQL")]
    [TestCase("/v1/rates/%3Cscript%3E/USD", "base", TestName = "Rate with a script as currency")]
    public async Task A_bad_request_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var answer = await Get(url);

        answer.AssertIsProblemNaming(parameter);
    }

    [Test]
    public async Task Every_parameter_wrong_on_its_own_is_reported_in_one_problem()
    {
        var answer = await Get("/v1/compare?from=KEN&to=XXX&amount=abc&payout=teleport");

        using (Assert.EnterMultipleScope())
        {
            answer.AssertIsProblem(HttpStatusCode.BadRequest);
            Assert.That(answer.ErrorNames, Is.EquivalentTo(new[] { "to", "amount", "payout" }), answer.Body);
        }
    }

    [TestCase("/nothing")]
    [TestCase("/v1")]
    [TestCase("/v1/compares")]
    [TestCase("/v1/compare/KEN/UGA")]
    [TestCase("/v1/rates/USD")]
    [TestCase("/v1/providers/1/services")]
    [TestCase("/v2/corridors")]
    public async Task An_unknown_route_is_a_404_problem(string url)
    {
        var answer = await Get(url);

        answer.AssertIsProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Another_method_than_GET_is_a_405_problem()
    {
        using var response = await Client.PostAsync(new Uri("/v1/corridors", UriKind.Relative), null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ApiAnswer.Problem));
        }
    }

    [TestCaseSource(nameof(CompareParameters))]
    public async Task No_value_of_a_compare_parameter_causes_a_server_error(string parameter)
    {
        foreach (var value in NastyValues)
        {
            var answer = await Get("/v1/compare", With(SendTenThousandShillings, parameter, value));

            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)answer.Status, Is.InRange(200, 499), $"{parameter}={value}: {answer.Body}");
                if ((int)answer.Status >= 400) Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Problem), $"{parameter}={value}");
                answer.AssertShowsNoInternals();
            }
        }
    }

    [TestCase("/v1/providers/{0}")]
    [TestCase("/v1/rates/{0}/USD")]
    [TestCase("/v1/rates/USD/{0}")]
    [TestCase("/v1/rates/USD/GBP?at={0}")]
    public async Task No_value_of_a_path_or_date_causes_a_server_error(string template)
    {
        // A NUL in a path never reaches the app: the test client refuses to send it, as Kestrel refuses to receive it.
        foreach (var value in NastyValues.Where(v => v.Length > 0 && !v.Contains('\0', StringComparison.Ordinal)))
        {
            var answer = await Get(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(value)));

            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)answer.Status, Is.InRange(200, 499), $"{value}: {answer.Body}");
                if ((int)answer.Status >= 400) Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Problem), value);
                answer.AssertShowsNoInternals();
            }
        }
    }
}
