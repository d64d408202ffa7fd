using System.Globalization;
using Sylvan.Data.Csv;

namespace RemitCompare.Ingestion.Files;

/// <summary>Opens CSV text with Sylvan's reader the same way for every source: comma-separated, headers on, every field text.</summary>
public static class CsvFiles
{
    /// <summary>A reader over CSV text with a header row.</summary>
    public static CsvDataReader Open(TextReader text) =>
        CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = ',',
            // Real files have quoted commas in notes; 1 MiB is far above any real row and bounds a hostile one.
            MaxBufferSize = 1 << 20,
        });

    /// <summary>The current row as CSV text, for quarantine.</summary>
    public static string RawRow(CsvDataReader csv)
    {
        var fields = new string[csv.RowFieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var value = csv.GetString(i);
            fields[i] = value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        }
        return string.Join(',', fields);
    }

    /// <summary>True for the markers data files write for a missing value: empty, <c>..</c>, <c>N/A</c>, <c>NA</c> (trimmed).</summary>
    public static bool IsMissing(ReadOnlySpan<char> text) =>
        text.IsEmpty || text is ".." || text.Equals("N/A", StringComparison.OrdinalIgnoreCase) || text.Equals("NA", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an invariant decimal written as text in a data file; null for the missing markers (empty, <c>..</c>, <c>N/A</c>).</summary>
    public static bool TryParseDecimal(string? text, out decimal? value)
    {
        value = null;
        // Spans, not trimmed copies: this runs for a dozen fields of every row.
        var t = text.AsSpan().Trim().TrimEnd('%').Trim();
        if (IsMissing(t)) return true;
        if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        // Thousands separators ("1,800.00") appear in hand-edited exports.
        if (decimal.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }
}
