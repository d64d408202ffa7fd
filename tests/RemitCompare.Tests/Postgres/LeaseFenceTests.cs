using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using RemitCompare.Data;
using RemitCompare.Data.Feeds;
using RemitCompare.Ingestion.Feeds;
using RemitCompare.Tests.Feeds;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Postgres;

/// <summary>
/// Fencing of the ingestion lease on a real database: a batch written under the lease commits only while the lease's
/// session still holds it. Each scheduler has its own store (its own pool) and lease session, as each node's would.
/// </summary>
[Category("Postgres")]
public sealed class LeaseFenceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_leader_whose_lease_session_ends_before_its_batch_commits_stores_nothing_and_steps_down_and_the_next_leader_writes()
    {
        var fetching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        await using var world = await FeedWorld.StartAsync(store: TempStore.OnPostgresCluster(defaultData: false), simulator: app => app.Use(async (http, next) =>
        {
            // The first request waits for the test: the leader's cycle is then between taking the lease and writing its batch.
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                fetching.SetResult();
                await answer.Task.WaitAsync(Patience);
            }
            await next(http);
        }));
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(new FakeLoggerProvider(logs)));
        var options = new FeedOptions { Sources = [world.QuoteSource()] };
        using var first = new FeedScheduler(options, world.Store.Store, world.Clock, loggers, TimeSpan.FromHours(24));
        using var secondStore = new PostgresStore(ConnectionString(world.Store));
        using var second = new FeedScheduler(options, secondStore, world.Clock, NullLoggerFactory.Instance, TimeSpan.FromHours(24));
        using var stop = new CancellationTokenSource();
        // The fake clock never moves here: no lease check on a timer can notice the lost lease first, only the fence.
        var leading = new List<Task> { first.LeadAsync(stop.Token) };
        try
        {
            await fetching.Task.WaitAsync(Patience);
            Assert.That(first.IsLeader, Is.True, "the first scheduler leads and is fetching");

            EndLeaseSession(world.Store);
            answer.SetResult();

            Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(!first.IsLeader), Patience), Is.True, "the first scheduler steps down");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(world.Simulator.Requests, Is.EqualTo(2), "it fetched the whole cycle");
                Assert.That(world.Store.Store.Batches(), Is.Zero, "its batch was rolled back");
                Assert.That(world.Store.Store.FeedObservations(), Is.Zero);
                Assert.That(new FeedLog(world.Store.Store).Fetches("sim"), Is.Empty, "no fetch is recorded for it");
                Assert.That(logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message), Has.Some.Contains("steps down"));
            }

            leading.Add(second.LeadAsync(stop.Token));
            Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(world.Store.Store.Batches() == 1), Patience), Is.True,
                "the next leader stores its batch");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.IsLeader, Is.True);
                Assert.That(first.IsLeader, Is.False);
                Assert.That(world.Store.Store.FeedObservations(), Is.EqualTo(4));
                Assert.That(new FeedLog(world.Store.Store).Fetches("sim").Select(f => f.Outcome), Is.EqualTo(new[] { "ok" }));
            }
        }
        finally
        {
            answer.TrySetResult();
            await stop.CancelAsync();
            await Task.WhenAll(leading).WaitAsync(Patience);
        }
    }

    [Test]
    public async Task A_new_holder_of_the_lease_waits_for_a_write_that_confirmed_the_old_holders_fence_to_commit()
    {
        using var database = TempStore.OnPostgresCluster(defaultData: false);
        await using var old = database.Store.IngestionLease("ingestion");
        await using var next = database.Store.IngestionLease("ingestion");
        Assert.That(await old.HoldAsync(CancellationToken.None), Is.True);
        await using var connection = database.Store.Open();
        await using var write = await connection.BeginTransactionAsync();
        old.Fence.Confirm(connection, write);

        EndLeaseSession(database);
        var taking = next.HoldAsync(CancellationToken.None);

        Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(ServerSessions.SomeoneWaits(ConnectionString(database), "advisory")), Patience), Is.True,
            "the new holder waits for the fence");
        Assert.That(taking.IsCompleted, Is.False, "it does not lead while the confirmed write is open");
        await write.CommitAsync();
        Assert.That(await taking.WaitAsync(Patience), Is.True, "it leads once the write has committed");
    }

    private static void EndLeaseSession(TempStore store) =>
        Assert.That(ServerSessions.End(ConnectionString(store), "remitcompare lease ingestion"), Is.EqualTo(new[] { true }), "one lease session, ended");

    private static string ConnectionString(TempStore store) => ((PostgresStore)store.Store).ConnectionString;
}
