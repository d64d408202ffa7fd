using Npgsql;

namespace RemitCompare.Data.Coordination;

/// <summary>
/// A PostgreSQL session-level advisory lock held on a connection of its own until disposed. The connection is never
/// pooled, so the lock can never outlive this holder in a pooled session; a holder that dies frees it with its session.
/// </summary>
public sealed class SessionLock : IDisposable
{
    private readonly NpgsqlConnection _session;
    private readonly long _key;

    private SessionLock(NpgsqlConnection session, long key)
    {
        _session = session;
        _key = key;
    }

    /// <summary>Takes the lock <paramref name="key"/>, waiting up to <paramref name="wait"/> while another session holds it.</summary>
    public static SessionLock Take(string connectionString, long key, string applicationName, TimeSpan wait)
    {
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            CommandTimeout = (int)Math.Ceiling(wait.TotalSeconds),
            KeepAlive = 5,
            ApplicationName = applicationName,
        }.ConnectionString);
        try
        {
            session.Open();
            using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", session) { Parameters = { new("key", key) } };
            command.ExecuteNonQuery();
            return new SessionLock(session, key);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            session.Dispose();
            throw new TimeoutException($"Another process held the PostgreSQL advisory lock {key} ({applicationName}) for more than {wait}.", e);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Frees the lock and closes the session (closing alone would free it too, once the server sees the session end).</summary>
    public void Dispose()
    {
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _session) { Parameters = { new("key", _key) } };
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // The session is gone already, and the lock with it.
        }
        finally
        {
            _session.Dispose();
        }
    }
}
