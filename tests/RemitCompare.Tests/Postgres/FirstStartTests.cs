using Npgsql;
using RemitCompare.Data;
using RemitCompare.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Postgres;

/// <summary>Nodes starting together on one empty PostgreSQL database: each its own store (its own pool), as each node's would be.</summary>
[Category("Postgres")]
public sealed class FirstStartTests
{
    private static readonly string[] DefaultFiles =
        ["ecb/eurofxref-hist-2023q4-2026q1.csv", "ecb/eurofxref-daily.xml", "rpw/rpw_east_africa_2024_2025.csv", "knomad/bilateral_remittance_2021_subset.csv"];

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private TempStore _empty = null!;

    private string Database => ((PostgresStore)_empty.Store).ConnectionString;

    [SetUp]
    public void CreateDatabase() => _empty = TempStore.EmptyOnPostgresCluster();

    [TearDown]
    public void DropDatabase() => _empty.Dispose();

    [Test]
    public void Three_nodes_starting_together_load_the_default_data_once()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => new PostgresStore(Database)).ToList();
        try
        {
            using var together = new Barrier(stores.Count);
            var starts = stores.Select(store => Task.Factory.StartNew(() =>
            {
                if (!together.SignalAndWait(Patience)) throw new TimeoutException("the other nodes did not start");
                return DefaultDataSet.EnsureLoaded(store, TimeProvider.System);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Assert.That(Task.WaitAll(starts, Patience), Is.True, "every node started within the patience");

            var loaded = starts.Select(s => s.Result).ToList();
            var loader = loaded.Single(l => l.Count > 0);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(loaded.Count(l => l.Count == 0), Is.EqualTo(2), "the other two find the data loaded");
                Assert.That(loader.Select(s => s.AlreadyIngested), Has.All.False, "the loader stores every default file itself");
                Assert.That(StoredBatches().Select(b => b.Sha256), Is.EquivalentTo(DefaultFiles.Select(f => DefaultDataSet.Open(f).Sha256)),
                    "each default file is stored as exactly one batch, and nothing else is");
                Assert.That(StoredBatches().Select(b => b.Id), Is.EquivalentTo(loader.Select(s => s.BatchId)));
            }
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }

    [Test]
    public async Task A_node_starting_while_another_fills_the_store_waits_for_it_and_then_loads_nothing()
    {
        using var first = new PostgresStore(Database);
        using var second = new PostgresStore(Database);
        Task<IReadOnlyList<IngestionSummary>> starting;
        long written;
        using (first.HoldSetupLock())
        {
            starting = Task.Factory.StartNew(() => DefaultDataSet.EnsureLoaded(second, TimeProvider.System),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Assert.That(await NodeWorld.EventuallyAsync(() => Task.FromResult(ServerSessions.SomeoneWaits(Database, "advisory")), TimeSpan.FromSeconds(60)), Is.True,
                "the second node waits for the setup lock");

            // The first node fills the store meanwhile, as EnsureLoaded does under the lock.
            first.Migrate();
            DefaultDataSet.SeedReference(first);
            written = new Ingestor(first, TimeProvider.System).Ingest(FileSource.Flows, DefaultDataSet.Open(DefaultFiles[3])).BatchId;
            Assert.That(starting.IsCompleted, Is.False, "nothing moves the second node on while the first holds the lock");
        }

        var loaded = await starting.WaitAsync(Patience);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded, Is.Empty, "the second node finds batches and ingests nothing");
            Assert.That(StoredBatches().Select(b => b.Id), Is.EqualTo(new[] { written }));
        }
    }

    private sealed record StoredBatch(long Id, string Sha256);

    private List<StoredBatch> StoredBatches()
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT id, payload_sha256 FROM batches ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var batches = new List<StoredBatch>();
        while (reader.Read()) batches.Add(new StoredBatch(reader.GetInt64(0), reader.GetString(1)));
        return batches;
    }
}
