using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Data.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Json;
using RemitCompare.Data;
using RemitCompare.Data.Keys;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Uploads;

namespace RemitCompare.Api.Features;

/// <summary>
/// POST /v1/surveys: an organisation uploads the prices it collected (RemitCompare survey CSV or an RPW layout) as a
/// <c>text/csv</c> body or one file of a <c>multipart/form-data</c> form. The body is streamed to a temporary file under
/// the size limit, stored as one batch attributed to the key, and answered with a report per row.
/// </summary>
public static class SurveysApi
{
    /// <summary>Maps the endpoint: upload key, upload rate limit.</summary>
    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder v1)
    {
        v1.MapPost("/surveys", Upload).WithName("UploadSurvey").RequireApiKey(ApiKeyScope.Upload).RequireRateLimiting(RateLimits.Upload)
            .DisableAntiforgery();
        return v1;
    }

    internal static async Task<Results<Ok<SurveyUploadDto>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpContext http, UploadIngestor ingestor, Store store, IngestionHealth health, SnapshotRefresher refresher, IOptions<UploadSettings> settings,
        ILogger<UploadIngestor> logger)
    {
        var limits = settings.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.MaxBytes + 1;
        var key = ApiKeyAuthentication.KeyOf(http);
        SpooledUpload? upload;
        try
        {
            upload = await Spool(http.Request, limits.MaxBytes, http.RequestAborted);
        }
        catch (Exception e) when (e is UploadTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large",
                detail: $"body: an upload may hold at most {limits.MaxBytes} bytes; split the file.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Invalid("body", QueryReasons.BodyUnreadable);
        }
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Content-Type: send text/csv (charset utf-8) or multipart/form-data with one file.");
        }
        using (upload)
        {
            try
            {
                var report = ingestor.Ingest(upload, key.Id, limits.MaxRows);
                health.Succeeded();
                Refresh(refresher, logger);
                return TypedResults.Ok(ToDto(report, key));
            }
            catch (IngestionException e)
            {
                return Invalid("body", QueryReasons.BodyRefused, e.Message);
            }
            catch (DbException e) when (store.Classify(e) is (StoreFault.Full or StoreFault.Unwritable) and var fault)
            {
                var reason = fault == StoreFault.Full ? "the store is full" : "the store cannot be written";
                health.Failed(reason);
                logger.LogError(e, "Upload from key {KeyId} could not be written: {Reason}", key.KeyId, reason);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ingestion unavailable",
                    detail: $"{reason}; nothing was stored. Prices are still served from the last snapshot.");
            }
        }
    }

    private static async Task<SpooledUpload?> Spool(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return null;
        if (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var charset = type.Charset.Value;
            if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return null;
            return await SpooledUpload.CopyAsync(request.Body, "upload.csv", maxBytes, cancellation);
        }
        if (!type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200) throw new InvalidDataException("no multipart boundary");
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes };
        while (await reader.ReadNextSectionAsync(cancellation) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return await SpooledUpload.CopyAsync(section.Body, disposition.FileName.Value ?? "upload.csv", maxBytes, cancellation);
        }
        throw new InvalidDataException("the form holds no file");
    }

    private static void Refresh(SnapshotRefresher refresher, ILogger logger)
    {
        try
        {
            refresher.RefreshIfChanged();
        }
        catch (DbException e)
        {
            logger.LogWarning(e, "The snapshot could not be rebuilt after an upload; the poller will try again");
        }
    }

    private static SurveyUploadDto ToDto(UploadReport report, ApiKey key)
    {
        var s = report.Summary;
        var rows = report.AcceptedRows.Select(r => new SurveyRowReportDto(r, "accepted", null, null))
            .Concat(s.Quarantine.Select(q => new SurveyRowReportDto(q.RowNumber, "quarantined", q.Field, q.Reason)))
            .OrderBy(r => r.Row)
            .ToList();
        return new SurveyUploadDto(s.BatchId, s.AlreadyIngested, s.Layout, key.KeyId, s.RowsRead, s.Accepted, s.AlreadyStored, s.Quarantine.Count, rows);
    }

    private static ValidationProblem Invalid(string parameter, QueryReason reason, params string[] values)
    {
        var errors = new QueryErrors();
        errors.Add(parameter, reason, values);
        return errors.ToProblem();
    }
}
