using Dapper;
using RemitCompare.Data;

namespace RemitCompare.Tests.Reliability;

/// <summary>What a store must always be after a crash or a copy: sound, and holding every batch whole or not at all.</summary>
internal static class StoreChecks
{
    /// <summary>Batches whose stored rows differ from the counts the batch recorded at commit; empty when every batch is whole.</summary>
    public static IReadOnlyList<string> PartialBatches(this Store store)
    {
        using var connection = store.Open();
        return connection.Query<(long Id, long Accepted, long Quarantined, long Observations, long Rates, long Quarantine)>(
            """
            SELECT b.id, b.rows_accepted, b.rows_quarantined,
                   (SELECT COUNT(*) FROM quote_observations o WHERE o.batch_id = b.id),
                   (SELECT COUNT(*) FROM reference_rates r WHERE r.batch_id = b.id)
                   + (SELECT COUNT(*) FROM remittance_flows f WHERE f.batch_id = b.id),
                   (SELECT COUNT(*) FROM quarantine q WHERE q.batch_id = b.id)
            FROM batches b
            """)
            .Where(b => b.Observations + b.Rates != b.Accepted || b.Quarantine != b.Quarantined)
            .Select(b => $"batch {b.Id}: recorded {b.Accepted} accepted / {b.Quarantined} quarantined, holds {b.Observations + b.Rates} / {b.Quarantine}")
            .ToList();
    }
}
