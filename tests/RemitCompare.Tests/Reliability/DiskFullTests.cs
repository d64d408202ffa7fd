using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Security;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Reliability;

/// <summary>
/// A store that cannot grow (SQLite <c>max_page_count</c> through <c>Store:MaxPages</c>: SQLite answers SQLITE_FULL, as on
/// a full disk) refuses an upload with a clear problem, stores nothing of it, keeps serving prices and says degraded.
/// </summary>
[Category("SqliteOnly")] // fills the SQLite file to its page cap
public sealed class DiskFullTests
{
    [Test]
    public async Task An_upload_to_a_full_store_fails_clearly_while_prices_are_still_served()
    {
        using var api = new ApiFactory();
        api.CreateClient().Dispose(); // first start: the default data fills the store
        long pages;
        using (var connection = api.Store.Store.Open()) pages = connection.ExecuteScalar<long>("PRAGMA page_count");
        var key = SurveyCsv.CreateKey(api.Store.Store, "Full disk");
        using var full = api.WithWebHostBuilder(b => b.UseSetting("Store:MaxPages", (pages + 4).ToString(CultureInfo.InvariantCulture)));
        using var client = full.CreateClient();
        var before = api.Store.Store.TableCounts();

        using var response = await SurveyCsv.Upload(client, key, SurveyCsv.File(5000));
        var answer = new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());

        answer.AssertIsProblem(HttpStatusCode.ServiceUnavailable);
        Assert.That(answer.Root.GetProperty("detail").GetString(), Does.Contain("the store is full"));
        var health = await ApiAnswer.GetAsync(client, "/healthz");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(health.Root.GetProperty("status").GetString(), Is.EqualTo("degraded"));
            Assert.That(health.Root.GetProperty("ingestionError").GetString(), Is.EqualTo("the store is full"));
            Assert.That(health.Root.GetProperty("quotes").GetInt32(), Is.GreaterThan(0));
            Assert.That((await ApiAnswer.GetAsync(client, "/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES")).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(api.Store.Store.TableCounts(), Is.EqualTo(before));
            Assert.That(api.Store.Sqlite.IntegrityCheck(), Is.EqualTo("ok"));
        }
    }
}
