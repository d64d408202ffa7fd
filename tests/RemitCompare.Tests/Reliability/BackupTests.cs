using System.Net;
using RemitCompare.Data;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Security;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Reliability;

/// <summary><c>remitcompare backup PATH</c> copies the live store while the API serves and ingests; <c>restore PATH</c> brings it back.</summary>
[Category("SqliteOnly")] // the online backup copies a SQLite file; PostgreSQL is backed up with pg_dump
public sealed class BackupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Answers =
    [
        "/v1/corridors", "/v1/providers", "/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES&includeStale=true",
        "/v1/compare?from=USA&to=MEX&amount=200&currency=USD&includeStale=true",
    ];

    [Test]
    public async Task A_backup_taken_while_the_API_serves_and_ingests_is_sound_and_whole()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["RateLimits:PermitLimit"] = "1000000", ["RateLimits:UploadPermitLimit"] = "1000000", ["Logging:LogLevel:RemitCompare.Api.Hosting.RequestLog"] = "Warning" });
        using var client = api.CreateClient();
        var key = SurveyCsv.CreateKey(api.Store.Store, "Backup test");
        using var stop = new CancellationTokenSource(Patience);
        var failures = 0;
        var uploads = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var response = await SurveyCsv.Upload(client, key, SurveyCsv.File(2000, offset: i * 2000), cancellation: stop.Token);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        });
        var reads = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync(new Uri(Answers[2], UriKind.Relative), stop.Token);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        });

        var backups = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var path = api.Store.File($"backup-{i}.db");
            var (exit, _, errors) = CliProcess.Run(["backup", path, "--db", api.Store.Path], api.Store.Directory, null, Patience);
            Assert.That(exit, Is.Zero, errors);
            backups.Add(path);
        }
        await stop.CancelAsync();
        await Task.WhenAll(uploads, reads).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.That(failures, Is.Zero, "requests failed while the backups ran");
        foreach (var path in backups)
        {
            var copy = new SqliteStore(path);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(copy.IntegrityCheck(), Is.EqualTo("ok"), path);
                Assert.That(copy.PartialBatches(), Is.Empty, path);
                Assert.That(copy.TableCounts()["batches"], Is.GreaterThan(0), path);
            }
        }
    }

    [Test]
    public async Task A_restored_backup_holds_the_same_rows_and_answers_the_same()
    {
        using var original = new ApiFactory();
        using var originalClient = original.CreateClient();
        var key = SurveyCsv.CreateKey(original.Store.Store, "Restore test");
        using (var upload = await SurveyCsv.Upload(originalClient, key, SurveyCsv.File(50))) Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var backup = original.Store.File("backup.db");
        Assert.That(CliProcess.Run(["backup", backup, "--db", original.Store.Path], original.Store.Directory, null, Patience).ExitCode, Is.Zero);

        using var restored = new ApiFactory();
        var (exit, _, errors) = CliProcess.Run(["restore", backup, "--db", restored.Store.Path], restored.Store.Directory, null, Patience);
        Assert.That(exit, Is.Zero, errors);
        Assert.That(restored.Store.Store.TableCounts(), Is.EqualTo(original.Store.Store.TableCounts()));
        using var restoredClient = restored.CreateClient();

        foreach (var url in Answers)
        {
            var before = await ApiAnswer.GetAsync(originalClient, url);
            var after = await ApiAnswer.GetAsync(restoredClient, url);
            Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(after.Body, Is.EqualTo(before.Body), url);
        }
    }

    [Test]
    public void Restoring_a_file_that_is_not_a_store_fails_and_leaves_the_store_alone()
    {
        using var store = TempStore.WithDefaultData();
        var before = store.Store.TableCounts();
        var junk = store.File("junk.db");
        File.WriteAllText(junk, "not a database");

        var (exit, _, errors) = CliProcess.Run(["restore", junk, "--db", store.Path], store.Directory, null, Patience);

        Assert.That(exit, Is.Not.Zero);
        Assert.That(errors, Does.StartWith("error:"));
        Assert.That(store.Store.TableCounts(), Is.EqualTo(before));
    }
}
