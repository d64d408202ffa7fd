using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace RemitCompare.Ingestion.Files;

/// <summary>One worksheet as text cells: numbers in invariant notation, dates as <c>yyyy-MM-dd</c>, empty cells as "".</summary>
/// <param name="Name">Sheet name.</param>
/// <param name="Rows">Rows top to bottom.</param>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string[]> Rows);

/// <summary>Reads Excel workbooks (xlsx, and the older xls) as the World Bank publishes them, through ExcelDataReader.</summary>
public static class Workbook
{
    static Workbook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // xls text uses Windows code pages

    /// <summary>Whether the payload is a workbook: a zip package (xlsx) or an OLE compound file (xls).</summary>
    public static bool IsWorkbook(Payload payload) =>
        payload.Bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || payload.Bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });

    /// <summary>Every sheet of the workbook; throws <see cref="IngestionException"/> when it cannot be read.</summary>
    public static IReadOnlyList<WorkbookSheet> Read(Payload payload)
    {
        try
        {
            using var stream = new MemoryStream(payload.Bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<WorkbookSheet>();
            do
            {
                var rows = new List<string[]>();
                while (reader.Read())
                {
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = Text(reader.GetValue(i));
                    rows.Add(cells);
                }
                sheets.Add(new WorkbookSheet(reader.Name, rows));
            }
            while (reader.NextResult());
            return sheets;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException)
        {
            throw new IngestionException($"Not a readable workbook: {e.Message}");
        }
    }

    /// <summary>Rows from <paramref name="headerRow"/> on as CSV text, trailing empty columns and empty rows left out.</summary>
    public static string ToCsv(IReadOnlyList<string[]> rows, int headerRow)
    {
        var width = rows[headerRow].Length;
        while (width > 0 && rows[headerRow][width - 1].Length == 0) width--;
        var csv = new StringBuilder();
        foreach (var row in rows.Skip(headerRow).Where(r => r.Any(c => c.Length > 0)))
            csv.AppendJoin(',', Enumerable.Range(0, width).Select(i => Quote(i < row.Length ? row[i] : ""))).Append('\n');
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
