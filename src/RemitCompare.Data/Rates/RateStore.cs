using System.Globalization;
using Dapper;

namespace RemitCompare.Data.Rates;

/// <summary>The SQL of the reference_rates table.</summary>
public sealed class RateStore(SqliteStore store)
{
    /// <summary>ECB rates (units per EUR) from batches finished by <paramref name="cutoff"/> (ISO 8601 text).</summary>
    public IEnumerable<(string Currency, DateOnly Date, decimal Rate)> EuroRates(string cutoff)
    {
        using var connection = store.Open();
        return connection.Query<(string Quote, string Date, string Rate)>(
                """
                SELECT r.quote, r.rate_date, r.rate FROM reference_rates r JOIN batches b ON b.id = r.batch_id
                WHERE r.source = 'ecb' AND r.base = 'EUR' AND b.finished_at <= @cutoff
                """,
                new { cutoff })
            .Select(r => (r.Quote, DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), DecimalText.Parse(r.Rate)!.Value))
            .ToList();
    }
}
