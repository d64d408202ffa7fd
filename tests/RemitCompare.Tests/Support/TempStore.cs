using RemitCompare.Data;
using RemitCompare.Ingestion;

namespace RemitCompare.Tests.Support;

/// <summary>
/// A real store that lives for one test: a SQLite file in a fresh temporary folder, or, when the run's
/// <see cref="EngineVariable"/> is <c>postgres</c>, a fresh database on the run's PostgreSQL cluster. Either way the
/// folder exists (for spool files and backups) and everything is deleted afterwards.
/// </summary>
public sealed class TempStore : IDisposable
{
    /// <summary>Environment variable choosing the engine of every store the tests use: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public const string EngineVariable = "REMITCOMPARE_TEST_STORE";

    private readonly string? _path;
    private readonly string? _connectionString;

    // On PostgreSQL, a seeded or filled store is cloned from a template database filled once per run.
    private static readonly Lazy<string> ReferenceTemplate = new(() => Template(store => DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false)));
    private static readonly Lazy<string> DefaultTemplate = new(() => Template(store => DefaultDataSet.EnsureLoaded(store, TimeProvider.System)));

    private TempStore(string directory, Lazy<string>? template = null, bool? postgres = null)
    {
        Directory = directory;
        if (postgres ?? OnPostgres)
        {
            _connectionString = PostgresCluster.CreateDatabase(template?.Value);
            Store = new PostgresStore(_connectionString);
        }
        else
        {
            _path = System.IO.Path.Combine(directory, "store.db");
            Store = new SqliteStore(_path);
        }
    }

    /// <summary>True when this run's stores are PostgreSQL databases.</summary>
    public static bool OnPostgres { get; } =
        string.Equals(System.Environment.GetEnvironmentVariable(EngineVariable), Data.Store.PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>A temporary folder that belongs to the store.</summary>
    public string Directory { get; }

    /// <summary>The SQLite database file; only SQLite stores have one (tests of file handling are <c>SqliteOnly</c>).</summary>
    public string Path => _path ?? throw new InvalidOperationException("a PostgreSQL store has no file; mark the test [Category(\"SqliteOnly\")]");

    /// <summary>The store.</summary>
    public Store Store { get; }

    /// <summary>The SQLite store, for tests of what only a file has (integrity check, backup, page cap).</summary>
    public SqliteStore Sqlite => Store as SqliteStore ?? throw new InvalidOperationException("this test needs a SQLite store; mark it [Category(\"SqliteOnly\")]");

    /// <summary>The configuration that points an API at this store (<c>Store:Provider</c>, <c>Store:Path</c> or <c>Store:ConnectionString</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings => _connectionString is null
        ? new Dictionary<string, string> { ["Store:Provider"] = Data.Store.SqliteProvider, ["Store:Path"] = Path }
        : new Dictionary<string, string> { ["Store:Provider"] = Data.Store.PostgresProvider, ["Store:ConnectionString"] = _connectionString };

    /// <summary>The same settings as environment variables (<c>Store__Provider</c>, …), for the command line and API processes.</summary>
    public IReadOnlyDictionary<string, string> Environment => Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>A migrated store with the reference tables (currencies, countries) seeded and no batches.</summary>
    public static TempStore WithReferenceData() => Filled(ReferenceTemplate, ingestSamples: false);

    /// <summary>A store filled with the embedded default data, as on a first start.</summary>
    public static TempStore WithDefaultData() => Filled(DefaultTemplate, ingestSamples: true);

    /// <summary>
    /// A database on the run's PostgreSQL cluster whatever the run's engine, for tests of what only PostgreSQL does:
    /// like <see cref="WithDefaultData"/> when <paramref name="defaultData"/>, else like <see cref="WithReferenceData"/>.
    /// </summary>
    public static TempStore OnPostgresCluster(bool defaultData) => new(NewFolder(), defaultData ? DefaultTemplate : ReferenceTemplate, postgres: true);

    /// <summary>Like <see cref="Empty"/>, but a database on the run's PostgreSQL cluster whatever the run's engine.</summary>
    public static TempStore EmptyOnPostgresCluster() => new(NewFolder(), postgres: true);

    /// <summary>A store that exists but holds nothing yet (not even the schema).</summary>
    public static TempStore Empty() => new(NewFolder());

    private static TempStore Filled(Lazy<string> template, bool ingestSamples)
    {
        if (OnPostgres) return new TempStore(NewFolder(), template);
        var store = Empty();
        DefaultDataSet.EnsureLoaded(store.Store, TimeProvider.System, ingestSamples);
        return store;
    }

    private static string Template(Action<Store> fill)
    {
        var connectionString = PostgresCluster.CreateDatabase();
        using (var store = new PostgresStore(connectionString)) fill(store);
        PostgresCluster.MarkTemplate(connectionString);
        return connectionString;
    }

    private static string NewFolder() => System.IO.Directory.CreateTempSubdirectory("remitcompare-test-").FullName;

    /// <summary>A file path inside the store's folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Directory, name);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Store is PostgresStore postgres)
        {
            postgres.Dispose();
            PostgresCluster.DropDatabase(_connectionString!);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by a test may still be releasing the file; the OS temp cleaner takes it.
        }
    }
}
