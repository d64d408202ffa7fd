using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RemitCompare.Data;
using RemitCompare.Data.Catalog;
using RemitCompare.Data.Rates;
using RemitCompare.Ingestion.Rpw;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>How a row's identity and collection date are read: stored hashes of earlier batches depend on the first.</summary>
public sealed class RowReadingTests
{
    /// <summary>The columns a row hash covers, in the order they are joined.</summary>
    private static readonly string[] HashedColumns =
    [
        "PERIOD", "SOURCE_CODE", "DESTINATION_CODE", "FIRM", "FIRM_TYPE", "PAYMENT INSTRUMENT", "SPEED ACTUAL",
        "CC1 LCU AMOUNT", "CC1 DENOMINATION AMOUNT", "CC1 LCU CODE", "CC1 LCU FEE", "CC1 LCU FX RATE", "CC1 FX MARGIN", "CC1 TOTAL COST %",
        "CC2 LCU AMOUNT", "CC2 DENOMINATION AMOUNT", "CC2 LCU CODE", "CC2 LCU FEE", "CC2 LCU FX RATE", "CC2 FX MARGIN", "CC2 TOTAL COST %",
        "INTER LCU BANK FX", "TRANSPARENT", "NOTE1", "NOTE2", "PICK-UP METHOD", "DATE", "CORRIDOR",
    ];

    [Test]
    public void Row_hash_is_the_first_128_bits_of_SHA_256_over_the_normalised_values_joined_by_unit_separators([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var row = RpwFile.Row(3).With(("NOTE1", "  padded \t note "), ("CC1 LCU FEE", "17500.00"), ("CORRIDOR", "TZAKEN"));
        store.IngestRpw(RpwFile.Write([row], layout));
        // Row 3 is 2024_1Q; numbers lose trailing zeros, text its extra spaces; the corridor repeats the codes and counts as empty.
        var values = HashedColumns.Select(c => c switch
        {
            "PERIOD" => "2024Q1",
            "CORRIDOR" => "",
            _ when decimal.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number.ToString("G29", CultureInfo.InvariantCulture),
            _ => string.Join(' ', row[c].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
        });
        Assert.That(RowHashes(store), Is.EqualTo(new[] { Hash(values) }));
    }

    [Test]
    public void Each_row_carries_the_hash_earlier_versions_stored_over_its_trimmed_fields([Values] RpwLayoutKind layout)
    {
        using var store = TempStore.WithReferenceData();
        var catalog = new CatalogStore(store.Store);
        var row = RpwFile.Row(3).With(("NOTE1", "  padded note "));

        var read = new RpwReader(catalog.Countries(), catalog.Currencies(), new RateStore(store.Store).EcbBook())
            .Read(new StringReader(RpwFile.Write([row], layout)));

        Assert.That(read.Observations.Single().PreviousRowHash, Is.EqualTo(Hash(HashedColumns.Select(c => row[c].Trim()))));
    }

    private static string Hash(IEnumerable<string> values) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', values))))[..32];

    [TestCase("2025-08-15")]
    [TestCase("2025/08/15")]
    [TestCase("15.08.2025")]
    [TestCase("2025-08-15 10:30:00")]
    [TestCase("2025-08-15T10:30:00")]
    public void Collection_date_in_any_accepted_format_is_that_day(string date)
    {
        using var store = TempStore.WithReferenceData();
        var summary = store.IngestRpw(RpwFile.Write([RpwFile.Row(3).With(("DATE", date))], RpwLayoutKind.Cleaned30));
        Assert.That(summary.Accepted, Is.EqualTo(1));
        Assert.That(StoredTime.Parse(store.Store.Observations().Single().CollectedAt), Is.EqualTo(new DateTimeOffset(2025, 8, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("2025-02-30")]
    [TestCase("2025-13-01")]
    [TestCase("2025-0a-15")]
    [TestCase("+025-08-15")]
    public void Impossible_collection_date_is_replaced_by_the_middle_of_the_quarter_with_a_note(string date)
    {
        using var store = TempStore.WithReferenceData();
        var row = RpwFile.Row(3).With(("DATE", date), ("PERIOD", "2025_3Q"));
        store.IngestRpw(RpwFile.Write([row], RpwLayoutKind.Cleaned30));
        var stored = store.Store.Observations().Single();
        Assert.That(StoredTime.Parse(stored.CollectedAt), Is.EqualTo(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(stored.Inference, Does.Contain($"no readable collection date ('{date}')"));
    }

    private static List<string> RowHashes(TempStore store)
    {
        using var connection = store.Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT row_hash FROM quote_observations ORDER BY id";
        using var reader = command.ExecuteReader();
        var hashes = new List<string>();
        while (reader.Read()) hashes.Add(reader.GetString(0));
        return hashes;
    }
}
