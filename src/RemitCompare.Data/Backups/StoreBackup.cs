using Dapper;
using Microsoft.Data.Sqlite;

namespace RemitCompare.Data.Backups;

/// <summary>
/// Copies a live store with SQLite's online backup: the copy is one consistent state (between batches, never inside
/// one) while the API keeps reading and ingestion keeps writing.
/// </summary>
public static class StoreBackup
{
    /// <summary>Writes a consistent copy of <paramref name="store"/> to <paramref name="target"/> (replaced if it exists).</summary>
    public static void Backup(SqliteStore store, string target)
    {
        var full = Path.GetFullPath(target);
        if (string.Equals(full, store.Path, StringComparison.Ordinal)) throw new ArgumentException("the backup must not be the store itself", nameof(target));
        if (Path.GetDirectoryName(full) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        foreach (var stale in new[] { full, full + "-wal", full + "-shm" }) File.Delete(stale);
        using var source = store.Open();
        using var destination = OpenFile(full, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(destination);
        // A backup is one self-contained file: no WAL beside it.
        destination.Execute("PRAGMA journal_mode = DELETE;");
    }

    /// <summary>
    /// Replaces the content of <paramref name="store"/> with the backup at <paramref name="source"/>, after checking
    /// that the backup is a sound RemitCompare store. The replacement is one write transaction on the store.
    /// </summary>
    public static void Restore(SqliteStore store, string source)
    {
        var full = Path.GetFullPath(source);
        if (!File.Exists(full)) throw new FileNotFoundException($"no such backup: {full}", full);
        using var backup = OpenFile(full, SqliteOpenMode.ReadOnly);
        var integrity = string.Join("; ", backup.Query<string>("PRAGMA integrity_check"));
        if (integrity != "ok") throw new InvalidDataException($"the backup fails its integrity check: {integrity}");
        var isStore = backup.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'batches')") == 2;
        if (!isStore) throw new InvalidDataException("the file is not a RemitCompare store (no schema_migrations or batches table)");
        using var destination = store.Open();
        backup.BackupDatabase(destination);
        destination.Execute("PRAGMA journal_mode = WAL;");
    }

    private static SqliteConnection OpenFile(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
