using System.Globalization;
using System.Security.Cryptography;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>
/// What makes two RPW rows the same row: a hash of their values, not of how a file wrote them. Numbers count as
/// numbers (<c>18000</c>, <c>18000.00</c> and <c>"18,000"</c> are one value), text is trimmed with every run of white
/// space as one space, codes are upper case, the period and the collection date take one form, the missing markers
/// (empty, <c>..</c>, <c>N/A</c>) are one, so are <c>yes</c>, <c>Yes</c> and <c>y</c>; the corridor column, which only
/// repeats the two country codes, does not count. Quoting never reaches the hash: the CSV reader removes it.
/// </summary>
internal static class RpwRowHash
{
    /// <summary>The hash of a parsed row's values; <paramref name="fields"/> are its fields as read, for the text ones.</summary>
    public static string Of(RpwRow row, string[] fields, IncrementalHash sha256)
    {
        var values = new string[fields.Length];
        for (var f = 0; f < values.Length; f++) values[f] = RowHash.Text(fields[f]);
        values[(int)RpwField.Period] = row.Period;
        values[(int)RpwField.SourceCode] = row.From;
        values[(int)RpwField.DestinationCode] = row.To;
        Point(values, RpwField.Cc1Amount, row.Cc1);
        Point(values, RpwField.Cc2Amount, row.Cc2);
        values[(int)RpwField.Interbank] = RowHash.Number(row.Interbank);
        values[(int)RpwField.Transparent] = row.Transparent ? "yes" : "no";
        values[(int)RpwField.Date] = row.DateNote is null ? row.CollectedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        values[(int)RpwField.Corridor] = "";
        return RowHash.Digest(values, sha256);
    }

    /// <summary>
    /// The hash earlier versions stored for the same row: over the fields' text as read (trimmed). A row stored
    /// under it is the same row, so a file ingested before the hash took values is not stored again.
    /// </summary>
    public static string Previous(string[] fields, IncrementalHash sha256) => RowHash.Digest(fields, sha256);

    /// <summary>The seven fields of one surveyed amount, in <see cref="RpwField"/> order from its amount.</summary>
    private static void Point(string[] values, RpwField amount, RpwPoint point)
    {
        var at = (int)amount;
        values[at] = RowHash.Number(point.Amount);
        values[at + 1] = RowHash.Number(point.Denomination);
        values[at + 2] = point.Code;
        values[at + 3] = RowHash.Number(point.Fee);
        values[at + 4] = RowHash.Number(point.Rate);
        values[at + 5] = RowHash.Number(point.Margin);
        values[at + 6] = RowHash.Number(point.Total);
    }
}
