using RemitCompare.Api.Features;
using RemitCompare.Data.Audit;

namespace RemitCompare.Api.Audit;

/// <summary>Wires the regulator's view: indicators, provenance, transparency report, exports and charts.</summary>
public static class AuditSetup
{
    /// <summary>Registers the indicator views, past snapshots and the batch ledger.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<IndicatorReports>();
        services.AddSingleton<AsOfSnapshots>();
        services.AddSingleton<BatchLedger>();
        return services;
    }

    /// <summary>Maps the audit endpoints under the group.</summary>
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder v1) =>
        v1.MapIndicators().MapAudit().MapExports().MapCharts();
}
