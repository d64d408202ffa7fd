namespace RemitCompare.Data.Coordination;

/// <summary>
/// Tells a process that another one may have committed a batch. <see cref="Store.BatchSignal"/> gives the one that
/// suits the engine; a caller checks the batches after every wait, signalled or not, so a missed signal only delays.
/// </summary>
public abstract class BatchSignal : IAsyncDisposable
{
    /// <summary>Waits until a batch is committed or <paramref name="timeout"/> passes; true when a commit was signalled.</summary>
    public abstract Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}

/// <summary>No signal (SQLite): every wait lasts its whole timeout, on the one clock, and the caller polls.</summary>
public sealed class PollingSignal(TimeProvider clock) : BatchSignal
{
    /// <inheritdoc />
    public override async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Delay(timeout, clock, cancellationToken);
        return false;
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
