using System.Text.Json;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Hosting;

public sealed class SnapshotRefreshTests
{
    private static readonly Uri KenyaToUganda = new("/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES&includeStale=true", UriKind.Relative);

    [Test]
    public async Task A_batch_committed_by_another_writer_is_served_after_the_next_poll()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["Snapshot:PollInterval"] = "00:00:00.200" });
        using var client = api.CreateClient();
        Assert.That(await Providers(client), Does.Not.Contain("Harambee Remit"));

        // The CLI writes through its own connection; here an Ingestor on the same file plays that part.
        var summary = api.Store.IngestNewRow("Harambee Remit", "new-round.csv");
        Assert.That(summary.Accepted, Is.EqualTo(1), string.Join("; ", summary.Quarantine.Select(q => q.Reason)));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<string> providers;
        do
        {
            await Task.Delay(100);
            providers = await Providers(client);
        }
        while (!providers.Contains("Harambee Remit") && DateTime.UtcNow < deadline);
        Assert.That(providers, Does.Contain("Harambee Remit"));
    }

    private static async Task<IReadOnlyList<string>> Providers(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(KenyaToUganda));
        return json.RootElement.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("provider").GetString()!).ToList();
    }
}
