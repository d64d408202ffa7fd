namespace RemitCompare.Data.Coordination;

/// <summary>
/// The right to run the live sources' fetch cycles, held by one process at a time among the processes sharing a
/// store. <see cref="Store.IngestionLease"/> gives the one that suits the engine.
/// </summary>
public abstract class IngestionLease : IAsyncDisposable
{
    /// <summary>Whether this process held the lease at the last <see cref="HoldAsync"/>.</summary>
    public abstract bool IsHeld { get; }

    /// <summary>
    /// Takes the lease when it is free, or confirms that this process still holds it. False when another process
    /// holds it or the store cannot be reached; never throws but for cancellation.
    /// </summary>
    public abstract Task<bool> HoldAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The check a batch written under the lease as it is held now makes before it commits; it fails once this process
    /// has lost the lease, even when the process has not noticed yet.
    /// </summary>
    public virtual LeaseFence Fence => LeaseFence.None;

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}

/// <summary>The lease of a store only one process serves from (SQLite): always held.</summary>
public sealed class SoleLease : IngestionLease
{
    /// <inheritdoc />
    public override bool IsHeld => true;

    /// <inheritdoc />
    public override Task<bool> HoldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
