using System.Net;
using System.Text.Json;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Security;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Reliability;

/// <summary>
/// SIGTERM while an upload is being ingested: the request finishes and its batch commits, whole. SIGKILL instead: the
/// batch is rolled back, whole, and the store stays sound.
/// </summary>
[Category("SqliteOnly")] // stops an API process over a SQLite file, then checks the file
public sealed class GracefulShutdownTests
{
    private const int Rows = 30_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Test]
    public async Task An_upload_in_flight_when_the_API_is_stopped_finishes_and_commits()
    {
        using var store = TempStore.WithDefaultData();
        var spool = Directory.CreateDirectory(store.File("tmp")).FullName;
        var key = SurveyCsv.CreateKey(store.Store, "Shutdown");
        using var api = await ApiProcess.StartAsync(store.Path, spool, new Dictionary<string, string> { ["Hosting__ShutdownTimeout"] = "00:01:00" }, Patience);
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = Patience };
        var csv = SurveyCsv.File(Rows);
        var before = store.Store.TableCounts();

        var upload = SurveyCsv.Upload(client, key, csv);
        Assert.That(WaitForSpooledBody(spool, System.Text.Encoding.UTF8.GetByteCount(csv), Patience), Is.True, "the API never received the whole body");
        api.Terminate();

        using var response = await upload;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(api.WaitForExit(Patience), Is.True, "the API did not stop");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32(), Is.EqualTo(Rows));
            Assert.That(api.ExitCode, Is.Zero, api.Output);
            Assert.That(store.Sqlite.IntegrityCheck(), Is.EqualTo("ok"));
            Assert.That(store.Store.PartialBatches(), Is.Empty);
            Assert.That(store.Store.TableCounts()["quote_observations"], Is.EqualTo(before["quote_observations"] + Rows));
        }
    }

    [Test]
    public async Task An_API_killed_mid_upload_keeps_its_store_sound_and_the_batch_whole_or_absent()
    {
        using var store = TempStore.WithDefaultData();
        var spool = Directory.CreateDirectory(store.File("tmp")).FullName;
        var key = SurveyCsv.CreateKey(store.Store, "Killed");
        using var api = await ApiProcess.StartAsync(store.Path, spool, new Dictionary<string, string>(), Patience);
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = Patience };
        var csv = SurveyCsv.File(Rows);
        var before = store.Store.TableCounts();

        var upload = SurveyCsv.Upload(client, key, csv);
        Assert.That(WaitForSpooledBody(spool, System.Text.Encoding.UTF8.GetByteCount(csv), Patience), Is.True, "the API never received the whole body");
        Thread.Sleep(Random.Shared.Next(0, 1500));
        api.Kill();
        try
        {
            (await upload).Dispose();
        }
        catch (HttpRequestException)
        {
            // The connection died with the process: expected.
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Sqlite.IntegrityCheck(), Is.EqualTo("ok"));
            Assert.That(store.Store.PartialBatches(), Is.Empty);
            var observations = store.Store.TableCounts()["quote_observations"];
            Assert.That(observations, Is.EqualTo(before["quote_observations"]).Or.EqualTo(before["quote_observations"] + Rows));
        }
    }

    /// <summary>True once the upload's temporary file holds the whole body, i.e. the request is being ingested.</summary>
    private static bool WaitForSpooledBody(string directory, long bytes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.EnumerateFiles(directory, "remitcompare-upload-*").Any(f => new FileInfo(f).Length >= bytes)) return true;
            Thread.Sleep(20);
        }
        return false;
    }
}
