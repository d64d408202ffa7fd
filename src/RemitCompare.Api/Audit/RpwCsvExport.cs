using System.Globalization;
using System.Text;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Services;

namespace RemitCompare.Api.Audit;

/// <summary>
/// Writes survey rows in the World Bank's 42-column RPW dataset layout, so an export can be re-ingested (or read by
/// tools built for the World Bank file). Columns the store does not hold (income group, lending, notes) are empty;
/// denomination amounts are the methodology's USD 200 and USD 500; undisclosed rates are written as rate 1, margin 0.
/// </summary>
public static class RpwCsvExport
{
    /// <summary>The 42 column names, as in the World Bank workbook.</summary>
    public static readonly string[] Header =
    [
        "id", "period", "source_code", "source_name", "source_region", "source_income", "source_lending", "source_G8G20",
        "destination_code", "destination_name", "destination_region", "destination_income", "destination_lending", "destination_G8G20",
        "firm", "firm_type", "payment instrument", "access point", "speed actual",
        "cc1 lcu amount", "cc1 denomination amount", "cc1 lcu code", "cc1 lcu fee", "cc1 lcu fx rate", "cc1 fx margin", "cc1 total cost %",
        "cc2 lcu amount", "cc2 denomination amount", "cc2 lcu code", "cc2 lcu fee", "cc2 lcu fx rate", "cc2 fx margin", "cc2 total cost %",
        "inter lcu bank fx", "transparent", "Standard Note", "note2", "receiving network coverage", "pickup location", "pickup method", "date", "corridor",
    ];

    private static readonly string[] SpeedTexts = ["Less than one hour", "Same day", "Next day", "2 days", "3-5 days", "6 days or more"];

    /// <summary>The CSV text (LF line ends, UTF-8 without a byte-order mark when encoded).</summary>
    public static string Write(IEnumerable<SurveyRow> rows)
    {
        var csv = new StringBuilder().AppendJoin(',', Header.Select(Quote)).Append('\n');
        foreach (var row in rows) csv.AppendJoin(',', Fields(row).Select(Quote)).Append('\n');
        return csv.ToString();
    }

    private static IEnumerable<string> Fields(SurveyRow r)
    {
        var o = r.Observation;
        var period = string.Concat(o.Period.AsSpan(0, 4), "_", o.Period.AsSpan(5, 1), "Q");
        return
        [
            Text(o.ObservationId), period, o.From, r.FromName, o.SendingRegion ?? "", "", "", "",
            o.To, r.ToName, o.ReceivingRegion ?? "", "", "", "",
            o.Provider, o.FirmType, r.Funding, "", o.Speed is { } s ? SpeedTexts[(int)s] : "",
            .. Point(r.Cc1, 200m, r.SendCurrency, o.Transparent), .. Point(r.Cc2, 500m, r.SendCurrency, o.Transparent),
            Text(r.InterbankRate), o.Transparent ? "yes" : "no", "", "", "", "", o.Payout.Name(),
            r.CollectedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.From + o.To,
        ];
    }

    private static string[] Point(StoredPoint p, decimal denomination, string currency, bool transparent) =>
    [
        Text(p.Amount), Text(denomination), currency, Text(p.Fee),
        transparent ? Text(p.Rate) : "1", transparent ? Text(p.MarginPct) : "0", Text(p.TotalCostPct),
    ];

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
