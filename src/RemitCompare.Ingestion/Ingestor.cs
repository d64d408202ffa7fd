using System.Diagnostics;
using RemitCompare.Data;
using RemitCompare.Data.Batches;
using RemitCompare.Data.Catalog;
using RemitCompare.Data.Rates;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion.Ecb;
using RemitCompare.Ingestion.Files;
using RemitCompare.Ingestion.Flows;
using RemitCompare.Ingestion.Rpw;

namespace RemitCompare.Ingestion;

/// <summary>The kinds of file the ingestor reads.</summary>
public enum FileSource
{
    /// <summary>World Bank RPW survey rows (either CSV layout).</summary>
    Rpw,
    /// <summary>ECB euro reference rates: history CSV or daily XML.</summary>
    Ecb,
    /// <summary>World Bank/KNOMAD bilateral remittance flows: the wide matrix workbook or a long CSV.</summary>
    Flows,
}

/// <summary>What an ingestion run did, for the CLI and the logs.</summary>
/// <param name="BatchId">The batch written, or the one that already held this payload.</param>
/// <param name="AlreadyIngested">The same payload was ingested before; nothing was added.</param>
/// <param name="Layout">The layout recognised.</param>
/// <param name="RowsRead">Data rows (or rate cells for ECB files) read.</param>
/// <param name="Accepted">Newly stored.</param>
/// <param name="AlreadyStored">Valid, but an earlier batch already stored them.</param>
/// <param name="Quarantine">Rejected rows with reasons.</param>
/// <param name="Duration">Wall time of the run.</param>
public sealed record IngestionSummary(
    long BatchId, bool AlreadyIngested, string Layout, int RowsRead, int Accepted, int AlreadyStored,
    IReadOnlyList<QuarantinedRow> Quarantine, TimeSpan Duration);

/// <summary>Progress of a run: what stage it is in and how many rows it has handled.</summary>
/// <param name="Stage"><c>parsing</c> or <c>writing</c>.</param>
/// <param name="Rows">Rows handled so far in that stage.</param>
public readonly record struct IngestionProgress(string Stage, int Rows);

/// <summary>
/// Runs one file through its adapter and stores it as one batch. Parsing happens before the transaction opens;
/// the write is all-or-nothing, and the same payload from the same source adds nothing.
/// </summary>
public sealed class Ingestor(Store store, TimeProvider clock)
{
    /// <summary>Ingests one payload.</summary>
    public IngestionSummary Ingest(FileSource source, Payload payload, IProgress<IngestionProgress>? progress = null)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var sourceName = source switch { FileSource.Rpw => RpwReader.Source, FileSource.Flows => FlowReader.Source, _ => ReferenceRateBook.Ecb };
        var writer = new BatchWriter(store, clock);
        if (writer.FindExisting(sourceName, payload.Sha256) is { } existing)
            return new IngestionSummary(existing, true, "", 0, 0, 0, [], clock.GetElapsedTime(started));

        var flows = source == FileSource.Flows ? new FlowReader(new CountryNames(new CatalogStore(store).Countries())).Read(payload) : null;
        var (layout, kind, observations, rates, quarantine, rowsRead) = flows is null
            ? Parse(source, payload)
            : (flows.Layout, "flows", [], [], flows.Quarantine, flows.RowsRead);
        progress?.Report(new IngestionProgress("parsing", rowsRead));
        var header = new BatchHeader(sourceName, kind, payload.Name, payload.Sha256, payload.Bytes.LongLength, startedAt);
        var outcome = writer.Write(header, observations, rates, quarantine,
            progress is null ? null : new SynchronousProgress<int>(rows => progress.Report(new IngestionProgress("writing", rows))), flows?.Flows);
        return new IngestionSummary(outcome.BatchId, outcome.AlreadyIngested, layout, rowsRead, outcome.Accepted, outcome.AlreadyStored,
            quarantine, clock.GetElapsedTime(started));
    }

    private (string Layout, string Kind, IReadOnlyCollection<ObservationRecord>, IReadOnlyCollection<ReferenceRateRecord>, IReadOnlyList<QuarantinedRow>, int) Parse(
        FileSource source, Payload payload)
    {
        if (source == FileSource.Ecb)
        {
            EcbParseResult ecb;
            if (EcbRates.IsXml(payload))
            {
                using var stream = new MemoryStream(payload.Bytes, writable: false);
                ecb = EcbRates.ReadDailyXml(stream);
            }
            else
            {
                using var text = payload.OpenText();
                ecb = EcbRates.ReadHistoryCsv(text);
            }
            return (EcbRates.IsXml(payload) ? "ecb-xml" : "ecb-csv", "rates", [], ecb.Rates, ecb.Quarantine, ecb.Rates.Count + ecb.Quarantine.Count);
        }

        var catalog = new CatalogStore(store);
        var book = new RateStore(store).EcbBook();
        using TextReader reader = Workbook.IsWorkbook(payload) ? new StringReader(RpwWorkbook.ToCsv(payload)) : payload.OpenText();
        var rpw = new RpwReader(catalog.Countries(), catalog.Currencies(), book).Read(reader);
        return (rpw.Layout, "survey", rpw.Observations, [], rpw.Quarantine, rpw.RowsRead);
    }
}

/// <summary>Progress&lt;T&gt; posts to the thread pool; a CLI wants each report before the next row is written.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
