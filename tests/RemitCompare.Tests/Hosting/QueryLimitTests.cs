using RemitCompare.Api.Hosting;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Web;

namespace RemitCompare.Tests.Hosting;

/// <summary>Long queries over real Kestrel on loopback, whose own request-line limit answers before the app can.</summary>
public sealed class QueryLimitTests
{
    private const string Compare = "/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES";

    private AppHost _host = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await AppHost.StartAsync();
        _client = new HttpClient { BaseAddress = _host.Origin, Timeout = TimeSpan.FromMinutes(1) };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task A_query_of_the_largest_length_accepted_is_answered()
    {
        var answer = await ApiAnswer.GetAsync(_client, Padded(QueryLimit.MaxLength));

        Assert.That(answer.Status, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [TestCase(QueryLimit.MaxLength + 1)] // past Kestrel's default 8 KB request line too
    [TestCase(QueryLimit.RequestLineBytes - 100)]
    public async Task A_longer_query_gets_414_problem_naming_query(int length)
    {
        var answer = await ApiAnswer.GetAsync(_client, Padded(length));

        answer.AssertIsProblem(System.Net.HttpStatusCode.RequestUriTooLong);
        Assert.That(answer.Root.GetProperty("errors").GetProperty("query")[0].GetString(), Does.Contain($"is {length} characters long"));
    }

    [Test]
    public async Task HEAD_with_a_longer_query_gets_the_same_414_problem_without_a_body()
    {
        var answer = await RawHttp.SendAsync(_host.Origin, "HEAD", Padded(QueryLimit.MaxLength + 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(414));
            Assert.That(answer.Header("Content-Type"), Does.StartWith(ApiAnswer.Problem));
            Assert.That(answer.Body, Is.Empty);
        }
    }

    [Test]
    public async Task A_request_line_past_Kestrels_limit_gets_Kestrels_bare_414()
    {
        var answer = await ApiAnswer.GetAsync(_client, Padded(QueryLimit.RequestLineBytes + 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(System.Net.HttpStatusCode.RequestUriTooLong));
            Assert.That(answer.MediaType, Is.Null, "answered before the app could see it");
            Assert.That(answer.Body, Is.Empty);
        }
    }

    /// <summary>The comparison query padded with an unknown parameter to exactly <paramref name="length"/> characters after the '?'.</summary>
    private static string Padded(int length)
    {
        var query = Compare[(Compare.IndexOf('?', StringComparison.Ordinal) + 1)..] + "&pad=";
        return Compare + "&pad=" + new string('x', length - query.Length);
    }
}
