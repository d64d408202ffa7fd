using System.Net;

namespace RemitCompare.Tests.Api;

public sealed class HealthApiTests : ApiFixture
{
    [Test]
    public async Task Health_is_ok_with_the_default_data_loaded()
    {
        var answer = await Get("/healthz");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.MediaType, Is.EqualTo(ApiAnswer.Json));
            Assert.That(answer.Root.Str("status"), Is.EqualTo("ok"));
            Assert.That(answer.Root.Whole("corridors"), Is.EqualTo(8));
        }
    }

    [Test]
    public async Task Health_counts_the_quotes_of_every_corridor()
    {
        var health = (await Get("/healthz")).Root;
        var corridors = (await Get("/v1/corridors")).Root.Items("corridors");

        Assert.That(health.Whole("quotes"), Is.EqualTo(corridors.Sum(c => c.Whole("services"))));
    }
}
