using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Indicators;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Indicators;

/// <summary>The indicators computed from the store reproduce the RPW figures of the real rows.</summary>
public sealed class IndicatorReproductionTests
{
    private TempStore _store = null!;

    [OneTimeSetUp]
    public void Ingest()
    {
        _store = TempStore.WithReferenceData();
        var summary = _store.IngestRpw(RpwFile.Write(IndicatorData.All, RpwLayoutKind.Cleaned30));
        Assert.That(summary.Quarantine.Where(q => !q.Reason.StartsWith("duplicate", StringComparison.Ordinal)).Select(q => q.Reason), Is.Empty);
    }

    [OneTimeTearDown]
    public void Dispose() => _store.Dispose();

    private IReadOnlyList<CorridorIndicator> Indicators() =>
        RpwMethodology.Corridors(new SurveyRowStore(_store.Store).Observations(new SurveyQuery()));

    [Test]
    public void Each_corridor_average_is_the_mean_of_its_transparent_rows_own_total_cost()
    {
        var expected = IndicatorData.Expected(IndicatorData.All);
        var actual = Indicators();

        Assert.That(actual.Select(a => (a.Corridor, a.Period)), Is.EquivalentTo(expected.Keys));
        using (Assert.EnterMultipleScope())
        {
            foreach (var indicator in actual)
            {
                var (cc1, cc2, services, transparent) = expected[(indicator.Corridor, indicator.Period)];
                Assert.That(indicator.Cc1AvgTotalCostPct, Is.EqualTo(cc1).Within(0.0001m), $"{indicator.Corridor} {indicator.Period} cc1");
                Assert.That(indicator.Cc2AvgTotalCostPct, Is.EqualTo(cc2).Within(0.0001m), $"{indicator.Corridor} {indicator.Period} cc2");
                Assert.That((indicator.Services, indicator.TransparentServices), Is.EqualTo((services, transparent)), $"{indicator.Corridor} {indicator.Period}");
            }
        }
    }

    [Test]
    public void Undisclosed_rows_are_counted_as_services_but_not_averaged()
    {
        var kenUga = Indicators().Single(i => i is { Corridor: "KEN-UGA", Period: "2025Q3" });
        var real = RpwFile.RowsOf("KENUGA", "2025_3Q");
        var undisclosed = IndicatorData.Undisclosed.Count(r => r["CORRIDOR"] == "KENUGA");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(undisclosed, Is.GreaterThan(0));
            Assert.That(kenUga.Services, Is.EqualTo(real.Count + undisclosed));
            Assert.That(kenUga.TransparentServices, Is.EqualTo(real.Count));
            Assert.That(kenUga.Cc1AvgTotalCostPct, Is.EqualTo(real.Average(r => r.Number("CC1 TOTAL COST %"))).Within(0.0001m));
        }
    }

    [Test]
    public void Every_figure_names_the_batch_behind_it()
    {
        var batches = Indicators().SelectMany(i => i.Batches).Distinct().ToList();

        Assert.That(batches, Has.Count.EqualTo(1));
    }
}
