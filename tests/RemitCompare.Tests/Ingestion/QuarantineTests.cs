using RemitCompare.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>A bad row goes to quarantine with its row number, field and reason; the good rows of its file are stored.</summary>
public sealed class QuarantineTests
{
    private static readonly IReadOnlyList<RpwLine> Good = RpwFile.RowsOf("KENUGA", "2025_3Q");

    /// <summary>The bad row is written after the 16 good ones: row 18 counting the header as row 1.</summary>
    private static readonly long BadRow = Good.Count + 2;

    [Test]
    public void Quarantines_row_with_unknown_country_and_keeps_the_rest()
    {
        var quarantined = IngestWithBadRow(Good[0].With(("SOURCE_CODE", "KEY"), ("CORRIDOR", "KEYUGA")));
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((BadRow, "source code")));
        Assert.That(quarantined.Reason, Does.Contain("unknown sending country 'KEY'"));
    }

    [Test]
    public void Quarantines_row_with_non_numeric_fee_and_keeps_the_rest()
    {
        var quarantined = IngestWithBadRow(Good[0].With(("CC2 LCU FEE", "1 067")));
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((BadRow, "cc2 lcu fee")));
        Assert.That(quarantined.Reason, Does.Contain("'1 067'"));
    }

    [Test]
    public void Quarantines_row_with_negative_amount_and_keeps_the_rest()
    {
        var quarantined = IngestWithBadRow(Good[0].With(("CC1 LCU AMOUNT", "-18000")));
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((BadRow, "cc1 lcu amount")));
        Assert.That(quarantined.Reason, Does.Contain("'-18000' is not a positive number"));
    }

    [Test]
    public void Quarantines_row_whose_total_cost_is_not_fee_plus_margin_and_keeps_the_rest()
    {
        // Dahabshiil: 414 / 18000 × 100 + 0.55 = 2.85; 2.95 is off by 0.1 point.
        var quarantined = IngestWithBadRow(Good[0].With(("CC1 TOTAL COST %", "2.95")));
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((BadRow, "cc1 total cost %")));
        Assert.That(quarantined.Reason, Does.Contain("2.95 is not fee % + margin (2.85)"));
    }

    [Test]
    public void Quarantines_row_whose_corridor_does_not_match_its_countries_and_keeps_the_rest()
    {
        var quarantined = IngestWithBadRow(Good[0].With(("CORRIDOR", "KENTZA")));
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((BadRow, "corridor")));
        Assert.That(quarantined.Reason, Does.Contain("'KENTZA' does not match KEN → UGA"));
    }

    [Test]
    public void Quarantines_row_with_a_period_that_is_not_a_quarter_and_keeps_the_rest()
    {
        var quarantined = IngestWithBadRow(Good[0].With(("PERIOD", "2025_5Q")));
        Assert.That((quarantined.RowNumber, quarantined.Field), Is.EqualTo((BadRow, "period")));
        Assert.That(quarantined.Reason, Does.Contain("'2025_5Q'"));
    }

    [Test]
    public void Quarantines_exact_duplicate_of_an_earlier_row_and_keeps_the_first()
    {
        var quarantined = IngestWithBadRow(Good[3]);
        Assert.That((quarantined.RowNumber, quarantined.Field, quarantined.Reason), Is.EqualTo((BadRow, (string?)null, "duplicate of row 5")));
    }

    [Test]
    public void Keeps_the_raw_text_of_a_quarantined_row()
    {
        var bad = Good[0].With(("CC1 LCU FEE", "four hundred"), ("NOTE1", "cash, agent"));
        var quarantined = IngestWithBadRow(bad);
        Assert.That(quarantined.Raw, Is.EqualTo(RpwFile.Write([bad], RpwLayoutKind.Cleaned30).Split('\n')[1]));
    }

    [Test]
    public void File_holding_a_NUL_byte_throws_and_stores_no_batch()
    {
        using var store = TempStore.WithReferenceData();
        var before = store.Store.TableCounts();
        var file = RpwFile.Write(Good, RpwLayoutKind.Cleaned30);
        var withNul = file.Insert(file.IndexOf('\n', StringComparison.Ordinal) + 5, "\0");

        Assert.That(() => store.IngestRpw(withNul), Throws.TypeOf<IngestionException>().With.Message.Contains("NUL byte"));
        Assert.That(store.Store.TableCounts().ToList(), Is.EqualTo(before.ToList()));
    }

    [Test]
    public void File_without_an_RPW_header_throws_and_stores_no_batch()
    {
        using var store = TempStore.WithReferenceData();
        var before = store.Store.TableCounts();
        var ecb = RepoFiles.Data("ecb/eurofxref-hist-2023q4-2026q1.csv");
        Assert.That(() => store.IngestFile(FileSource.Rpw, ecb), Throws.TypeOf<IngestionException>().With.Message.Contains("Not an RPW file"));
        Assert.That(store.Store.TableCounts().ToList(), Is.EqualTo(before.ToList()));
        Assert.That(store.Store.Count("batches"), Is.Zero);
    }

    private static StoredQuarantine IngestWithBadRow(RpwLine bad)
    {
        using var store = TempStore.WithReferenceData();
        var summary = store.IngestRpw(RpwFile.Write(Good.Append(bad), RpwLayoutKind.Cleaned30));
        Assert.That((summary.RowsRead, summary.Accepted, summary.Quarantine.Count), Is.EqualTo((Good.Count + 1, Good.Count, 1)));
        Assert.That(store.Store.Observations().Select(o => o.SourceRow), Is.EqualTo(Enumerable.Range(2, Good.Count).Select(i => (long)i)));
        var quarantined = store.Store.Quarantine();
        Assert.That(quarantined.Select(q => q.BatchId), Is.EqualTo(new[] { summary.BatchId }));
        return quarantined[0];
    }
}
