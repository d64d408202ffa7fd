using System.Text;
using RemitCompare.Data;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;
using RemitCompare.Tests.Indicators;
using RemitCompare.Tests.Ingestion;

namespace RemitCompare.Tests.Api;

/// <summary>The default data plus services whose rate is not disclosed, in KEN → UGA and TZA → KEN (2025 Q3).</summary>
internal static class UndisclosedRateData
{
    /// <summary>The providers whose rate is not disclosed.</summary>
    public static IReadOnlyList<string> Providers { get; } = IndicatorData.Undisclosed.Select(r => r["FIRM"]).Distinct().ToList();

    /// <summary>Loads the default data, then the undisclosed-rate copies of sample rows as one more survey file.</summary>
    public static void Fill(Store store)
    {
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System);
        var csv = RpwFile.Write(IndicatorData.Undisclosed, RpwLayoutKind.Cleaned30);
        new Ingestor(store, TimeProvider.System).Ingest(FileSource.Rpw, new Payload("rpw-undisclosed.csv", Encoding.UTF8.GetBytes(csv)));
    }
}
