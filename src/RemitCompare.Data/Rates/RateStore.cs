using RemitCompare.Domain.Pricing;

namespace RemitCompare.Data.Rates;

/// <summary>The SQL of the reference_rates table.</summary>
public sealed class RateStore(Store store)
{
    /// <summary>ECB rates (units per EUR) from batches finished by <paramref name="asOf"/> (every batch when null).</summary>
    public IEnumerable<(string Currency, DateOnly Date, decimal Rate)> EuroRates(DateTimeOffset? asOf = null)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT r.quote, r.rate_date, r.rate FROM reference_rates r JOIN batches b ON b.id = r.batch_id
            WHERE r.source = 'ecb' AND r.base = 'EUR' AND b.finished_at <= @cutoff
            """;
        var cutoff = command.CreateParameter();
        cutoff.ParameterName = "@cutoff";
        cutoff.Value = StoredTime.Format(asOf ?? DateTimeOffset.MaxValue);
        command.Parameters.Add(cutoff);
        // Read by hand: the whole history (tens of thousands of rows) is loaded on every start and every ingestion.
        var rates = new List<(string, DateOnly, decimal)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var date = reader.GetString(1);
            rates.Add((reader.GetString(0),
                StoredTime.TryParseDay(date, out var day) ? day : throw new InvalidDataException($"Reference rate date '{date}' is not yyyy-MM-dd."),
                DecimalText.Parse(reader.GetString(2))!.Value));
        }
        return rates;
    }

    /// <summary>A rate book of every ECB rate held, for validating and reading new rows against mid-market.</summary>
    public ReferenceRateBook EcbBook() => new(EuroRates(), []);
}
