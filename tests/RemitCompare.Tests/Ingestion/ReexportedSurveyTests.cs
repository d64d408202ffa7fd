using System.Globalization;
using Dapper;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>
/// A re-export of the same survey (numbers, quoting, white space, period and date written another way) is the same
/// rows: a row is recognised by its values, not its text. Rows stored before values were hashed are recognised too.
/// </summary>
public sealed class ReexportedSurveyTests
{
    private static readonly string[] Numbers =
    [
        "CC1 LCU AMOUNT", "CC1 DENOMINATION AMOUNT", "CC1 LCU FEE", "CC1 LCU FX RATE", "CC1 FX MARGIN", "CC1 TOTAL COST %",
        "CC2 LCU AMOUNT", "CC2 DENOMINATION AMOUNT", "CC2 LCU FEE", "CC2 LCU FX RATE", "CC2 FX MARGIN", "CC2 TOTAL COST %", "INTER LCU BANK FX",
    ];

    private static IReadOnlyList<RpwLine> Rows => RpwFile.RowsOf("KENUGA", "2025_3Q");

    /// <summary>The same values written another way: 1,800.00 for 1800, 0.006800 for 0.0068, 2025Q3, 2025/08/14, padded and doubled spaces, upper and lower case.</summary>
    private static RpwLine Rewritten(RpwLine row) => row.With(
        [.. Numbers.Where(c => decimal.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _)).Select(c => (c, Padded(row.Number(c)))),
        ("PERIOD", row["PERIOD"].Replace("_3Q", "Q3", StringComparison.Ordinal)), ("DATE", row["DATE"].Replace('-', '/')),
        ("FIRM", "  " + row["FIRM"] + " "), ("FIRM_TYPE", row["FIRM_TYPE"].Replace(" ", "  \t", StringComparison.Ordinal)),
        ("SOURCE_CODE", row["SOURCE_CODE"].ToLowerInvariant()), ("CC1 LCU CODE", row["CC1 LCU CODE"].ToLowerInvariant()),
        ("TRANSPARENT", row["TRANSPARENT"].ToUpperInvariant()), ("CORRIDOR", ""), ("NOTE1", row["NOTE1"] is "" ? ".." : row["NOTE1"])]);

    private static string Padded(decimal value)
    {
        var text = value.ToString("#,##0.############################", CultureInfo.InvariantCulture);
        return " " + (text.Contains('.', StringComparison.Ordinal) ? text + "00" : text + ".00") + " ";
    }

    /// <summary>Every field quoted, where the original file quotes none.</summary>
    private static string QuotedEverywhere(IEnumerable<RpwLine> rows) =>
        string.Concat(rows.Select(r => string.Join(',', RpwFile.Header30.Select(c => Quote(r[c]))) + "\n")
            .Prepend(string.Join(',', RpwFile.Header30.Select(Quote)) + "\n"));

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Test]
    public void The_same_rows_written_another_way_are_already_stored()
    {
        using var store = TempStore.WithReferenceData();
        var first = store.IngestRpw(RpwFile.Write(Rows, RpwLayoutKind.Cleaned30), "rpw.csv");
        var observations = store.Store.Count("quote_observations");

        var again = store.IngestRpw(QuotedEverywhere(Rows.Select(Rewritten)), "rpw-reexport.csv");

        Assert.That(again.Quarantine, Is.Empty, string.Join("; ", again.Quarantine.Select(q => q.Reason)));
        Assert.That((first.Accepted, again.AlreadyIngested, again.Accepted, again.AlreadyStored), Is.EqualTo((Rows.Count, false, 0, Rows.Count)));
        Assert.That(store.Store.Count("quote_observations"), Is.EqualTo(observations));
    }

    [Test]
    public void A_row_and_its_copy_written_another_way_in_one_file_are_one_row()
    {
        using var store = TempStore.WithReferenceData();

        var summary = store.IngestRpw(RpwFile.Write([Rows[0], Rewritten(Rows[0])], RpwLayoutKind.WorldBank42));

        Assert.That((summary.Accepted, summary.Quarantine.Single().Reason), Is.EqualTo((1, "duplicate of row 2")));
    }

    [Test]
    public void A_really_different_value_is_a_new_row()
    {
        using var store = TempStore.WithReferenceData();
        store.IngestRpw(RpwFile.Write(Rows, RpwLayoutKind.Cleaned30), "rpw.csv");
        var rate = Rows[0].Number("CC1 LCU FX RATE");
        var changed = Rewritten(Rows[0]).With(("CC1 LCU FX RATE", Padded(rate + 0.0001m)));

        var again = store.IngestRpw(QuotedEverywhere(Rows.Skip(1).Select(Rewritten).Prepend(changed)), "rpw-reexport.csv");

        Assert.That((again.Accepted, again.AlreadyStored), Is.EqualTo((1, Rows.Count - 1)));
    }

    [Test]
    public void The_same_re_exported_file_twice_is_recognised_by_its_bytes()
    {
        using var store = TempStore.WithReferenceData();
        var csv = QuotedEverywhere(Rows.Select(Rewritten));
        var first = store.IngestRpw(csv, "rpw-reexport.csv");
        var tables = store.Store.TableCounts();

        var second = store.IngestRpw(csv, "rpw-reexport-again.csv");

        Assert.That((second.AlreadyIngested, second.BatchId, second.Accepted), Is.EqualTo((true, first.BatchId, 0)));
        Assert.That(store.Store.TableCounts().ToList(), Is.EqualTo(tables.ToList()));
    }

    /// <summary>The row hashes the version before values were hashed stored for sample rows 2 and 3 (read from a store it wrote).</summary>
    private static readonly Dictionary<int, string> StoredBefore = new()
    {
        [2] = "8b93c0ed651413b7bbbc79ffbf725dcf",
        [3] = "faa314fd08a7628fc55842be45ccac15",
    };

    [Test]
    public void Rows_stored_before_values_were_hashed_are_not_stored_again()
    {
        using var store = TempStore.WithReferenceData();
        var first = store.IngestRpw(RpwFile.Write([RpwFile.Row(2), RpwFile.Row(3)], RpwLayoutKind.Cleaned30), "rpw-2024.csv");
        using (var connection = store.Store.Open())
        {
            // The store as the earlier version left it: the same rows under the hashes it gave them.
            foreach (var (row, hash) in StoredBefore)
                connection.Execute("UPDATE quote_observations SET row_hash = @hash WHERE batch_id = @batch AND source_row = @row",
                    new { hash, batch = first.BatchId, row = (long)row });
        }

        var again = store.IngestRpw(RpwFile.Write([RpwFile.Row(2), RpwFile.Row(3), RpwFile.Row(4)], RpwLayoutKind.WorldBank42), "rpw-2024-and-more.csv");

        Assert.That((again.Accepted, again.AlreadyStored), Is.EqualTo((1, 2)));
        Assert.That(store.Store.Observations().Where(o => o.BatchId == again.BatchId).Select(o => o.SourceRow), Is.EqualTo(new[] { 4L }));
    }
}
