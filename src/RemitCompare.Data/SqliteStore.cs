using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace RemitCompare.Data;

/// <summary>
/// The SQLite store: one database file. Every connection has foreign keys on and waits for locks instead of failing;
/// the file runs in WAL mode so readers never block the ingesting writer.
/// </summary>
public sealed class SqliteStore : Store
{
    /// <summary>Default database file, relative to the working directory (git ignores *.db).</summary>
    public const string DefaultPath = "remitcompare.db";

    private readonly string _connectionString;
    private readonly long? _maxPages;

    /// <summary>
    /// A store on the database file at <paramref name="path"/>; the file is created when missing. <paramref name="maxPages"/>
    /// caps the file's size in pages (SQLite <c>max_page_count</c>): a write past it fails as on a full disk.
    /// </summary>
    public SqliteStore(string path, long? maxPages = null)
    {
        _maxPages = maxPages;
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Provider => SqliteProvider;

    /// <inheritdoc />
    public override SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 30000;");
        if (_maxPages is { } pages) connection.Execute($"PRAGMA max_page_count = {pages};");
        return connection;
    }

    /// <summary>Creates the file if needed, switches it to WAL and applies every migration not yet applied, in order.</summary>
    public override int Migrate()
    {
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        return ApplyMigrations(connection);
    }

    /// <summary>An immediate transaction: it takes the write lock at once, so two writers queue instead of deadlocking.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <summary>Page cache (KiB) while a batch is written: its index pages then stay in memory instead of spilling mid-transaction.</summary>
    public const int BatchCacheKib = 64 * 1024;

    /// <summary>A larger page cache for the batch; afterwards the connection (which goes back to the pool) gets its own back and frees the memory.</summary>
    public override IDisposable TuneForBatch(DbConnection connection)
    {
        var previous = connection.ExecuteScalar<long>("PRAGMA cache_size");
        connection.Execute($"PRAGMA cache_size = -{BatchCacheKib}");
        return new BatchCache(connection, previous);
    }

    private sealed class BatchCache(DbConnection connection, long previous) : IDisposable
    {
        public void Dispose()
        {
            if (connection.State != System.Data.ConnectionState.Open) return;
            connection.Execute("PRAGMA cache_size = " + previous.ToString(System.Globalization.CultureInfo.InvariantCulture));
            connection.Execute("PRAGMA shrink_memory");
        }
    }

    /// <inheritdoc />
    public override StoreFault? Classify(DbException error) => error is SqliteException e
        ? e.SqliteErrorCode switch
        {
            _ when e.SqliteExtendedErrorCode is 2067 or 1555 => StoreFault.UniqueViolation, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
            13 => StoreFault.Full,            // SQLITE_FULL
            8 or 10 or 14 => StoreFault.Unwritable, // SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN
            _ => null,
        }
        : null;

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    public string IntegrityCheck()
    {
        using var connection = Open();
        return string.Join("; ", connection.Query<string>("PRAGMA integrity_check"));
    }
}
