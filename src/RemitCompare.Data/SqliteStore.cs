using System.Data;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace RemitCompare.Data;

/// <summary>
/// The SQLite store: one connection factory and the migrations. Every connection has foreign keys on and waits for
/// locks instead of failing; the file runs in WAL mode so readers never block the ingesting writer.
/// </summary>
public sealed class SqliteStore
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

    /// <summary>An open connection.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 30000;");
        if (_maxPages is { } pages) connection.Execute($"PRAGMA max_page_count = {pages};");
        return connection;
    }

    /// <summary>Creates the file if needed, switches it to WAL and applies every migration not yet applied, in order.</summary>
    public int Migrate()
    {
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var applied = connection.Query<long>("SELECT version FROM schema_migrations").ToHashSet();
        var count = 0;
        foreach (var (version, name, sql) in Migrations())
        {
            if (applied.Contains(version)) continue;
            using var tx = connection.BeginTransaction(IsolationLevel.Serializable);
            connection.Execute(sql, transaction: tx);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = StoredTime.Format(DateTimeOffset.UtcNow) }, tx);
            tx.Commit();
            count++;
        }
        return count;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    public string IntegrityCheck()
    {
        using var connection = Open();
        return string.Join("; ", connection.Query<string>("PRAGMA integrity_check"));
    }

    private static IEnumerable<(long Version, string Name, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource["Migrations.".Length..^".sql".Length];
            var version = long.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}
