using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using RemitCompare.Data.Batches;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Ecb;

/// <summary>The rates read from one ECB file and the cells that could not be read.</summary>
/// <param name="Rates">Units of each currency per EUR, by date.</param>
/// <param name="Quarantine">Rows or cells rejected, with why.</param>
/// <param name="RowsRead">Data rows (CSV) or dates (XML) read.</param>
public sealed record EcbParseResult(IReadOnlyList<ReferenceRateRecord> Rates, IReadOnlyList<QuarantinedRow> Quarantine, int RowsRead);

/// <summary>Reads ECB euro reference rates: the full history CSV and the daily XML envelope.</summary>
public static class EcbRates
{
    private const string EurofxrefNamespace = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    /// <summary>True when the payload looks like the XML envelope rather than the CSV.</summary>
    public static bool IsXml(Payload payload)
    {
        var span = payload.Bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        span = span.TrimStart(" \t\r\n"u8);
        return span.Length > 0 && span[0] == (byte)'<';
    }

    /// <summary>
    /// Reads <c>eurofxref-hist.csv</c>: <c>Date</c>, one column per currency, a trailing empty column, <c>N/A</c>
    /// where a currency was not quoted. A bad date rejects its row; a bad rate rejects only its cell.
    /// </summary>
    public static EcbParseResult ReadHistoryCsv(TextReader text)
    {
        using var csv = CsvFiles.Open(text);
        var dateColumn = csv.GetOrdinal("Date");
        var currencyColumns = Enumerable.Range(0, csv.FieldCount)
            .Where(i => i != dateColumn && csv.GetName(i).Trim().Length == 3)
            .Select(i => (Index: i, Code: csv.GetName(i).Trim().ToUpperInvariant()))
            .ToArray();
        var rates = new List<ReferenceRateRecord>();
        var quarantine = new List<QuarantinedRow>();
        var row = 1;
        while (csv.Read())
        {
            row++;
            if (!DateOnly.TryParseExact(csv.GetString(dateColumn).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                quarantine.Add(new QuarantinedRow(row, "Date", $"'{csv.GetString(dateColumn)}' is not a date (yyyy-MM-dd)", CsvFiles.RawRow(csv)));
                continue;
            }
            foreach (var (index, code) in currencyColumns)
            {
                var cell = index < csv.RowFieldCount ? csv.GetString(index) : "";
                if (!CsvFiles.TryParseDecimal(cell, out var rate) || rate <= 0)
                    quarantine.Add(new QuarantinedRow(row, code, $"rate '{cell}' is not a positive number", CsvFiles.RawRow(csv)));
                else if (rate is { } r)
                    rates.Add(new ReferenceRateRecord(ReferenceRateBook.Ecb, "EUR", code, date, r));
            }
        }
        return new EcbParseResult(rates, quarantine, row - 1);
    }

    /// <summary>Reads the daily (or 90-day) XML envelope: namespace-aware, <c>Cube time</c> elements holding <c>Cube currency rate</c>.</summary>
    public static EcbParseResult ReadDailyXml(Stream xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
        }
        catch (XmlException e)
        {
            throw new IngestionException($"Not a readable ECB XML envelope: {e.Message}", e);
        }
        XNamespace ns = EurofxrefNamespace;
        var rates = new List<ReferenceRateRecord>();
        var quarantine = new List<QuarantinedRow>();
        var days = document.Descendants(ns + "Cube").Where(c => c.Attribute("time") is not null).ToList();
        if (days.Count == 0) throw new IngestionException("No <Cube time=…> element in the eurofxref namespace: not an ECB rates envelope.");
        var position = 0;
        foreach (var day in days)
        {
            position++;
            if (!DateOnly.TryParseExact((string?)day.Attribute("time"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                quarantine.Add(new QuarantinedRow(position, "time", $"'{(string?)day.Attribute("time")}' is not a date", day.ToString(SaveOptions.DisableFormatting)));
                continue;
            }
            foreach (var cube in day.Elements(ns + "Cube"))
            {
                var code = ((string?)cube.Attribute("currency"))?.Trim().ToUpperInvariant();
                var text = (string?)cube.Attribute("rate");
                if (code is not { Length: 3 } || !CsvFiles.TryParseDecimal(text, out var rate) || rate is not > 0)
                    quarantine.Add(new QuarantinedRow(position, code ?? "currency", $"rate '{text}' for '{code}' is not a positive number", cube.ToString(SaveOptions.DisableFormatting)));
                else
                    rates.Add(new ReferenceRateRecord(ReferenceRateBook.Ecb, "EUR", code, date, rate.Value));
            }
        }
        return new EcbParseResult(rates, quarantine, days.Count);
    }
}
