using Npgsql;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Postgres;

/// <summary>What the PostgreSQL server says about the sessions on one test database, asked as its administrator.</summary>
internal static class ServerSessions
{
    /// <summary>Whether a session on the database of <paramref name="connectionString"/> waits for a lock of type <paramref name="lockType"/> (<c>advisory</c>, <c>transactionid</c>).</summary>
    public static bool SomeoneWaits(string connectionString, string lockType) => Query(
        "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND l.locktype = @lockType AND a.datname = @database)",
        connectionString, ("lockType", lockType), reader => reader.GetBoolean(0)).Single();

    /// <summary>
    /// Ends the sessions named <paramref name="applicationName"/> on that database, as a network cut or an administrator
    /// would, waiting up to a minute until each is gone; whether each one went.
    /// </summary>
    public static IReadOnlyList<bool> End(string connectionString, string applicationName) => Query(
        "SELECT pg_terminate_backend(pid, 60000) FROM pg_stat_activity WHERE application_name = @applicationName AND datname = @database",
        connectionString, ("applicationName", applicationName), reader => reader.GetBoolean(0));

    private static List<T> Query<T>(string sql, string connectionString, (string Name, string Value) parameter, Func<NpgsqlDataReader, T> read)
    {
        using var admin = new NpgsqlConnection(PostgresCluster.AdminConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.Parameters.AddWithValue("database", new NpgsqlConnectionStringBuilder(connectionString).Database!);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}
