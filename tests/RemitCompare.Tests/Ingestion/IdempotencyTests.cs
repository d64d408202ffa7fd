using RemitCompare.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>Re-ingesting adds nothing: the same payload is recognised by its hash, the same row by its content.</summary>
public sealed class IdempotencyTests
{
    [Test]
    public void Ingesting_the_same_file_twice_adds_nothing()
    {
        using var store = TempStore.WithReferenceData();
        var first = store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var after = store.Store.TableCounts();
        var second = store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        Assert.That((second.AlreadyIngested, second.BatchId, second.Accepted), Is.EqualTo((true, first.BatchId, 0)));
        Assert.That(store.Store.TableCounts().ToList(), Is.EqualTo(after.ToList()));
    }

    [Test]
    public void Another_file_with_the_same_rows_and_one_new_row_adds_only_the_new_row()
    {
        using var store = TempStore.WithReferenceData();
        var first = store.IngestFile(FileSource.Rpw, RepoFiles.RpwSample);
        var observations = store.Store.Count("quote_observations");
        // The same service surveyed again a day later.
        var resurveyed = RpwFile.Row(2).With(("DATE", "2024-02-20"));
        var second = store.IngestRpw(RpwFile.Write(RpwFile.Rows.Append(resurveyed), RpwLayoutKind.Cleaned30), "rpw_east_africa_plus_one.csv");
        Assert.That((second.AlreadyIngested, second.Accepted, second.AlreadyStored), Is.EqualTo((false, 1, first.Accepted)));
        Assert.That(store.Store.Count("quote_observations"), Is.EqualTo(observations + 1));
        var added = store.Store.Observations().Single(o => o.BatchId == second.BatchId);
        Assert.That((added.SourceRow, added.Provider), Is.EqualTo((RpwFile.Rows.Count + 2L, "ABC Bank")));
    }

    [Test]
    public void Same_rows_in_the_other_layout_are_already_stored()
    {
        using var store = TempStore.WithReferenceData();
        var rows = RpwFile.RowsOf("KENUGA", "2025_3Q");
        var first = store.IngestRpw(RpwFile.Write(rows, RpwLayoutKind.Cleaned30));
        var second = store.IngestRpw(RpwFile.Write(rows, RpwLayoutKind.WorldBank42));
        Assert.That((first.Accepted, second.Accepted, second.AlreadyStored), Is.EqualTo((rows.Count, 0, rows.Count)));
    }

    [Test]
    public void Ingesting_the_same_ECB_file_twice_adds_nothing()
    {
        using var store = TempStore.WithReferenceData();
        var xml = RepoFiles.Data("ecb/eurofxref-daily.xml");
        var first = store.IngestFile(FileSource.Ecb, xml);
        var after = store.Store.TableCounts();
        var second = store.IngestFile(FileSource.Ecb, xml);
        Assert.That((second.AlreadyIngested, second.BatchId), Is.EqualTo((true, first.BatchId)));
        Assert.That(store.Store.TableCounts().ToList(), Is.EqualTo(after.ToList()));
    }
}
