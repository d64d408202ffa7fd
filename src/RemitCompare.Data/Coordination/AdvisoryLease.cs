using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace RemitCompare.Data.Coordination;

/// <summary>
/// A PostgreSQL session-level advisory lock on a connection of its own. The lock lives exactly as long as that
/// session: a holder that dies, even by SIGKILL, frees it as soon as the server sees the connection end, and another
/// process's next <see cref="HoldAsync"/> takes it.
/// </summary>
public sealed class AdvisoryLease : IngestionLease
{
    private readonly string _connectionString;
    private readonly long _key;
    private readonly SemaphoreSlim _gate = new(1, 1); // never waited on through a handle, so nothing to dispose: DisposeAsync may run twice
    private NpgsqlConnection? _session;
    private volatile bool _held;

    /// <summary>A lease named <paramref name="name"/> on the database of <paramref name="connectionString"/>.</summary>
    public AdvisoryLease(string connectionString, string name)
    {
        // Never pooled: returning the session to a pool would hand the lock to whoever borrows it next.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 5,
            KeepAlive = 5,
            ApplicationName = "remitcompare lease " + name,
        }.ConnectionString;
        _key = KeyOf(name);
    }

    /// <inheritdoc />
    public override bool IsHeld => _held;

    /// <inheritdoc />
    public override async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _session ??= await OpenAsync(cancellationToken);
            await using var command = _held
                ? new NpgsqlCommand("SELECT true", _session) // the session still answers, so the lock it holds is still ours
                : new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", _session) { Parameters = { new("key", _key) } };
            _held = await command.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            await DropSessionAsync();
        }
        finally
        {
            _gate.Release();
        }
        return _held;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropSessionAsync(release: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A stable 64-bit lock key for a lease name, the same in every process.</summary>
    public static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("remitcompare lease " + name)), 0);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task DropSessionAsync(bool release = false)
    {
        if (_session is null)
        {
            _held = false;
            return;
        }
        if (release && _held)
        {
            // The server frees the lock when it notices the session end, a moment after the close; unlocking frees it now.
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", _session);
                await unlock.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // The session is gone already, and the lock with it.
            }
        }
        _held = false;
        await _session.DisposeAsync();
        _session = null;
    }
}
