using Dapper;
using RemitCompare.Data;

namespace RemitCompare.Tests.Feeds;

/// <summary>What a feed test reads back from the real store.</summary>
internal static class StoreQueries
{
    public static long FeedObservations(this Store store, string source = "sim")
    {
        using var c = store.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM quote_observations o JOIN batches b ON b.id = o.batch_id WHERE b.source = @source", new { source });
    }

    public static IReadOnlyList<(string? Field, string Reason)> Quarantine(this Store store, string source = "sim")
    {
        using var c = store.Open();
        return c.Query<(string?, string)>("SELECT q.field, q.reason FROM quarantine q JOIN batches b ON b.id = q.batch_id WHERE b.source = @source ORDER BY q.id", new { source }).ToList();
    }

    public static IReadOnlyList<string> StoredRates(this Store store, string source = "sim")
    {
        using var c = store.Open();
        return c.Query<string>("SELECT o.rate FROM quote_observations o JOIN batches b ON b.id = o.batch_id WHERE b.source = @source", new { source }).ToList();
    }

    public static long Batches(this Store store, string source = "sim")
    {
        using var c = store.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM batches WHERE source = @source", new { source });
    }

    public static (string Sha256, string Kind) LastBatch(this Store store, string source = "sim")
    {
        using var c = store.Open();
        return c.QuerySingle<(string, string)>("SELECT payload_sha256, kind FROM batches WHERE source = @source ORDER BY id DESC LIMIT 1", new { source });
    }
}
