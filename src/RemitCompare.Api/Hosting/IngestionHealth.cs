namespace RemitCompare.Api.Hosting;

/// <summary>
/// Whether the last ingestion through the API could write to the store. A failure (disk full, read-only file) makes
/// <c>/healthz</c> say degraded until an ingestion succeeds again; the last snapshot keeps being served meanwhile.
/// </summary>
public sealed class IngestionHealth(TimeProvider clock)
{
    private Failure? _failure;

    /// <summary>The failure in force, if any.</summary>
    public Failure? Current => Volatile.Read(ref _failure);

    /// <summary>Records that writing failed, and why (no internals: the reason is shown on /healthz).</summary>
    public void Failed(string reason) => Volatile.Write(ref _failure, new Failure(reason, clock.GetUtcNow()));

    /// <summary>Records that writing worked.</summary>
    public void Succeeded() => Volatile.Write(ref _failure, null);

    /// <summary>A failed ingestion.</summary>
    /// <param name="Reason">What went wrong, in words.</param>
    /// <param name="At">When.</param>
    public sealed record Failure(string Reason, DateTimeOffset At);
}
