using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    /// <summary>Dividing by this one drops trailing zeros and nothing else: 18000.00 → 18000.</summary>
    private const decimal One = 1.0000000000000000000000000000m;

    /// <summary>The hash of a parsed row's values; <paramref name="fields"/> are its fields as read, for the text ones.</summary>
    public static string Of(RpwRow row, string[] fields, IncrementalHash sha256)
    {
        var values = new string[fields.Length];
        for (var f = 0; f < values.Length; f++) values[f] = Text(fields[f]);
        values[(int)RpwField.Period] = row.Period;
        values[(int)RpwField.SourceCode] = row.From;
        values[(int)RpwField.DestinationCode] = row.To;
        Point(values, RpwField.Cc1Amount, row.Cc1);
        Point(values, RpwField.Cc2Amount, row.Cc2);
        values[(int)RpwField.Interbank] = Number(row.Interbank);
        values[(int)RpwField.Transparent] = row.Transparent ? "yes" : "no";
        values[(int)RpwField.Date] = row.DateNote is null ? row.CollectedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        values[(int)RpwField.Corridor] = "";
        return Digest(values, sha256);
    }

    /// <summary>
    /// The hash earlier versions stored for the same row: over the fields' text as read (trimmed). A row stored
    /// under it is the same row, so a file ingested before the hash took values is not stored again.
    /// </summary>
    public static string Previous(string[] fields, IncrementalHash sha256) => Digest(fields, sha256);

    /// <summary>The seven fields of one surveyed amount, in <see cref="RpwField"/> order from its amount.</summary>
    private static void Point(string[] values, RpwField amount, RpwPoint point)
    {
        var at = (int)amount;
        values[at] = Number(point.Amount);
        values[at + 1] = Number(point.Denomination);
        values[at + 2] = point.Code;
        values[at + 3] = Number(point.Fee);
        values[at + 4] = Number(point.Rate);
        values[at + 5] = Number(point.Margin);
        values[at + 6] = Number(point.Total);
    }

    private static string Number(decimal? value) => value is { } v ? (v / One).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>Trimmed, with every run of white space as one space, and the missing markers as empty; most fields need no copy.</summary>
    private static string Text(string text)
    {
        var span = text.AsSpan().Trim();
        if (CsvFiles.IsMissing(span)) return "";
        var plain = true;
        for (var i = 0; i < span.Length && plain; i++)
            plain = !char.IsWhiteSpace(span[i]) || (span[i] == ' ' && !char.IsWhiteSpace(span[i + 1]));
        if (plain) return span.Length == text.Length ? text : span.ToString();
        return string.Join(' ', span.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The first 128 bits of SHA-256 over the values joined by U+001F, in lower-case hex: stored hashes depend on
    /// exactly this. One incremental hash is reused for a whole file: a one-shot hash per row was a third of the parse time.
    /// </summary>
    private static string Digest(string[] values, IncrementalHash sha256)
    {
        var joined = string.Join('\u001f', values);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(joined.Length));
        try
        {
            sha256.AppendData(buffer, 0, Encoding.UTF8.GetBytes(joined, buffer));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            sha256.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
