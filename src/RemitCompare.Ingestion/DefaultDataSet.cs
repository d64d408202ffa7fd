using System.Reflection;
using RemitCompare.Data;
using RemitCompare.Data.Catalog;
using RemitCompare.Ingestion.Files;
using RemitCompare.Ingestion.Reference;

namespace RemitCompare.Ingestion;

/// <summary>
/// The small attributed data set embedded in the assembly (see data/SOURCES.md): ISO 4217 currencies, country
/// codes, ECB rates from late 2023, the East Africa RPW rows of 2024–2025 and the KNOMAD flows that weight them. A new, empty store is filled from it
/// on first start so the service answers real corridors at once.
/// </summary>
public static class DefaultDataSet
{
    private const string Prefix = "DefaultData.";

    /// <summary>
    /// Migrates the store, seeds the reference tables when empty, and ingests the default files when no batch exists yet,
    /// all under the store's setup lock: of several processes starting together on a new store, the first loads the
    /// files and the others, once it is done, find batches and load nothing (an empty list).
    /// </summary>
    public static IReadOnlyList<IngestionSummary> EnsureLoaded(Store store, TimeProvider clock, bool ingestSamples = true)
    {
        using var setup = store.HoldSetupLock();
        store.Migrate();
        SeedReference(store);
        if (!ingestSamples || HasBatches(store)) return [];
        var ingestor = new Ingestor(store, clock);
        return
        [
            ingestor.Ingest(FileSource.Ecb, Open("ecb/eurofxref-hist-2023q4-2026q1.csv")),
            ingestor.Ingest(FileSource.Ecb, Open("ecb/eurofxref-daily.xml")),
            ingestor.Ingest(FileSource.Rpw, Open("rpw/rpw_east_africa_2024_2025.csv")),
            ingestor.Ingest(FileSource.Flows, Open("knomad/bilateral_remittance_2021_subset.csv")),
        ];
    }

    /// <summary>Fills the currency and country tables when they are empty.</summary>
    public static void SeedReference(Store store)
    {
        var catalog = new CatalogStore(store);
        if (!catalog.IsEmpty()) return;
        using var currencies = Open("iso4217/codes-all.csv").OpenText();
        using var countries = Open("countries/country-codes.csv").OpenText();
        catalog.Upsert(ReferenceData.ReadCurrencies(currencies), ReferenceData.ReadCountries(countries));
    }

    /// <summary>An embedded file by its path under data/.</summary>
    public static Payload Open(string relativePath)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n =>
                n.StartsWith(Prefix, StringComparison.Ordinal) && n[Prefix.Length..].Replace('\\', '/') == relativePath)
            ?? throw new FileNotFoundException($"No embedded data file '{relativePath}'.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new Payload(Path.GetFileName(relativePath), copy.ToArray());
    }

    private static bool HasBatches(Store store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM batches)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
