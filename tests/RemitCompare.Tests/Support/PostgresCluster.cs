using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace RemitCompare.Tests.Support;

/// <summary>
/// One real PostgreSQL cluster per test run: started through scripts/postgres.sh on first use and stopped when the run
/// ends, or the server named by <c>REMITCOMPARE_TEST_PG</c> (an admin connection string) when that is set. Each test
/// takes a fresh, uniquely named database, optionally cloned from a template another test migrated and seeded.
/// </summary>
public static class PostgresCluster
{
    /// <summary>Set to an admin connection string to run the PostgreSQL tests against that server instead.</summary>
    public const string ServerVariable = "REMITCOMPARE_TEST_PG";

    private const string FolderPrefix = "remitcompare-pg-test-";
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(5);
    private static readonly Lock Gate = new();
    private static string? _admin;
    private static string? _folder;

    /// <summary>A superuser connection string to the cluster's <c>postgres</c> database.</summary>
    public static string AdminConnectionString
    {
        get
        {
            lock (Gate) return _admin ??= Start();
        }
    }

    /// <summary>A new empty database (or a copy of <paramref name="template"/>'s), as a connection string to it.</summary>
    public static string CreateDatabase(string? template = null)
    {
        var name = "rc_" + Guid.NewGuid().ToString("N");
        var sql = $"CREATE DATABASE {Quote(name)}";
        if (template is not null)
        {
            var source = DatabaseOf(template);
            NpgsqlConnection.ClearPool(new NpgsqlConnection(template));
            sql += $" TEMPLATE {Quote(source)}";
        }
        ExecuteAdmin(sql, retryWhileInUse: template is not null);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database the connection string names, closing whatever is still connected to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = DatabaseOf(connectionString);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        ExecuteAdmin($"ALTER DATABASE {Quote(name)} IS_TEMPLATE false", retryWhileInUse: false, ignoreMissing: true);
        ExecuteAdmin($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", retryWhileInUse: false);
    }

    /// <summary>Makes the database a template later tests clone with <see cref="CreateDatabase"/>; closes its pooled connections.</summary>
    public static void MarkTemplate(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        ExecuteAdmin($"ALTER DATABASE {Quote(DatabaseOf(connectionString))} IS_TEMPLATE true", retryWhileInUse: false);
    }

    /// <summary>Stops and deletes the cluster this run started (a server given by <see cref="ServerVariable"/> is left alone).</summary>
    internal static void Stop()
    {
        lock (Gate)
        {
            if (_folder is null) return;
            NpgsqlConnection.ClearAllPools();
            RunScript(["stop", _folder], TimeSpan.FromMinutes(1));
            _folder = null;
            _admin = null;
        }
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given) return given;
        StopAbandoned();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var admin = RunScript(["start", folder], StartPatience).Trim().Split('\n')[^1].Trim();
        _folder = folder;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        return admin;
    }

    /// <summary>Clusters left running by test runs that were killed before they could stop them.</summary>
    private static void StopAbandoned()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..];
            if (!int.TryParse(owner, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId || IsAlive(pid)) continue;
            RunScript(["stop", folder], TimeSpan.FromMinutes(1));
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string RunScript(IReadOnlyList<string> arguments, TimeSpan patience)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoFiles.Root, "scripts", "postgres.sh"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/postgres.sh {string.Join(' ', arguments)} took longer than {patience}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {errors.Result}");
        }
        return output.Result;
    }

    private static void ExecuteAdmin(string sql, bool retryWhileInUse, bool ignoreMissing = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(AdminConnectionString);
                connection.Open();
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (ignoreMissing && e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                return;
            }
            catch (PostgresException e) when (retryWhileInUse && e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // A pooled connection to the template is still closing on the server; CREATE DATABASE needs it gone.
                Thread.Sleep(100);
            }
        }
    }

    private static string DatabaseOf(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new ArgumentException("the connection string names no database", nameof(connectionString));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
