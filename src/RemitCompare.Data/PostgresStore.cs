using System.Data.Common;
using Npgsql;
using RemitCompare.Data.Coordination;

namespace RemitCompare.Data;

/// <summary>
/// The PostgreSQL store, for several API nodes sharing one database. Connections come from one pooled
/// <see cref="NpgsqlDataSource"/>; migrations run under an advisory lock, so nodes starting together apply each once.
/// </summary>
public sealed class PostgresStore : Store, IDisposable
{
    /// <summary>Advisory lock key held while migrating ("RC" "MIGR" in ASCII).</summary>
    private const long MigrationLock = 0x5243_4D49_4752;

    /// <summary>Advisory lock key held while a node migrates and fills the store on start ("RC" "SETUP" in ASCII).</summary>
    private const long SetupLock = 0x5243_5345_5455_50;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A store on the database named by <paramref name="connectionString"/> (Npgsql keywords: Host, Port, Database, Username, Password, pooling).</summary>
    public PostgresStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    public override string Provider => PostgresProvider;

    /// <summary>The connection string, credentials included (for tools that need their own connection).</summary>
    public string ConnectionString => _dataSource.ConnectionString;

    /// <inheritdoc />
    public override NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>
    /// Applies the migrations not yet applied, holding an advisory lock so that concurrent starts queue; a start waits
    /// for the lock as long as the connection string lets a command run.
    /// </summary>
    public override int Migrate()
    {
        var wait = TimeSpan.FromSeconds(new NpgsqlConnectionStringBuilder(ConnectionString).CommandTimeout);
        using var migrating = SessionLock.Take(ConnectionString, MigrationLock, "remitcompare migrate", wait);
        using var connection = Open();
        return ApplyMigrations(connection);
    }

    /// <summary>How long a node waits for another node's first start to migrate and fill the store.</summary>
    public static readonly TimeSpan SetupLockWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A session-level advisory lock on a connection of its own, taken when free, waited for (up to
    /// <see cref="SetupLockWait"/>) when another node holds it, and freed on dispose or when this process's session ends.
    /// </summary>
    public override IDisposable HoldSetupLock() => SessionLock.Take(ConnectionString, SetupLock, "remitcompare setup", SetupLockWait);

    /// <inheritdoc />
    public override StoreFault? Classify(DbException error) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => StoreFault.UniqueViolation,
        PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.ProgramLimitExceeded } => StoreFault.Full,
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow } => StoreFault.Unwritable,
        PostgresException => null,
        NpgsqlException => StoreFault.Unwritable, // the server could not be reached or the connection broke
        _ => null,
    };

    /// <summary>A session-level advisory lock on a connection of its own: freed when the holding process's session ends.</summary>
    public override IngestionLease IngestionLease(string name) => new AdvisoryLease(ConnectionString, name);

    /// <summary>LISTEN on the channel the <c>batches</c> trigger notifies when a batch commits.</summary>
    public override BatchSignal BatchSignal(TimeProvider clock) => new NotifySignal(ConnectionString, clock);

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
