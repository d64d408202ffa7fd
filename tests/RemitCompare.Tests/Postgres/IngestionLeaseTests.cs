using Npgsql;
using RemitCompare.Data;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Postgres;

/// <summary>The PostgreSQL ingestion lease and batch signal on a real database: each lease is its own session, as each node's would be.</summary>
[Category("Postgres")]
public sealed class IngestionLeaseTests
{
    private string _database = "";

    [SetUp]
    public void CreateDatabase() => _database = PostgresCluster.CreateDatabase();

    [TearDown]
    public void DropDatabase() => PostgresCluster.DropDatabase(_database);

    [Test]
    public async Task Only_one_holder_at_a_time_and_the_next_takes_it_when_the_first_lets_go()
    {
        using var store = new PostgresStore(_database);
        await using var first = store.IngestionLease("ingestion");
        var second = store.IngestionLease("ingestion");
        try
        {
            Assert.That(await first.HoldAsync(CancellationToken.None), Is.True);
            Assert.That(await second.HoldAsync(CancellationToken.None), Is.False);
            Assert.That(await first.HoldAsync(CancellationToken.None), Is.True, "the holder confirms it");

            await first.DisposeAsync();

            Assert.That(await second.HoldAsync(CancellationToken.None), Is.True);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Test]
    public async Task A_holder_whose_session_the_server_ended_steps_down_and_another_takes_over()
    {
        using var store = new PostgresStore(_database);
        await using var first = store.IngestionLease("ingestion");
        await using var second = store.IngestionLease("ingestion");
        Assert.That(await first.HoldAsync(CancellationToken.None), Is.True);

        EndLeaseSessions();

        Assert.That(await second.HoldAsync(CancellationToken.None), Is.True, "the lock went with the session");
        Assert.That(await first.HoldAsync(CancellationToken.None), Is.False, "the first finds its session gone");
        Assert.That(first.IsHeld, Is.False);
    }

    [Test]
    public async Task Leases_of_different_names_are_held_apart()
    {
        using var store = new PostgresStore(_database);
        await using var ingestion = store.IngestionLease("ingestion");
        await using var other = store.IngestionLease("reports");

        Assert.That(await ingestion.HoldAsync(CancellationToken.None), Is.True);
        Assert.That(await other.HoldAsync(CancellationToken.None), Is.True);
    }

    [Test]
    public async Task The_batch_signal_wakes_a_listener_when_a_batch_commits_and_not_before()
    {
        using var store = new PostgresStore(_database);
        store.Migrate();
        await using var signal = store.BatchSignal(TimeProvider.System);
        Assert.That(await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None), Is.False, "nothing committed yet");

        await using (var connection = store.Open())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await InsertBatchAsync(connection, tx, "abc");
            Assert.That(await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None), Is.False, "not before the commit");
            await tx.CommitAsync();
        }

        Assert.That(await signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None), Is.True);
    }

    [Test]
    public async Task The_batch_signal_listens_again_after_its_session_is_ended()
    {
        using var store = new PostgresStore(_database);
        store.Migrate();
        await using var signal = store.BatchSignal(TimeProvider.System);
        Assert.That(await signal.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None), Is.False);
        var ended = ListenerPids().Single();
        Terminate(ended);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!ListenerPids().Any(pid => pid != ended) && DateTime.UtcNow < deadline)
        {
            Assert.That(await signal.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None), Is.False);
        }
        Assert.That(ListenerPids(), Has.Some.Not.EqualTo(ended), "the signal opened a new session");
        await using (var connection = store.Open())
        {
            await InsertBatchAsync(connection, null, "def");
        }

        Assert.That(await signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None), Is.True);
    }

    private static async Task InsertBatchAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, string sha256)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO batches (source, kind, payload_sha256, payload_bytes, started_at, finished_at, rows_read, rows_accepted, rows_quarantined) "
            + $"VALUES ('test', 'feed', '{sha256}', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0, 0, 0)";
        await insert.ExecuteNonQueryAsync();
    }

    private List<int> ListenerPids() =>
        AdminQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'remitcompare refresh' AND datname = @database");

    private void Terminate(int pid) => AdminQuery($"SELECT pg_terminate_backend({pid})::int");

    private void EndLeaseSessions() =>
        Assert.That(AdminQuery("SELECT pg_terminate_backend(l.pid)::int FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
            + "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = @database"), Has.Count.EqualTo(1), "one session holds the advisory lock");

    private List<int> AdminQuery(string sql)
    {
        using var admin = new NpgsqlConnection(PostgresCluster.AdminConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.Parameters.AddWithValue("database", new NpgsqlConnectionStringBuilder(_database).Database!);
        using var reader = command.ExecuteReader();
        var values = new List<int>();
        while (reader.Read()) values.Add(reader.GetInt32(0));
        return values;
    }
}
