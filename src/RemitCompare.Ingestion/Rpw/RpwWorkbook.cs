using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>
/// The World Bank publishes the full RPW dataset as a workbook: the sheet whose header row names <c>period</c> and
/// <c>firm</c> (e.g. "Dataset (from Q2 2016)") is read as the same rows a CSV export would hold.
/// </summary>
public static class RpwWorkbook
{
    /// <summary>The dataset sheet of a workbook as CSV text; throws <see cref="IngestionException"/> when no sheet has RPW columns.</summary>
    public static string ToCsv(Payload payload)
    {
        foreach (var sheet in Workbook.Read(payload))
        {
            for (var row = 0; row < Math.Min(sheet.Rows.Count, 20); row++)
            {
                var cells = sheet.Rows[row].Select(c => c.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
                if (cells.Contains("period") && cells.Contains("firm")) return Workbook.ToCsv(sheet.Rows, row);
            }
        }
        throw new IngestionException("Not an RPW workbook: no sheet has a header row with period and firm.");
    }
}
