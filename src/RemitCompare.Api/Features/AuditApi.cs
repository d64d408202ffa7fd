using RemitCompare.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Json;
using RemitCompare.Data.Audit;
using RemitCompare.Domain.Audit;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/batches/{id} (provenance) and /v1/audit/transparency (transparency report and self-check).</summary>
public static class AuditApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder group)
    {
        group.MapGet("/batches/{id}", Batch).WithName("GetBatch");
        group.MapGet("/audit/transparency", Transparency).WithName("GetTransparencyReport");
        return group;
    }

    internal static Results<Ok<BatchDto>, ValidationProblem, ProblemHttpResult> Batch(string id, BatchLedger ledger)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var batchId))
        {
            var errors = new QueryErrors();
            errors.Add("id", QueryReasons.BatchIdMalformed, QueryErrors.Shorten(id));
            return errors.ToProblem();
        }
        if (ledger.Find(batchId) is not { } found)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Batch not found", detail: $"No batch has id {batchId}.");
        var b = found.Batch;
        return TypedResults.Ok(new BatchDto(
            b.Id, b.Source, b.Kind, b.FileName, b.PayloadSha256, b.PayloadBytes, StoredTime.Parse(b.StartedAt), StoredTime.Parse(b.FinishedAt),
            b.RowsRead, b.RowsAccepted, b.RowsQuarantined, found.Periods, found.Corridors,
            found.Quarantine.Select(q => new QuarantinedRowDto(q.RowNumber, q.Field, q.Reason, q.Raw)).ToList()));
    }

    internal static Results<Ok<TransparencyReportDto>, ValidationProblem> Transparency(string? asOf, AsOfSnapshots snapshots, TimeProvider clock)
    {
        var errors = new QueryErrors();
        var moment = errors.AsOf(asOf);
        if (!errors.IsEmpty) return errors.ToProblem();
        var snapshot = snapshots.At(moment);
        var now = moment ?? clock.GetUtcNow();
        var providers = TransparencyReport.ByProviderAndCorridor(snapshot, now)
            .Select(p => new ProviderCorridorTransparencyDto(p.ProviderId, p.Provider, p.FirmType, p.From, p.To, p.Services,
                p.UndisclosedRatePct, p.ZeroFeeWithMarginPct, p.ReceiveFeePct, p.PromotionPct, p.StalePct))
            .ToList();
        var criteria = TransparencyReport.SelfCheck(snapshot, now).Select(c => new CriterionDto(c.Id, c.Criterion, c.Met, c.Evidence)).ToList();
        return TypedResults.Ok(new TransparencyReportDto(moment, providers, criteria));
    }

}
