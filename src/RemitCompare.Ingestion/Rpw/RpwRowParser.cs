using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using RemitCompare.Data;
using RemitCompare.Data.Batches;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Services;
using RemitCompare.Ingestion.Files;
using Sylvan.Data.Csv;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>
/// Parses the fields of one RPW row into an <see cref="RpwRow"/>, or says which field is wrong and why: missing
/// markers (<c>..</c>, <c>N/A</c>), numbers stored as text, <c>Yes</c>/<c>yes</c>, KSV for Kosovo, and the rule
/// that a row's total cost % is its fee % plus its margin within the 2-decimal rounding of the published figures.
/// </summary>
internal static partial class RpwRowParser
{
    /// <summary>Published percentages carry 2 decimals, so fee % + margin may differ from the total by half a unit in the last place.</summary>
    public const decimal TotalCostTolerance = 0.0051m;

    public static (RpwRow? Row, QuarantinedRow? Rejected) Parse(CsvDataReader csv, RpwLayout layout, int row, CountryCatalog countries, IncrementalHash sha256)
    {
        var raw = CsvFiles.RawRow(csv);
        var fields = layout.Fields(csv);
        string Get(RpwField f) => fields[(int)f];
        QuarantinedRow Reject(RpwField field, string reason) => new(row, FieldName(field), reason, raw);

        if (ParsePeriod(Get(RpwField.Period)) is not { } period)
            return (null, Reject(RpwField.Period, $"period '{Get(RpwField.Period)}' is not a quarter such as 2025_3Q"));
        if (!countries.TryGet(Get(RpwField.SourceCode), out var from))
            return (null, Reject(RpwField.SourceCode, $"unknown sending country '{Get(RpwField.SourceCode)}'"));
        if (!countries.TryGet(Get(RpwField.DestinationCode), out var to))
            return (null, Reject(RpwField.DestinationCode, $"unknown receiving country '{Get(RpwField.DestinationCode)}'"));
        if (from.Iso3 == to.Iso3)
            return (null, Reject(RpwField.DestinationCode, "sending and receiving country are the same"));
        var corridor = Get(RpwField.Corridor).ToUpperInvariant();
        if (corridor.Length > 0 && corridor != Get(RpwField.SourceCode).ToUpperInvariant() + Get(RpwField.DestinationCode).ToUpperInvariant())
            return (null, Reject(RpwField.Corridor, $"corridor '{corridor}' does not match {Get(RpwField.SourceCode)} → {Get(RpwField.DestinationCode)}"));
        var firm = Get(RpwField.Firm);
        if (firm.Length == 0) return (null, Reject(RpwField.Firm, "firm is empty"));

        var transparentText = Get(RpwField.Transparent).ToLowerInvariant();
        if (transparentText is not ("" or "yes" or "no" or "y" or "n" or "1" or "0" or "true" or "false"))
            return (null, Reject(RpwField.Transparent, $"transparent '{Get(RpwField.Transparent)}' is not yes or no"));

        var cc1 = ParsePoint(Get, 1, 200m, out var error1);
        if (cc1 is null) return (null, error1);
        var cc2 = ParsePoint(Get, 2, 500m, out var error2);
        if (cc2 is null) return (null, error2);
        if (!CsvFiles.TryParseDecimal(Get(RpwField.Interbank), out var interbank) || interbank <= 0)
            return (null, Reject(RpwField.Interbank, $"interbank rate '{Get(RpwField.Interbank)}' is not a positive number"));

        // Undisclosed rates are published as rate 1 with margin 0; an explicit 'no' says the same.
        var transparent = transparentText switch
        {
            "no" or "n" or "0" or "false" => false,
            "" => !(cc1.Rate == 1m && cc1.Margin is null or 0m),
            _ => true,
        };
        if (transparent && (cc1.Rate is null || cc2.Rate is null))
            return (null, Reject(cc1.Rate is null ? RpwField.Cc1Rate : RpwField.Cc2Rate, "exchange rate is missing on a transparent row"));
        if (transparent && CheckTotal(cc1, RpwField.Cc1Total) is { } bad1) return (null, Reject(RpwField.Cc1Total, bad1));
        if (transparent && CheckTotal(cc2, RpwField.Cc2Total) is { } bad2) return (null, Reject(RpwField.Cc2Total, bad2));

        var (collected, dateNote) = ParseDate(Get(RpwField.Date), period);
        var notes = Get(RpwField.Note1) + " " + Get(RpwField.Note2);
        var parsed = new RpwRow
        {
            Row = row,
            Raw = raw,
            Period = period,
            From = from.Iso3,
            To = to.Iso3,
            Firm = firm,
            FirmType = Get(RpwField.FirmType) is { Length: > 0 } type ? type : "Not specified",
            Funding = MethodNames.FundingFromText(Get(RpwField.PaymentInstrument)),
            Payout = MethodNames.PayoutFromText(Get(RpwField.PickupMethod)),
            Speed = MethodNames.SpeedFromText(Get(RpwField.Speed)),
            Cc1 = cc1,
            Cc2 = cc2,
            Interbank = interbank,
            Transparent = transparent,
            Promotion = notes.Contains("promotion", StringComparison.OrdinalIgnoreCase) || notes.Contains("discount", StringComparison.OrdinalIgnoreCase),
            CollectedAt = collected,
            DateNote = dateNote,
        };
        return (parsed with { Hash = RpwRowHash.Of(parsed, fields, sha256), PreviousHash = RpwRowHash.Previous(fields, sha256) }, null);

        RpwPoint? ParsePoint(Func<RpwField, string> get, int n, decimal defaultDenomination, out QuarantinedRow? error)
        {
            var offset = n == 1 ? 0 : RpwField.Cc2Amount - RpwField.Cc1Amount;
            RpwField F(RpwField cc1Field) => cc1Field + offset;
            error = null;
            if (!CsvFiles.TryParseDecimal(get(F(RpwField.Cc1Amount)), out var amount) || amount is not > 0)
                error = Reject(F(RpwField.Cc1Amount), $"amount '{get(F(RpwField.Cc1Amount))}' is not a positive number");
            else if (!CsvFiles.TryParseDecimal(get(F(RpwField.Cc1Fee)), out var fee) || fee is not >= 0)
                error = Reject(F(RpwField.Cc1Fee), $"fee '{get(F(RpwField.Cc1Fee))}' is not a number of zero or more");
            else if (!CsvFiles.TryParseDecimal(get(F(RpwField.Cc1Rate)), out var rate) || rate <= 0)
                error = Reject(F(RpwField.Cc1Rate), $"exchange rate '{get(F(RpwField.Cc1Rate))}' is not a positive number");
            else if (!CsvFiles.TryParseDecimal(get(F(RpwField.Cc1Margin)), out var margin))
                error = Reject(F(RpwField.Cc1Margin), $"fx margin '{get(F(RpwField.Cc1Margin))}' is not a number");
            else if (!CsvFiles.TryParseDecimal(get(F(RpwField.Cc1Total)), out var total))
                error = Reject(F(RpwField.Cc1Total), $"total cost '{get(F(RpwField.Cc1Total))}' is not a number");
            else if (!CsvFiles.TryParseDecimal(get(F(RpwField.Cc1Denomination)), out var denomination) || denomination <= 0)
                error = Reject(F(RpwField.Cc1Denomination), $"denomination '{get(F(RpwField.Cc1Denomination))}' is not a positive number");
            else
            {
                var code = get(F(RpwField.Cc1Code)).ToUpperInvariant();
                if (code.Length == 0) code = get(RpwField.Cc1Code).ToUpperInvariant();
                return new RpwPoint(amount.Value, denomination ?? defaultDenomination, code, fee.Value, rate, margin, total);
            }
            return null;
        }

        string? CheckTotal(RpwPoint p, RpwField field)
        {
            if (p.Margin is not { } margin || p.Total is not { } total) return null;
            var computed = (p.Fee / p.Amount * 100m) + margin;
            return Math.Abs(computed - total) <= TotalCostTolerance
                ? null
                : $"{FieldName(field)} {total} is not fee % + margin ({computed:0.####})";
        }
    }

    public static string FieldName(RpwField field) => RpwLayout.ColumnName(field);

    /// <summary><c>2025_3Q</c>, <c>2025Q3</c>, <c>Q3 2025</c> → <c>2025Q3</c>.</summary>
    public static string? ParsePeriod(string text) => Domain.Indicators.SurveyPeriod.Normalise(text);

    /// <summary>The first day of a period's middle month, used when a row carries no collection date.</summary>
    public static DateTimeOffset MidQuarter(string period) =>
        new(int.Parse(period[..4], CultureInfo.InvariantCulture), ((period[5] - '1') * 3) + 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss"];

    private static (DateTimeOffset, string?) ParseDate(string text, string period)
    {
        if (StoredTime.TryParseDay(text, out var day)) return (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return (new DateTimeOffset(date.Date, TimeSpan.Zero), null);
        return (MidQuarter(period), $"no readable collection date ('{text}'): the middle of {period} was used");
    }
}
