using RemitCompare.Data.Snapshots;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// Holds the snapshot requests are answered from. A refresh builds a whole new snapshot off to the side and swaps
/// the reference in one write, so a reader sees the old snapshot or the new one, never a half-built one. Until the
/// first snapshot is in force, readers wait for it: nothing is answered from an empty snapshot.
/// </summary>
public sealed class SnapshotHolder(SnapshotBuilder builder, ILogger<SnapshotHolder> logger)
{
    /// <summary>How long a reader waits for the first snapshot before giving up with an error.</summary>
    public static readonly TimeSpan FirstSnapshotWait = TimeSpan.FromMinutes(5);

    private readonly Lock _refreshing = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Snapshot _current = Snapshot.Empty;

    /// <summary>The snapshot in force (waiting for the first one while it is being built).</summary>
    public Snapshot Current
    {
        get
        {
            if (!_first.Task.IsCompleted && !_first.Task.Wait(FirstSnapshotWait))
                throw new TimeoutException($"The first snapshot was not built within {FirstSnapshotWait}.");
            if (_first.Task.IsFaulted) throw new InvalidOperationException("The first snapshot could not be built.", _first.Task.Exception);
            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Completes when the first snapshot is in force (faults when it could not be built).</summary>
    public Task FirstSnapshot => _first.Task;

    /// <summary>Rebuilds the snapshot from the store and swaps it in.</summary>
    public Snapshot Refresh()
    {
        lock (_refreshing)
        {
            Snapshot next;
            try
            {
                next = builder.Build();
            }
            catch (Exception e) when (!_first.Task.IsCompleted)
            {
                _first.TrySetException(e);
                throw;
            }
            Volatile.Write(ref _current, next);
            _first.TrySetResult();
            logger.LogInformation("Snapshot {Version} in force: {Corridors} corridors, {Quotes} quotes, as of {AsOf}",
                next.Version, next.Corridors.Count, next.Corridors.Values.Sum(c => c.Quotes.Count), next.AsOf);
            return next;
        }
    }

    /// <summary>
    /// Builds the first snapshot with <paramref name="refresh"/> on the thread pool, so that it overlaps the server's own start-up; requests that
    /// arrive before it is done wait for it. A store it cannot read stops the service with a failing exit code.
    /// </summary>
    public Task<Snapshot> RefreshInBackground(IHostApplicationLifetime lifetime, Func<Snapshot> refresh)
    {
        var build = Task.Run(refresh);
        build.ContinueWith(failed =>
        {
            logger.LogCritical(failed.Exception, "The first snapshot could not be built; stopping");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return build;
    }
}

/// <summary>Start-up wiring of the first snapshot.</summary>
public static class FirstSnapshotSetup
{
    /// <summary>
    /// Starts building the first snapshot in the background and holds each request that arrives before it is in
    /// force, without blocking a thread, so that a burst of early requests cannot starve the thread pool the build runs on.
    /// </summary>
    public static WebApplication UseFirstSnapshotInBackground(this WebApplication app)
    {
        var holder = app.Services.GetRequiredService<SnapshotHolder>();
        holder.RefreshInBackground(app.Lifetime, app.Services.GetRequiredService<SnapshotRefresher>().Rebuild);
        app.Use(async (context, next) =>
        {
            if (!holder.FirstSnapshot.IsCompleted) await holder.FirstSnapshot.WaitAsync(SnapshotHolder.FirstSnapshotWait, context.RequestAborted);
            await next(context);
        });
        return app;
    }
}
