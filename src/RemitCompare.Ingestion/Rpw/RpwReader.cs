using System.Security.Cryptography;
using RemitCompare.Data.Batches;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>What one RPW file yields: observations ready to store, and the rows quarantined with their reasons.</summary>
/// <param name="Layout">Which layout the header matched.</param>
/// <param name="Observations">Valid rows.</param>
/// <param name="Quarantine">Rejected rows.</param>
/// <param name="RowsRead">Data rows read.</param>
public sealed record RpwParseResult(string Layout, IReadOnlyList<ObservationRecord> Observations, IReadOnlyList<QuarantinedRow> Quarantine, int RowsRead);

/// <summary>
/// Reads World Bank Remittance Prices Worldwide rows (42-column dataset layout or 30-column cleaned layout) into
/// observations: each row is one service's price at two amounts, turned into a two-point fee model, with its
/// currencies and rate direction inferred and recorded.
/// </summary>
public sealed class RpwReader(CountryCatalog countries, CurrencyCatalog currencies, ReferenceRateBook rates)
{
    /// <summary>Source name of RPW batches.</summary>
    public const string Source = "rpw";

    /// <summary>Reads every row of a file; throws <see cref="IngestionException"/> only when the header is not RPW.</summary>
    public RpwParseResult Read(TextReader text)
    {
        using var csv = CsvFiles.Open(text);
        var layout = RpwLayout.FromHeader(csv);
        var rows = new List<RpwRow>();
        var quarantine = new List<QuarantinedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowNumber = 1;
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (csv.Read())
        {
            rowNumber++;
            var (row, rejected) = RpwRowParser.Parse(csv, layout, rowNumber, countries, sha256);
            if (rejected is not null) quarantine.Add(rejected);
            else if (seen.TryGetValue(row!.Hash, out var first)) quarantine.Add(new QuarantinedRow(rowNumber, null, $"duplicate of row {first}", row.Raw));
            else
            {
                seen[row.Hash] = rowNumber;
                rows.Add(row);
            }
        }

        var inference = new CurrencyInference(rows, rates, iso3 => countries.TryGet(iso3, out var c) ? c.CurrencyCode : null);
        var observations = new List<ObservationRecord>(rows.Count);
        foreach (var row in rows)
        {
            var (reading, problem) = inference.Read(row);
            if (reading is null)
                quarantine.Add(new QuarantinedRow(row.Row, "inter lcu bank fx", problem!, row.Raw));
            else if (!currencies.TryGet(reading.SendCurrency, out _) || !currencies.TryGet(reading.PayoutCurrency, out _))
                quarantine.Add(new QuarantinedRow(row.Row, "cc1 lcu code", $"unknown currency {reading.SendCurrency} or {reading.PayoutCurrency}", row.Raw));
            else
                observations.Add(ToObservation(row, reading));
        }
        quarantine.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return new RpwParseResult(layout.Name, observations, quarantine, rowNumber - 1);
    }

    private static ObservationRecord ToObservation(RpwRow row, RateReading reading)
    {
        decimal? Normalise(decimal? rate) => rate is { } r ? reading.Normalise(r) : null;
        SurveyPoint Point(RpwPoint p) => new(p.Amount, p.Fee, row.Transparent ? Normalise(p.Rate) : null, p.Margin, p.Total);
        var interbank = row.EffectiveInterbank;
        var notes = new[] { reading.Note, row.DateNote, row.Interbank is null && interbank is not null ? "interbank rate implied by cc1 rate and margin" : null }
            .Where(n => n is not null);
        return new ObservationRecord
        {
            SourceRow = row.Row,
            RowHash = row.Hash,
            PreviousRowHash = row.PreviousHash,
            Provider = row.Firm,
            FirmType = row.FirmType,
            From = row.From,
            To = row.To,
            Funding = row.Funding,
            Payout = row.Payout,
            SendCurrency = reading.SendCurrency,
            PayoutCurrency = reading.PayoutCurrency,
            CollectedAt = row.CollectedAt,
            Period = row.Period,
            Speed = row.Speed,
            SenderFee = FeeSchedule.FromTwoPoints(row.Cc1.Amount, row.Cc1.Fee, row.Cc2.Amount, row.Cc2.Fee),
            Rate = row.Transparent ? Normalise(row.Cc1.Rate) : null,
            InterbankRate = Normalise(interbank),
            Promotion = row.Promotion,
            SurveyedLow = Math.Min(row.Cc1.Amount, row.Cc2.Amount),
            SurveyedHigh = Math.Max(row.Cc1.Amount, row.Cc2.Amount),
            Cc1 = Point(row.Cc1),
            Cc2 = Point(row.Cc2),
            Inference = string.Join("; ", notes) is { Length: > 0 } joined ? joined : null,
        };
    }
}
