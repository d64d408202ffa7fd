using Npgsql;

namespace RemitCompare.Data.Coordination;

/// <summary>
/// PostgreSQL LISTEN on the channel the <c>batches</c> trigger notifies on commit, on a connection of its own. When
/// the connection breaks, the wait lasts its whole timeout (the caller polls meanwhile) and the next wait reconnects.
/// </summary>
public sealed class NotifySignal : BatchSignal
{
    /// <summary>The channel the <c>batches</c> trigger of the PostgreSQL migrations notifies.</summary>
    public const string Channel = "remitcompare_batches";

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private NpgsqlConnection? _session;

    /// <summary>Listens on the database of <paramref name="connectionString"/>.</summary>
    public NotifySignal(string connectionString, TimeProvider clock)
    {
        // Never pooled: a LISTEN belongs to its session, and keepalives find a dead server while waiting.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = 5,
            KeepAlive = 5,
            ApplicationName = "remitcompare refresh",
        }.ConnectionString;
        _clock = clock;
    }

    /// <inheritdoc />
    public override async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            _session ??= await ListenAsync(cancellationToken);
            return await _session.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            await DropSessionAsync();
            await Task.Delay(timeout, _clock, cancellationToken);
            return false;
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync() => await DropSessionAsync();

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task DropSessionAsync()
    {
        if (_session is null) return;
        await _session.DisposeAsync();
        _session = null;
    }
}
