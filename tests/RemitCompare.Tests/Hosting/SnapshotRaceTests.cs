using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using RemitCompare.Api.Hosting;
using RemitCompare.Data;
using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Postgres;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Hosting;

/// <summary>
/// The refresher against batches that commit while a snapshot is being built, made to happen on purpose: the
/// refresher's <c>AfterBuild</c> seam commits a batch once the build has read the store and before the refresher
/// notes the batches it built from.
/// </summary>
public sealed class SnapshotRaceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public void A_batch_committed_while_the_first_snapshot_is_built_is_served_at_the_next_check()
    {
        using var store = TempStore.WithDefaultData();
        var (holder, refresher) = Refresher(store.Store);
        refresher.AfterBuild = () =>
        {
            refresher.AfterBuild = null;
            Ingest(store, "Harambee Remit");
        };

        refresher.Rebuild();
        Assert.That(Providers(holder.Current), Does.Not.Contain("Harambee Remit"), "the build read the store before the batch committed");

        Assert.That(refresher.RefreshIfChanged(), Is.True, "the next check sees the batch as new");
        Assert.That(Providers(holder.Current), Does.Contain("Harambee Remit"));
    }

    [Test]
    [Category("Postgres")]
    public async Task On_PostgreSQL_a_batch_with_a_lower_id_that_commits_after_a_higher_one_is_served_at_the_next_check()
    {
        using var store = TempStore.OnPostgresCluster(defaultData: true);
        var connectionString = ((PostgresStore)store.Store).ConnectionString;
        using var blocker = store.Store.Open();
        using var holding = blocker.BeginTransaction();
        // The test's transaction holds the new provider's name: the batch that brings the provider stops inside its own
        // transaction, its batch id already taken, until the test lets it go.
        blocker.Execute("INSERT INTO providers (name, firm_type) VALUES ('Harambee Remit', 'Money Transfer Operator')", transaction: holding);
        var lower = Task.Factory.StartNew(() => Ingest(store, "Harambee Remit"), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(ServerSessions.SomeoneWaits(connectionString, "transactionid")), Patience), Is.True,
            "the first batch waits for the test's transaction");
        var higher = Ingest(store, "Nyota Pay");

        var (holder, refresher) = Refresher(store.Store);
        (long Count, long Max) before = default, after = default;
        refresher.AfterBuild = () =>
        {
            refresher.AfterBuild = null;
            before = Batches(store.Store);
            holding.Rollback();
            Assert.That(lower.Wait(Patience), Is.True, "the first batch commits once let go");
            after = Batches(store.Store);
        };

        refresher.Rebuild();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lower.Result.BatchId, Is.LessThan(higher.BatchId), "the batch that committed last has the lower id");
            Assert.That(after.Max, Is.EqualTo(before.Max), "the highest batch id did not change");
            Assert.That(after.Count, Is.EqualTo(before.Count + 1));
            Assert.That(Providers(holder.Current), Does.Contain("Nyota Pay").And.Not.Contain("Harambee Remit"));
        }

        Assert.That(refresher.RefreshIfChanged(), Is.True, "the next check sees the batch as new");
        Assert.That(Providers(holder.Current), Does.Contain("Harambee Remit"));
    }

    private static (SnapshotHolder Holder, SnapshotRefresher Refresher) Refresher(Store store)
    {
        var holder = new SnapshotHolder(new SnapshotBuilder(store, new SnapshotOptions()), NullLogger<SnapshotHolder>.Instance);
        return (holder, new SnapshotRefresher(store, holder, TimeProvider.System, new ConfigurationBuilder().Build(), NullLogger<SnapshotRefresher>.Instance));
    }

    /// <summary>One new survey row of <paramref name="provider"/> in the KEN→UGA corridor, ingested as its own batch.</summary>
    private static IngestionSummary Ingest(TempStore store, string provider)
    {
        var summary = store.IngestNewRow(provider, provider + ".csv");
        Assert.That(summary.Accepted, Is.EqualTo(1), string.Join("; ", summary.Quarantine.Select(q => q.Reason)));
        return summary;
    }

    private static (long Count, long Max) Batches(Store store)
    {
        using var connection = store.Open();
        return connection.QuerySingle<(long, long)>("SELECT COUNT(*), MAX(id) FROM batches");
    }

    private static IEnumerable<string> Providers(Snapshot snapshot) => snapshot.Corridors.Values.SelectMany(c => c.Quotes).Select(q => q.Provider);
}
