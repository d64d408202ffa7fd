using System.Globalization;
using System.Text.RegularExpressions;
using RemitCompare.Data.Batches;
using RemitCompare.Data.Flows;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Flows;

/// <summary>What one flows file yields.</summary>
/// <param name="Layout"><c>knomad-matrix</c> (the published wide workbook) or <c>knomad-long</c> (one row per pair).</param>
/// <param name="Flows">Valid, non-zero estimates.</param>
/// <param name="Quarantine">Rejected rows or cells with their reasons.</param>
/// <param name="RowsRead">Rows (long layout) or filled cells (matrix) read.</param>
public sealed record FlowParseResult(string Layout, IReadOnlyList<FlowRecord> Flows, IReadOnlyList<QuarantinedRow> Quarantine, int RowsRead);

/// <summary>
/// Reads the World Bank/KNOMAD bilateral remittance matrix: the wide workbook as published (senders down, receivers
/// across, World Bank country names) or a long CSV (<c>sender_iso3,receiver_iso3,usd_million_2021</c>).
/// Explicit zeros carry no weight and are left out; unknown names and bad numbers are quarantined.
/// </summary>
public sealed partial class FlowReader(CountryNames names)
{
    /// <summary>Source name of flows batches.</summary>
    public const string Source = "knomad";

    /// <summary>Reads a payload of either layout.</summary>
    public FlowParseResult Read(Payload payload) => Workbook.IsWorkbook(payload) ? ReadMatrix(payload) : ReadLong(payload);

    private FlowParseResult ReadLong(Payload payload)
    {
        using var text = payload.OpenText();
        using var csv = CsvFiles.Open(text);
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToLowerInvariant()).ToList();
        int sender = columns.FindIndex(c => c is "sender_iso3" or "sender"), receiver = columns.FindIndex(c => c is "receiver_iso3" or "receiver");
        var value = columns.FindIndex(c => c.StartsWith("usd_million", StringComparison.Ordinal));
        if (sender < 0 || receiver < 0 || value < 0)
            throw new IngestionException("Not a flows file: the header needs sender_iso3, receiver_iso3 and usd_million_YEAR.");
        var year = Year(columns[value]) ?? Year(payload.Name) ?? throw new IngestionException("The flows file names no year (usd_million_2021 or a year in the file name).");
        var flows = new List<FlowRecord>();
        var quarantine = new List<QuarantinedRow>();
        var row = 1;
        while (csv.Read())
        {
            row++;
            var (flow, problem) = Flow(csv.GetString(sender), csv.GetString(receiver), csv.GetString(value), year);
            if (problem is not null) quarantine.Add(new QuarantinedRow(row, problem.Value.Field, problem.Value.Reason, CsvFiles.RawRow(csv)));
            else if (flow is not null) flows.Add(flow);
        }
        return new FlowParseResult("knomad-long", flows, quarantine, row - 1);
    }

    private FlowParseResult ReadMatrix(Payload payload)
    {
        var sheet = Workbook.Read(payload)[0];
        var header = Enumerable.Range(0, sheet.Rows.Count).FirstOrDefault(i => sheet.Rows[i].Skip(1).Count(c => c.Length > 0) >= 2, -1);
        if (header < 0) throw new IngestionException("Not a flows matrix: no row of receiving countries.");
        var year = sheet.Rows.Take(header + 1).SelectMany(r => r).Select(Year).FirstOrDefault(y => y is not null)
            ?? Year(sheet.Name) ?? Year(payload.Name) ?? throw new IngestionException("The flows workbook names no year.");
        var receivers = sheet.Rows[header];
        var last = Array.FindIndex(receivers, 1, c => c.Equals("WORLD", StringComparison.OrdinalIgnoreCase));
        if (last < 0) last = receivers.Length;
        var flows = new List<FlowRecord>();
        var quarantine = new List<QuarantinedRow>();
        var cells = 0;
        for (var r = header + 1; r < sheet.Rows.Count; r++)
        {
            var cellsOfRow = sheet.Rows[r];
            if (cellsOfRow.Length == 0 || cellsOfRow[0].Length == 0 || cellsOfRow[0].Equals("WORLD", StringComparison.OrdinalIgnoreCase)) break;
            for (var c = 1; c < Math.Min(last, cellsOfRow.Length); c++)
            {
                if (cellsOfRow[c].Length == 0) continue;
                cells++;
                var (flow, problem) = Flow(cellsOfRow[0], receivers[c], cellsOfRow[c], year);
                if (problem is not null)
                    quarantine.Add(new QuarantinedRow(r + 1, problem.Value.Field, problem.Value.Reason, $"{cellsOfRow[0]} → {receivers[c]}: {cellsOfRow[c]}"));
                else if (flow is not null) flows.Add(flow);
            }
        }
        return new FlowParseResult("knomad-matrix", flows, quarantine, cells);
    }

    private (FlowRecord? Flow, (string Field, string Reason)? Problem) Flow(string sender, string receiver, string amount, int year)
    {
        if (!names.TryGet(sender, out var from)) return (null, ("sender", $"unknown sending country '{sender.Trim()}'"));
        if (!names.TryGet(receiver, out var to)) return (null, ("receiver", $"unknown receiving country '{receiver.Trim()}'"));
        if (!CsvFiles.TryParseDecimal(amount, out var value) || value is not { } usd || usd < 0m)
            return (null, ("usd_million", $"'{amount.Trim()}' is not a flow of zero or more (USD million)"));
        return (usd == 0m || from == to ? null : new FlowRecord(from, to, year, Math.Round(usd, 6)), null);
    }

    private static int? Year(string text) =>
        YearPattern().Match(text) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex YearPattern();
}
