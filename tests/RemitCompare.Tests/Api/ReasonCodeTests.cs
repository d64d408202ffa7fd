using System.Reflection;
using System.Text.Json;
using RemitCompare.Api.Features;

namespace RemitCompare.Tests.Api;

/// <summary>A 400 problem gives, beside the English <c>errors</c>, each refusal's parameter, stable code and values.</summary>
public sealed class ReasonCodeTests : ApiFixture
{
    /// <summary>Questions the page's form or the widget can put wrongly: they only ever send from, to, amount or receive, and currency.</summary>
    private static readonly string[] FormQuestions =
    [
        "from=KEN&to=UGA&amount=abc", "from=KEN&to=UGA&amount=0", "from=KEN&to=UGA&amount=10000000000000", "from=KEN&to=UGA",
        "from=KEN&to=UGA&amount=5&receive=5", "from=KEN&to=UGA&amount=10.001", "from=KEN&to=UGA&amount=999999999999",
        "to=UGA&amount=5", "from=KE&to=UGA&amount=5", "from=XXX&to=UGA&amount=5", "from=KEN&to=KEN&amount=5",
        "from=RWA&to=UGA&amount=5", "from=KEN&to=UGA&amount=5&currency=ZZZ", "from=KEN&to=UGA&amount=5&currency=UGX",
        "from=KEN&to=UGA&receive=5&receiveCurrency=EUR", "from=KEN&to=UGA&receive=500000.5&receiveCurrency=UGX",
    ];

    [Test]
    public async Task A_refused_amount_comes_with_its_code_and_the_value_sent()
    {
        var answer = await Get("/v1/compare?from=KEN&to=UGA&amount=abc");

        var reasons = answer.Root.GetProperty("reasons");

        Assert.That(reasons.GetRawText(), Is.EqualTo("""[{"parameter":"amount","code":"amount.not_a_number","values":["abc"]}]"""));
        Assert.That(answer.Root.GetProperty("errors").GetProperty("amount")[0].GetString(), Does.StartWith("'abc' is not a number"));
    }

    [Test]
    public async Task A_currency_not_used_in_the_corridor_comes_with_the_currencies_that_are()
    {
        var answer = await Get("/v1/compare?from=KEN&to=UGA&amount=5&currency=UGX");

        var reason = answer.Root.GetProperty("reasons")[0];

        Assert.That(reason.GetProperty("code").GetString(), Is.EqualTo("currency.not_sent"));
        Assert.That(Values(reason), Is.EqualTo(new[] { "UGX", "KEN", "UGA" }.Concat(Offered(answer.Root))));
    }

    [TestCaseSource(nameof(FormQuestions))]
    public async Task Every_reason_a_form_can_meet_is_one_the_pages_say_in_their_languages(string query)
    {
        var answer = await Get("/v1/compare?" + query);

        var reasons = answer.Root.GetProperty("reasons").EnumerateArray().ToList();
        var shown = QueryReasons.Shown.Select(r => r.Code);

        Assert.That(reasons.Select(r => r.GetProperty("code").GetString()), Is.Not.Empty.And.SubsetOf(shown));
        Assert.That(reasons.Select(r => r.GetProperty("parameter").GetString()).Distinct(), Is.EqualTo(answer.ErrorNames));
    }

    [Test]
    public void Each_code_names_one_reason()
    {
        var codes = typeof(QueryReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((QueryReason)f.GetValue(null)!).Code).ToList();

        Assert.That(codes, Is.Unique);
        Assert.That(QueryReasons.Shown.Select(r => r.Code), Is.SubsetOf(codes));
    }

    private static IEnumerable<string> Values(JsonElement reason) => reason.GetProperty("values").EnumerateArray().Select(v => v.GetString()!);

    /// <summary>The send currencies the English text offers instead ("use KES or USD").</summary>
    private static string[] Offered(JsonElement problem) =>
        problem.GetProperty("errors").GetProperty("currency")[0].GetString()!.Split("; use ")[1].Split(" or ");
}
