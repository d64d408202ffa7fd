using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using RemitCompare.Data.Batches;

namespace RemitCompare.Data.Flows;

/// <summary>One bilateral remittance estimate: USD million sent from one country to another in a year.</summary>
/// <param name="Sender">Sending country (alpha-3).</param>
/// <param name="Receiver">Receiving country (alpha-3).</param>
/// <param name="Year">Year of the estimate.</param>
/// <param name="UsdMillion">Estimated flow, USD million.</param>
public sealed record FlowRecord(string Sender, string Receiver, int Year, decimal UsdMillion);

/// <summary>The <c>remittance_flows</c> table: written with a batch, read as the flows in force at a moment.</summary>
public sealed class FlowStore(Store store)
{
    /// <summary>
    /// Each corridor's flow (key <c>KEN-UGA</c>, USD million) from the latest flows batch finished at or before
    /// <paramref name="cutoff"/> (ISO 8601 UTC text), latest year within it.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Weights(string cutoff)
    {
        using var connection = store.Open();
        var rows = connection.Query<(string Sender, string Receiver, string UsdMillion)>(
            """
            SELECT f.sender, f.receiver, f.usd_million FROM remittance_flows f
            WHERE f.batch_id = (SELECT MAX(b.id) FROM batches b WHERE b.kind = 'flows' AND b.finished_at <= @cutoff AND b.rows_accepted > 0)
              AND f.year = (SELECT MAX(year) FROM remittance_flows g WHERE g.batch_id = f.batch_id)
            """, new { cutoff });
        return rows.ToDictionary(r => r.Sender + "-" + r.Receiver, r => DecimalText.Parse(r.UsdMillion)!.Value, StringComparer.Ordinal);
    }

    /// <summary>Writes a batch's flows inside its transaction, with the batch writer's prepared, batched insert; returns how many were new.</summary>
    internal static int Insert(DbConnection connection, DbTransaction tx, long batchId, IReadOnlyCollection<FlowRecord> flows)
    {
        if (flows.Count == 0) return 0;
        using var insert = new PreparedCommand(connection, tx,
            "INSERT INTO remittance_flows (sender, receiver, year, usd_million, batch_id) VALUES (@sender, @receiver, @year, @amount, @batch) ON CONFLICT DO NOTHING",
            [.. PreparedCommand.Texts("sender", "receiver"), ("year", DbType.Int64), ("amount", DbType.String), ("batch", DbType.Int64)]);
        foreach (var flow in flows) insert.Queue(flow.Sender, flow.Receiver, (long)flow.Year, DecimalText.Format(flow.UsdMillion), batchId);
        return insert.Flush();
    }

    /// <summary>Formats a moment as the cutoff text the store compares with.</summary>
    public static string Cutoff(DateTimeOffset? asOf) => (asOf ?? DateTimeOffset.MaxValue).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
