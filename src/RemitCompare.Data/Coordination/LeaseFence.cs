using System.Data.Common;

namespace RemitCompare.Data.Coordination;

/// <summary>
/// What a write made under the ingestion lease checks inside its own transaction, just before it commits: that the
/// lease it began under is still held by this process. <see cref="IngestionLease.Fence"/> gives the one that suits the engine.
/// </summary>
public abstract class LeaseFence
{
    /// <summary>No check: for writes made under no lease (files, uploads, one-off runs) and on a store one process serves from.</summary>
    public static LeaseFence None { get; } = new Unfenced();

    /// <summary>Throws <see cref="LeaseLostException"/> when the lease is no longer held, so that the caller's transaction rolls back.</summary>
    public abstract void Confirm(DbConnection connection, DbTransaction transaction);

    private sealed class Unfenced : LeaseFence
    {
        public override void Confirm(DbConnection connection, DbTransaction transaction)
        {
        }
    }
}

/// <summary>A write under the ingestion lease found the lease gone (another process may hold it now) and stored nothing.</summary>
public sealed class LeaseLostException(string message) : Exception(message);
