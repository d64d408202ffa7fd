using System.Net;
using System.Text.Json;
using RemitCompare.Tests.Security;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Reliability;

/// <summary>Readers of /v1/compare get correct answers, without a single error, all the while a 50,000-row upload is ingested.</summary>
public sealed class LoadDuringIngestionTests
{
    private const int Readers = 20;
    private const int Rows = 50_000;

    [Test]
    public async Task Compare_answers_without_errors_during_a_large_upload()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["RateLimits:PermitLimit"] = "100000000", ["Logging:LogLevel:RemitCompare.Api.Hosting.RequestLog"] = "Warning" });
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(4);
        var key = SurveyCsv.CreateKey(api.Store.Store, "Big survey");
        var csv = SurveyCsv.File(Rows);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var upload = SurveyCsv.Upload(client, key, csv, cancellation: bound.Token);

        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var answered = 0;
        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
        {
            while (!upload.IsCompleted && !bound.IsCancellationRequested)
            {
                using var response = await client.GetAsync(new Uri("/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES", UriKind.Relative), bound.Token);
                var body = await response.Content.ReadAsStringAsync(bound.Token);
                if (response.StatusCode != HttpStatusCode.OK) errors.Enqueue($"{(int)response.StatusCode}: {body}");
                else if (JsonDocument.Parse(body).RootElement.GetProperty("offers").GetArrayLength() == 0) errors.Enqueue("no offers");
                Interlocked.Increment(ref answered);
                await Task.Delay(10, CancellationToken.None); // twenty clients, not twenty busy loops on two cores
            }
        })).ToArray();

        using var uploaded = await upload;
        await Task.WhenAll(readers);

        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await uploaded.Content.ReadAsStringAsync());
        var report = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.GetProperty("accepted").GetInt32(), Is.EqualTo(Rows));
            Assert.That(errors, Is.Empty);
            Assert.That(answered, Is.GreaterThan(Readers), "the readers ran while the upload was ingested");
        }
    }
}
