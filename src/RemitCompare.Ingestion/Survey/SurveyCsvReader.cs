using System.Globalization;
using System.Security.Cryptography;
using RemitCompare.Data.Batches;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Services;
using RemitCompare.Ingestion.Files;
using RemitCompare.Ingestion.Rpw;
using Sylvan.Data.Csv;

namespace RemitCompare.Ingestion.Survey;

/// <summary>
/// Reads the RemitCompare survey CSV (docs/survey-layout.md): one row per price an organisation observed for one send
/// amount — provider, corridor, currencies, amount, fee, rate, receive fee, methods, speed, when, promotion.
/// </summary>
public sealed class SurveyCsvReader(CountryCatalog countries, CurrencyCatalog currencies, TimeProvider clock)
{
    /// <summary>Source name of batches in this layout.</summary>
    public const string Source = "survey-csv";

    /// <summary>Layout name reported for these files.</summary>
    public const string LayoutName = "remitcompare-survey";

    /// <summary>The columns, in the documented order (any order is read; names are matched without case).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "provider", "firm_type", "from", "to", "send_currency", "payout_currency", "amount", "fee", "rate", "receive_fee",
        "payout_method", "funding_method", "speed", "collected_at", "promotion",
    ];

    /// <summary>The largest amount, fee or rate a row may carry.</summary>
    public const decimal MaxNumber = 1_000_000_000m;

    /// <summary>True when a header row names every column of this layout.</summary>
    public static bool Matches(IEnumerable<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return Columns.All(names.Contains);
    }

    /// <summary>Reads every row; stops with <see cref="IngestionException"/> when the file holds more than <paramref name="maxRows"/> rows.</summary>
    public RpwParseResult Read(TextReader text, int maxRows = int.MaxValue)
    {
        using var csv = CsvFiles.Open(text);
        var ordinals = Columns.ToDictionary(c => c, c => Ordinal(csv, c));
        var observations = new List<ObservationRecord>();
        var quarantine = new List<QuarantinedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rowNumber = 1;
        while (csv.Read())
        {
            if (++rowNumber - 1 > maxRows) throw new IngestionException($"the file holds more than {maxRows} rows");
            var row = new SurveyRow(csv, ordinals, rowNumber);
            if (Parse(row, sha256) is not { } observation) quarantine.Add(row.Rejection!);
            else if (seen.TryGetValue(observation.RowHash, out var first)) quarantine.Add(new QuarantinedRow(rowNumber, null, $"duplicate of row {first}", row.Raw));
            else
            {
                seen[observation.RowHash] = rowNumber;
                observations.Add(observation);
            }
        }
        return new RpwParseResult(LayoutName, observations, quarantine, rowNumber - 1);
    }

    private static int Ordinal(CsvDataReader csv, string column)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (string.Equals(csv.GetName(i).Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new IngestionException($"the header has no '{column}' column; the survey layout needs: {string.Join(",", Columns)}");
    }

    private ObservationRecord? Parse(SurveyRow row, IncrementalHash sha256)
    {
        var provider = row.Text("provider", 200);
        var firmType = row.Text("firm_type", 100);
        if (provider is null || firmType is null) return null;
        if (!countries.TryGet(row["from"], out var from)) return row.Reject("from", $"unknown sending country '{Shorten(row["from"])}' (ISO 3166 alpha-3)");
        if (!countries.TryGet(row["to"], out var to)) return row.Reject("to", $"unknown receiving country '{Shorten(row["to"])}' (ISO 3166 alpha-3)");
        if (from.Iso3 == to.Iso3) return row.Reject("to", "sending and receiving country are the same");
        if (!currencies.TryGet(row["send_currency"].ToUpperInvariant(), out var send)) return row.Reject("send_currency", $"unknown currency '{Shorten(row["send_currency"])}' (ISO 4217)");
        if (!currencies.TryGet(row["payout_currency"].ToUpperInvariant(), out var payout)) return row.Reject("payout_currency", $"unknown currency '{Shorten(row["payout_currency"])}' (ISO 4217)");
        if (row.Number("amount", required: true, positive: true) is not { } amount) return null;
        if (row.Number("fee", required: true, positive: false) is not { } fee) return null;
        if (fee >= amount) return row.Reject("fee", "the fee is not less than the amount sent");
        if (!row.Number("rate", required: false, positive: true, out var rate)) return null;
        if (!row.Number("receive_fee", required: false, positive: false, out var receiveFee)) return null;
        if (!MethodNames.TryParsePayout(row["payout_method"], out var payoutMethod)) return row.Reject("payout_method", $"'{Shorten(row["payout_method"])}' is not one of {string.Join(", ", MethodNames.PayoutMethodNames)}");
        if (!MethodNames.TryParseFunding(row["funding_method"], out var funding)) return row.Reject("funding_method", $"'{Shorten(row["funding_method"])}' is not one of {string.Join(", ", MethodNames.FundingMethodNames)}");
        Speed? speed = null;
        if (row["speed"].Length > 0)
        {
            if (!MethodNames.TryParseSpeed(row["speed"], out var parsed)) return row.Reject("speed", $"'{Shorten(row["speed"])}' is not one of {string.Join(", ", MethodNames.SpeedCategoryNames)}");
            speed = parsed;
        }
        if (CollectedAt(row) is not { } collected) return null;
        if (Flag(row) is not { } promotion) return null;
        var observation = new ObservationRecord
        {
            SourceRow = row.RowNumber,
            RowHash = "",
            Provider = provider,
            FirmType = firmType,
            From = from.Iso3,
            To = to.Iso3,
            Funding = funding,
            Payout = payoutMethod,
            SendCurrency = send.Code,
            PayoutCurrency = payout.Code,
            CollectedAt = collected,
            Speed = speed,
            SenderFee = FeeSchedule.Fixed(fee),
            ReceiveFee = receiveFee is > 0 ? FeeSchedule.Fixed(receiveFee.Value) : null,
            Rate = rate,
            Promotion = promotion,
            SurveyedLow = amount,
            SurveyedHigh = amount,
        };
        return observation with
        {
            RowHash = SurveyRowHash.Of(observation, fee, receiveFee, sha256),
            PreviousRowHash = SurveyRowHash.Previous(c => row[c], observation, sha256),
        };
    }

    private DateTimeOffset? CollectedAt(SurveyRow row)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK", "yyyy-MM-dd HH:mm:ss"];
        if (!DateTimeOffset.TryParseExact(row["collected_at"].Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return row.RejectDate($"'{Shorten(row["collected_at"])}' is not a date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm:ssZ)");
        if (at.Year < 2000) return row.RejectDate("is before 2000");
        if (at > clock.GetUtcNow().AddDays(1)) return row.RejectDate("is in the future");
        return at.ToUniversalTime();
    }

    private static bool? Flag(SurveyRow row) => row["promotion"].Trim().ToLowerInvariant() switch
    {
        "" or "no" or "false" or "0" => false,
        "yes" or "true" or "1" => true,
        _ => row.RejectFlag($"'{Shorten(row["promotion"])}' is not yes or no"),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>One row's fields by column name, and the reason it was rejected once it is.</summary>
    private sealed class SurveyRow(CsvDataReader csv, Dictionary<string, int> ordinals, int number)
    {
        public int RowNumber { get; } = number;
        public string Raw { get; } = CsvFiles.RawRow(csv);
        public QuarantinedRow? Rejection { get; private set; }

        public string this[string column] => ordinals[column] < csv.RowFieldCount ? csv.GetString(ordinals[column]).Trim() : "";

        public ObservationRecord? Reject(string column, string reason)
        {
            Rejection = new QuarantinedRow(RowNumber, column, reason, Raw);
            return null;
        }

        public DateTimeOffset? RejectDate(string reason)
        {
            Reject("collected_at", reason);
            return null;
        }

        public bool? RejectFlag(string reason)
        {
            Reject("promotion", reason);
            return null;
        }

        public string? Text(string column, int maxLength)
        {
            var value = this[column];
            if (value.Length == 0) Reject(column, "is empty");
            else if (value.Length > maxLength) Reject(column, $"is longer than {maxLength} characters");
            else if (value.Any(char.IsControl)) Reject(column, "holds control characters");
            else return value;
            return null;
        }

        public decimal? Number(string column, bool required, bool positive) =>
            Number(column, required, positive, out var value) ? value : null;

        public bool Number(string column, bool required, bool positive, out decimal? value)
        {
            value = null;
            var text = this[column];
            if (!CsvFiles.TryParseDecimal(text, out var parsed)) Reject(column, $"'{Shorten(text)}' is not a number");
            else if (parsed is null && required) Reject(column, "is empty");
            else if (parsed is { } v && (positive ? v <= 0 : v < 0)) Reject(column, positive ? "must be greater than zero" : "must not be negative");
            else if (parsed > MaxNumber) Reject(column, string.Create(CultureInfo.InvariantCulture, $"is larger than {MaxNumber}"));
            else
            {
                value = parsed;
                return true;
            }
            return false;
        }
    }
}
