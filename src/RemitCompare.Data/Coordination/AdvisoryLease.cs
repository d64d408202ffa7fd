using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace RemitCompare.Data.Coordination;

/// <summary>
/// A PostgreSQL session-level advisory lock on a connection of its own. The lock lives exactly as long as that
/// session: a holder that dies, even by SIGKILL, frees it as soon as the server sees the connection end, and another
/// process's next <see cref="HoldAsync"/> takes it. Writes are fenced (<see cref="Fence"/>): a batch commits only while
/// the session it began under still holds the lock, and a new holder runs nothing until such a batch has committed.
/// </summary>
public sealed class AdvisoryLease : IngestionLease
{
    private readonly string _connectionString;
    private readonly long _key;
    private readonly long _fenceKey;
    private readonly SemaphoreSlim _gate = new(1, 1); // never waited on through a handle, so nothing to dispose: DisposeAsync may run twice
    private NpgsqlConnection? _session;
    private volatile bool _held;
    private volatile int _pid;

    /// <summary>Seconds a new holder waits for the previous holder's confirmed writes to commit before it lets go and asks again.</summary>
    private const int FenceWait = 30;

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
        _fenceKey = KeyOf(name + " fence");
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
            if (_held) _held = await ScalarAsync("SELECT true", null, cancellationToken) is true; // the session still answers, so the lock it holds is still ours
            else if (await ScalarAsync("SELECT pg_try_advisory_lock(@key)", _key, cancellationToken) is true)
            {
                // Wait out every write that confirmed the previous holder's fence: they commit before this holder's first cycle.
                await ScalarAsync("SELECT pg_advisory_lock(@key)", _fenceKey, cancellationToken, FenceWait);
                await ScalarAsync("SELECT pg_advisory_unlock(@key)", _fenceKey, cancellationToken);
                _pid = _session.ProcessID;
                _held = true;
            }
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

    /// <summary>
    /// The lease's session as it is now, by its server process id: a write confirms, holding the fence key in shared
    /// mode for the rest of its transaction, that this session still holds the lease's lock. A new holder takes the fence
    /// key exclusively before it leads, so a write that confirmed has committed before the new holder writes anything.
    /// </summary>
    public override LeaseFence Fence => new SessionFence(_key, _fenceKey, _held ? _pid : 0);

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

    private async Task<object?> ScalarAsync(string sql, long? key, CancellationToken cancellationToken, int timeoutSeconds = 5)
    {
        await using var command = new NpgsqlCommand(sql, _session) { CommandTimeout = timeoutSeconds };
        if (key is { } k) command.Parameters.AddWithValue("key", k);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

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
        _pid = 0;
        await _session.DisposeAsync();
        _session = null;
    }
}

/// <summary>The fence of an <see cref="AdvisoryLease"/>: the lease key, the fence key and the server process id of the session that held the lease.</summary>
internal sealed class SessionFence(long key, long fenceKey, int pid) : LeaseFence
{
    public override void Confirm(DbConnection connection, DbTransaction transaction)
    {
        connection.Execute("SELECT pg_advisory_xact_lock_shared(@fenceKey)", new { fenceKey }, transaction);
        var held = connection.ExecuteScalar<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = @pid AND objsubid = 1
                           AND ((classid::bigint << 32) | objid::bigint) = @key)
            """, new { pid, key }, transaction);
        if (!held) throw new LeaseLostException($"The ingestion lease is no longer held by session {pid}: the batch was rolled back.");
    }
}
