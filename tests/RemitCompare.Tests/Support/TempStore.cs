using RemitCompare.Data;
using RemitCompare.Ingestion;

namespace RemitCompare.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempStore : IDisposable
{
    private TempStore(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "store.db");
        Store = new SqliteStore(Path);
    }

    /// <summary>The folder holding the database.</summary>
    public string Directory { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The store on that file.</summary>
    public SqliteStore Store { get; }

    /// <summary>A migrated store with the reference tables (currencies, countries) seeded and no batches.</summary>
    public static TempStore WithReferenceData()
    {
        var store = Empty();
        DefaultDataSet.EnsureLoaded(store.Store, TimeProvider.System, ingestSamples: false);
        return store;
    }

    /// <summary>A store filled with the embedded default data, as on a first start.</summary>
    public static TempStore WithDefaultData()
    {
        var store = Empty();
        DefaultDataSet.EnsureLoaded(store.Store, TimeProvider.System);
        return store;
    }

    /// <summary>A path for a store that does not exist yet.</summary>
    public static TempStore Empty() =>
        new(System.IO.Directory.CreateTempSubdirectory("remitcompare-test-").FullName);

    /// <summary>A file path inside the store's folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Directory, name);

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
