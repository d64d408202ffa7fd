using System.Globalization;
using System.Text;
using RemitCompare.Tests.Support;
using Sylvan.Data.Csv;

namespace RemitCompare.Tests.Ingestion;

/// <summary>The two layouts of RPW files the reader accepts.</summary>
public enum RpwLayoutKind
{
    /// <summary>The 30-column cleaned export (the sample in data/rpw).</summary>
    Cleaned30,
    /// <summary>The World Bank dataset's 42 columns (header in data/rpw/rpw_worldbank_42col_header.csv).</summary>
    WorldBank42,
}

/// <summary>One RPW row as text, keyed by the 30-column header (<c>PERIOD</c>, <c>CC1 LCU FEE</c>, …).</summary>
internal sealed class RpwLine
{
    private readonly Dictionary<string, string> _fields;

    public RpwLine(int fileRow, Dictionary<string, string> fields)
    {
        FileRow = fileRow;
        _fields = fields;
    }

    /// <summary>Row number in the real sample (header = 1).</summary>
    public int FileRow { get; }

    public string this[string column] => _fields[column];

    public decimal Number(string column) => decimal.Parse(_fields[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A copy with some fields replaced; a column name the layout lacks is a test bug.</summary>
    public RpwLine With(params (string Column, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(_fields, StringComparer.Ordinal);
        foreach (var (column, value) in changes)
        {
            if (!copy.ContainsKey(column)) throw new ArgumentException($"No RPW column '{column}'.", nameof(changes));
            copy[column] = value;
        }
        return new RpwLine(FileRow, copy);
    }

    /// <summary>The same row with both points' rate columns and the interbank rate rewritten by <paramref name="rewrite"/>.</summary>
    public RpwLine WithRates(Func<decimal, string> rewrite) => With(
        ("CC1 LCU FX RATE", rewrite(Number("CC1 LCU FX RATE"))),
        ("CC2 LCU FX RATE", rewrite(Number("CC2 LCU FX RATE"))),
        ("INTER LCU BANK FX", rewrite(Number("INTER LCU BANK FX"))));
}

/// <summary>The real East Africa RPW sample as rows of text, and writers of small test files in either layout.</summary>
internal static class RpwFile
{
    private static readonly Lazy<(string[] Header, RpwLine[] Rows)> Sample = new(ReadSample);

    /// <summary>Published checksum of data/rpw/rpw_east_africa_2024_2025.csv (see ../shared/data/README.md).</summary>
    public const string SampleSha256 = "fd0a61a6195bda20ce838b8d5b67906b6b8f6348cf8d798e12ec1c9b4a0b0206";

    /// <summary>The 30 column names of the cleaned layout.</summary>
    public static IReadOnlyList<string> Header30 => Sample.Value.Header;

    /// <summary>The 42 column names of the World Bank layout.</summary>
    public static IReadOnlyList<string> Header42 => File.ReadAllText(RepoFiles.Data("rpw/rpw_worldbank_42col_header.csv")).Trim().Split(',');

    /// <summary>Every data row of the sample, in file order.</summary>
    public static IReadOnlyList<RpwLine> Rows => Sample.Value.Rows;

    /// <summary>The sample row at a file row number (header = 1).</summary>
    public static RpwLine Row(int fileRow) => Sample.Value.Rows[fileRow - 2];

    /// <summary>The sample rows of one corridor (e.g. KENUGA) in one period (e.g. 2025_3Q).</summary>
    public static IReadOnlyList<RpwLine> RowsOf(string corridor, string period) =>
        Rows.Where(r => r["CORRIDOR"] == corridor && r["PERIOD"] == period).ToList();

    /// <summary>CSV text with a header and <paramref name="rows"/> in the chosen layout.</summary>
    public static string Write(IEnumerable<RpwLine> rows, RpwLayoutKind layout)
    {
        var text = new StringBuilder();
        if (layout == RpwLayoutKind.Cleaned30)
        {
            text.Append(string.Join(',', Header30.Select(Quote))).Append('\n');
            foreach (var row in rows) text.Append(string.Join(',', Header30.Select(c => Quote(row[c])))).Append('\n');
            return text.ToString();
        }
        var header = Header42;
        var source = header.Select(WorldBankToCleaned).ToArray();
        text.Append(string.Join(',', header.Select(Quote))).Append('\n');
        var id = 0;
        foreach (var row in rows)
        {
            id++;
            text.Append(string.Join(',', source.Select((column, i) =>
                header[i] == "id" ? id.ToString(CultureInfo.InvariantCulture) : column is null ? "" : Quote(row[column])))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The cleaned-layout column that feeds a World Bank column, or null for the columns the cleaned export dropped.</summary>
    private static string? WorldBankToCleaned(string column)
    {
        var key = Key(column);
        if (key == "standardnote") return "NOTE1";
        return Header30.FirstOrDefault(c => Key(c) == key);
    }

    private static string Key(string column) => new(column.ToLowerInvariant().Where(ch => char.IsLetterOrDigit(ch) || ch == '%').ToArray());

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static (string[], RpwLine[]) ReadSample()
    {
        using var csv = CsvDataReader.Create(RepoFiles.RpwSample);
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<RpwLine>();
        while (csv.Read())
        {
            rows.Add(new RpwLine(rows.Count + 2, header.Select((name, i) => (name, value: csv.GetString(i))).ToDictionary(f => f.name, f => f.value, StringComparer.Ordinal)));
        }
        return (header, rows.ToArray());
    }
}
