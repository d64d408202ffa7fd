using Dapper;
using RemitCompare.Data;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>How a batch is written: prepared statements per batch, a batch-sized page cache, and the same rows on either engine.</summary>
public sealed class BatchWritingTests
{
    [Test]
    [Category("SqliteOnly")] // the page cache is a SQLite connection setting
    public void Connection_gets_its_own_page_cache_back_after_a_batch()
    {
        using var store = TempStore.WithReferenceData();
        using var connection = store.Store.Open();
        var before = connection.ExecuteScalar<long>("PRAGMA cache_size");
        using (store.Store.TuneForBatch(connection))
        {
            Assert.That(connection.ExecuteScalar<long>("PRAGMA cache_size"), Is.EqualTo(-SqliteStore.BatchCacheKib));
        }
        Assert.That(connection.ExecuteScalar<long>("PRAGMA cache_size"), Is.EqualTo(before));
    }

    [Test]
    public void Services_providers_and_corridors_of_a_second_file_are_found_not_duplicated()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestRpw(RpwFile.Write(RpwFile.Rows.Take(40), RpwLayoutKind.Cleaned30), "first.csv");
        var afterFirst = (store.Store.Count("services"), store.Store.Count("providers"), store.Store.Count("corridors"));
        var second = store.IngestRpw(RpwFile.Write(RpwFile.Rows.Take(40).Select(r => r.With(("DATE", "2025-09-30"))), RpwLayoutKind.Cleaned30), "second.csv");
        Assert.That(second.Accepted, Is.GreaterThan(0));
        Assert.That((store.Store.Count("services"), store.Store.Count("providers"), store.Store.Count("corridors")), Is.EqualTo(afterFirst));
        using var connection = store.Store.Open();
        Assert.That(connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT service_id) FROM quote_observations"), Is.EqualTo(afterFirst.Item1));
    }

    [Test]
    [Category("Postgres")]
    public void PostgreSQL_store_holds_the_same_observations_as_SQLite_after_the_RPW_sample()
    {
        using var sqlite = TempStore.WithReferenceData();
        var expected = sqlite.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        using var postgres = TempStore.OnPostgresCluster(defaultData: false);
        var actual = postgres.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        Assert.That((actual.Accepted, actual.Quarantine.Count), Is.EqualTo((expected.Accepted, expected.Quarantine.Count)));
        Assert.That(Observations(postgres.Store), Is.EqualTo(Observations(sqlite.Store)));
    }

    /// <summary>Each observation's identity and values, engine-neutral and in a stable order.</summary>
    private static List<string> Observations(Store store)
    {
        using var connection = store.Open();
        return connection.Query<string>(
            """
            SELECT p.name || '|' || c.from_country || c.to_country || '|' || s.send_currency || s.payout_currency || '|' || o.row_hash || '|'
                   || o.fee_schedule || '|' || COALESCE(o.rate, '-') || '|' || COALESCE(o.cc2_total_cost_pct, '-') || '|' || o.collected_at
            FROM quote_observations o JOIN services s ON s.id = o.service_id JOIN providers p ON p.id = s.provider_id
            JOIN corridors c ON c.id = s.corridor_id
            """).Order(StringComparer.Ordinal).ToList();
    }
}
