using System.Globalization;
using Dapper;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Data.Rates;

/// <summary>The SQL of the reference_rates table.</summary>
public sealed class RateStore(Store store)
{
    /// <summary>ECB rates (units per EUR) from batches finished by <paramref name="asOf"/> (every batch when null).</summary>
    public IEnumerable<(string Currency, DateOnly Date, decimal Rate)> EuroRates(DateTimeOffset? asOf = null)
    {
        var cutoff = StoredTime.Format(asOf ?? DateTimeOffset.MaxValue);
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

    /// <summary>A rate book of every ECB rate held, for validating and reading new rows against mid-market.</summary>
    public ReferenceRateBook EcbBook() => new(EuroRates(), []);
}
