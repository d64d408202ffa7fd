using System.Collections.Concurrent;
using RemitCompare.Api.Hosting;
using RemitCompare.Data;
using RemitCompare.Data.Flows;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Indicators;

namespace RemitCompare.Api.Audit;

/// <summary>The survey rows and indicators as of one moment, computed once and shared by every request for that moment.</summary>
public sealed class SurveyView
{
    private readonly ConcurrentDictionary<string, GlobalIndicators> _global = new(StringComparer.Ordinal);

    internal SurveyView(IReadOnlyList<SurveyRow> rows, IReadOnlyDictionary<string, decimal> flows)
    {
        Rows = rows;
        Observations = rows.Select(r => r.Observation).ToList();
        Flows = flows;
        Corridors = RpwMethodology.Corridors(Observations);
        Periods = Observations.Select(o => o.Period).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every survey row held.</summary>
    public IReadOnlyList<SurveyRow> Rows { get; }

    /// <summary>What the indicators read of each row.</summary>
    public IReadOnlyList<SurveyObservation> Observations { get; }

    /// <summary>Bilateral flows in force, by corridor key.</summary>
    public IReadOnlyDictionary<string, decimal> Flows { get; }

    /// <summary>Every corridor's indicators for every period.</summary>
    public IReadOnlyList<CorridorIndicator> Corridors { get; }

    /// <summary>Periods held, oldest first.</summary>
    public IReadOnlyList<string> Periods { get; }

    /// <summary>The global indicators of a period.</summary>
    public GlobalIndicators Global(string period) => _global.GetOrAdd(period, p => RpwMethodology.Global(p, Observations, Flows));
}

/// <summary>
/// Serves indicators, exports and charts without reading the store per request: the view of the present is rebuilt
/// when the snapshot changes (after a batch), and a few past moments (<c>asOf</c>) are kept.
/// </summary>
public sealed class IndicatorReports(Store store, SnapshotHolder snapshots)
{
    private const int PastViewsKept = 8;
    private readonly ConcurrentDictionary<(long Version, DateTimeOffset? AsOf), Lazy<SurveyView>> _views = new();

    /// <summary>The view as of a moment (the present when null).</summary>
    public SurveyView At(DateTimeOffset? asOf)
    {
        var version = snapshots.Current.Version;
        if (_views.Count > PastViewsKept)
        {
            foreach (var key in _views.Keys.Where(k => k.Version != version || k.AsOf is not null).ToList()) _views.TryRemove(key, out _);
        }
        return _views.GetOrAdd((version, asOf), key => new Lazy<SurveyView>(() => Build(key.AsOf))).Value;
    }

    private SurveyView Build(DateTimeOffset? asOf) =>
        new(new SurveyRowStore(store).Rows(new SurveyQuery(AsOf: asOf)), new FlowStore(store).Weights(FlowStore.Cutoff(asOf)));
}
