using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using RemitCompare.Data.Coordination;

namespace RemitCompare.Data;

/// <summary>What went wrong with a write, as far as a caller needs to know.</summary>
public enum StoreFault
{
    /// <summary>A unique constraint refused the row.</summary>
    UniqueViolation,
    /// <summary>The disk, file or quota is full.</summary>
    Full,
    /// <summary>The store cannot be written (read-only, I/O error, unreachable).</summary>
    Unwritable,
}

/// <summary>The configuration names no usable store (unknown provider, missing connection string).</summary>
public sealed class StoreConfigurationException(string message) : Exception(message);

/// <summary>
/// The store: a connection factory, the migrations and the few things the two engines do differently. Every class
/// that reads or writes tables takes a <see cref="Store"/> and speaks SQL both engines understand (upserts with
/// <c>ON CONFLICT</c>, <c>RETURNING</c>, decimals and moments as text). SQLite is the default for one machine;
/// PostgreSQL is for several API nodes sharing one database.
/// </summary>
public abstract class Store
{
    /// <summary>Configuration value of <c>Store:Provider</c> for SQLite (the default).</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>Configuration value of <c>Store:Provider</c> for PostgreSQL.</summary>
    public const string PostgresProvider = "postgres";

    /// <summary><see cref="SqliteProvider"/> or <see cref="PostgresProvider"/>.</summary>
    public abstract string Provider { get; }

    /// <summary>An open connection.</summary>
    public abstract DbConnection Open();

    /// <summary>Applies every migration not yet applied, in order; returns how many ran.</summary>
    public abstract int Migrate();

    /// <summary>Begins a write transaction that holds the write lock from its first statement.</summary>
    public virtual DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    /// <summary>
    /// Tunes <paramref name="connection"/> for writing one large batch until the result is disposed; nothing by
    /// default. The SQLite store gives the connection a larger page cache for the batch.
    /// </summary>
    public virtual IDisposable? TuneForBatch(DbConnection connection) => null;

    /// <summary>What a database error means for a write, or null when it is none of the known faults.</summary>
    public abstract StoreFault? Classify(DbException error);

    /// <summary>
    /// Holds the store's setup lock until the result is disposed, so that processes starting together on a new store
    /// migrate and fill it one after the other: the first does the work and the others find it done. Nothing by
    /// default: one process serves a SQLite file, and the file takes one writer at a time.
    /// </summary>
    public virtual IDisposable? HoldSetupLock() => null;

    /// <summary>The lease named <paramref name="name"/> that one process at a time holds; one process per store holds it always.</summary>
    public virtual IngestionLease IngestionLease(string name) => new SoleLease();

    /// <summary>What tells this process that another one committed a batch; by default nothing does, and waits just pass time.</summary>
    public virtual BatchSignal BatchSignal(TimeProvider clock) => new PollingSignal(clock);

    /// <summary>
    /// The store configured by <c>Store:Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>): SQLite on
    /// <c>Store:Path</c> (default <see cref="SqliteStore.DefaultPath"/>, capped by <c>Store:MaxPages</c>), PostgreSQL on
    /// <c>Store:ConnectionString</c>.
    /// </summary>
    public static Store FromConfiguration(IConfiguration configuration)
    {
        var provider = configuration["Store:Provider"] is { Length: > 0 } p ? p.Trim().ToLowerInvariant() : SqliteProvider;
        return provider switch
        {
            SqliteProvider => new SqliteStore(
                configuration["Store:Path"] is { Length: > 0 } path ? path : SqliteStore.DefaultPath,
                configuration.GetValue<long?>("Store:MaxPages")),
            PostgresProvider => new PostgresStore(configuration["Store:ConnectionString"] is { Length: > 0 } connection
                ? connection
                : throw new StoreConfigurationException("Store:Provider is postgres but Store:ConnectionString is not set")),
            _ => throw new StoreConfigurationException($"Store:Provider '{provider}' is not known: use '{SqliteProvider}' or '{PostgresProvider}'"),
        };
    }

    /// <summary>The migration scripts for <see cref="Provider"/>, embedded as <c>Migrations/{provider}/NNNN_name.sql</c>, in order.</summary>
    protected IEnumerable<(long Version, string Name, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Migrations.{Provider}.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = long.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, name, reader.ReadToEnd());
        }
    }

    /// <summary>Runs the migrations not yet recorded in <c>schema_migrations</c>, each in its own transaction.</summary>
    protected int ApplyMigrations(DbConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        var applied = Dapper.SqlMapper.Query<long>(connection, "SELECT version FROM schema_migrations").ToHashSet();
        var count = 0;
        foreach (var (version, name, sql) in Migrations())
        {
            if (applied.Contains(version)) continue;
            using var tx = connection.BeginTransaction();
            Dapper.SqlMapper.Execute(connection, sql, transaction: tx);
            Dapper.SqlMapper.Execute(connection,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = StoredTime.Format(DateTimeOffset.UtcNow) }, tx);
            tx.Commit();
            count++;
        }
        return count;
    }
}
