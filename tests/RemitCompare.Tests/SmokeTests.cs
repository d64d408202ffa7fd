using System.Net;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests;

public sealed class SmokeTests
{
    [Test]
    public async Task First_start_on_an_empty_store_serves_real_corridors()
    {
        using var api = new ApiFactory();
        using var client = api.CreateClient();
        var response = await client.GetAsync(new Uri("/v1/corridors", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"from\":\"KEN\",\"to\":\"UGA\""));
    }
}
