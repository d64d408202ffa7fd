using System.Text;
using RemitCompare.Data;
using RemitCompare.Data.Batches;
using RemitCompare.Data.Catalog;
using RemitCompare.Data.Rates;
using RemitCompare.Domain.Pricing;
using RemitCompare.Ingestion.Files;
using RemitCompare.Ingestion.Rpw;
using RemitCompare.Ingestion.Survey;
using Sylvan.Data.Csv;

namespace RemitCompare.Ingestion.Uploads;

/// <summary>What an upload did, row by row.</summary>
/// <param name="Summary">Counts and the quarantined rows with their reasons.</param>
/// <param name="AcceptedRows">Row numbers (header = 1) of the valid rows, stored now or already held.</param>
public sealed record UploadReport(IngestionSummary Summary, IReadOnlyList<int> AcceptedRows);

/// <summary>
/// Stores an uploaded file as one batch attributed to the key it came with: the RemitCompare survey layout or
/// either RPW layout, recognised from the header. Bad rows are quarantined; a file that can't be read at all
/// (unknown header, not UTF-8, a row past the row size limit, too many rows) stores nothing.
/// </summary>
public sealed class UploadIngestor(Store store, TimeProvider clock)
{
    /// <summary>Ingests a spooled upload.</summary>
    public UploadReport Ingest(SpooledUpload upload, long? apiKeyId, int maxRows)
    {
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var (source, result) = Parse(upload, maxRows);
        var writer = new BatchWriter(store, clock);
        var header = new BatchHeader(source, "survey", upload.Name, upload.Sha256, upload.Bytes, startedAt, apiKeyId);
        var outcome = writer.Write(header, result.Observations, [], result.Quarantine);
        var quarantine = outcome.AlreadyIngested ? [] : result.Quarantine;
        var summary = new IngestionSummary(outcome.BatchId, outcome.AlreadyIngested, result.Layout, result.RowsRead, outcome.Accepted,
            outcome.AlreadyStored, quarantine, clock.GetElapsedTime(started));
        return new UploadReport(summary, outcome.AlreadyIngested ? [] : result.Observations.Select(o => o.SourceRow).ToList());
    }

    private (string Source, RpwParseResult Result) Parse(SpooledUpload upload, int maxRows)
    {
        try
        {
            var catalog = new CatalogStore(store);
            if (IsSurveyLayout(upload))
            {
                using var text = upload.OpenText();
                return (SurveyCsvReader.Source, new SurveyCsvReader(catalog.Countries(), catalog.Currencies(), clock).Read(text, maxRows));
            }
            var book = new RateStore(store).EcbBook();
            using var reader = upload.OpenText();
            var rpw = new RpwReader(catalog.Countries(), catalog.Currencies(), book).Read(reader);
            if (rpw.RowsRead > maxRows) throw new IngestionException($"the file holds more than {maxRows} rows");
            return (RpwReader.Source, rpw);
        }
        catch (DecoderFallbackException e)
        {
            throw new IngestionException("the body is not UTF-8 text", e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new IngestionException("a row is longer than the 1 MiB a row may take", e);
        }
        catch (CsvFormatException e)
        {
            throw new IngestionException("the body is not well-formed CSV (a quoted field is never closed)", e);
        }
    }

    private static bool IsSurveyLayout(SpooledUpload upload)
    {
        using var text = upload.OpenText();
        using var csv = CsvFiles.Open(text);
        return SurveyCsvReader.Matches(Enumerable.Range(0, csv.FieldCount).Select(csv.GetName));
    }
}
