using System.Text;
using Dapper;
using RemitCompare.Data.Catalog;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Survey;
using RemitCompare.Ingestion.Uploads;
using RemitCompare.Tests.Security;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>
/// A survey file in our own layout uploaded again with its values written another way is the same rows: a row is
/// recognised by its values, not its text. Rows stored under the hash of their text, as before, are recognised too.
/// </summary>
public sealed class ReuploadedSurveyTests
{
    private static readonly string[] Rows = [SurveyCsv.Row(1), SurveyCsv.Row(2, fee: 3.5m), SurveyCsv.Row(3, amount: "120")];

    /// <summary>
    /// The same values written another way: <c>200.00</c> for 200, <c>4.990</c> for 4.99, lower-case codes, a method
    /// in upper case, the date as midnight UTC, <c>No</c> for no, padded and quoted fields.
    /// </summary>
    private static string Rewritten(string row)
    {
        var f = row.Split(',');
        string[] fields =
        [
            "  " + f[0] + " ", f[1].Replace(" ", "   ", StringComparison.Ordinal), f[2].ToLowerInvariant(), " " + f[3], f[4].ToLowerInvariant(), f[5],
            f[6] + ".00", f[7] + "0", f[8] + "00", f[9], f[10].ToUpperInvariant(), f[11], f[12], f[13] + "T00:00:00Z", "No",
        ];
        return string.Join(',', fields.Select(v => "\"" + v + "\""));
    }

    private static IngestionSummary Upload(TempStore store, string csv)
    {
        using var upload = SpooledUpload.CopyAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "survey.csv", long.MaxValue, CancellationToken.None)
            .GetAwaiter().GetResult();
        return new UploadIngestor(store.Store, TimeProvider.System).Ingest(upload, null, int.MaxValue).Summary;
    }

    [Test]
    public void A_re_upload_written_another_way_adds_nothing()
    {
        using var store = TempStore.WithReferenceData();
        Assert.That(Upload(store, SurveyCsv.File(Rows)).Accepted, Is.EqualTo(Rows.Length));
        var tables = store.Store.TableCounts();

        var again = Upload(store, SurveyCsv.File(Rows.Select(Rewritten)));

        Assert.That((again.AlreadyIngested, again.Accepted, again.AlreadyStored, again.Quarantine.Select(q => q.Reason)), Is.EqualTo((false, 0, Rows.Length, Array.Empty<string>())));
        Assert.That(store.Store.TableCounts()["quote_observations"], Is.EqualTo(tables["quote_observations"]));
    }

    [Test]
    public void A_row_and_its_copy_written_another_way_in_one_file_are_one_row()
    {
        using var store = TempStore.WithReferenceData();

        var summary = Upload(store, SurveyCsv.File([Rows[2], Rewritten(Rows[2])]));

        Assert.That((summary.Accepted, summary.Quarantine.Single().Reason), Is.EqualTo((1, "duplicate of row 2")));
    }

    [Test]
    public void A_really_different_value_is_a_new_row()
    {
        using var store = TempStore.WithReferenceData();
        Upload(store, SurveyCsv.File(Rows));

        var again = Upload(store, SurveyCsv.File(Rows.Skip(1).Select(Rewritten).Prepend(Rewritten(SurveyCsv.Row(1, fee: 4.98m)))));

        Assert.That((again.Accepted, again.AlreadyStored), Is.EqualTo((1, Rows.Length - 1)));
        Assert.That(store.Store.Observations().Where(o => o.BatchId == again.BatchId).Select(o => o.SourceRow), Is.EqualTo(new[] { 2L }));
    }

    [Test]
    public void Rows_stored_under_the_hash_of_their_text_are_not_stored_again()
    {
        using var store = TempStore.WithReferenceData();
        var file = SurveyCsv.File(Rows.Take(2));
        var first = Upload(store, file);
        var catalog = new CatalogStore(store.Store);
        using (var text = new StringReader(file))
        using (var connection = store.Store.Open())
        {
            // The store as the earlier version left it: the same rows under the hash of their text, which the reader still gives as the previous hash.
            foreach (var row in new SurveyCsvReader(catalog.Countries(), catalog.Currencies(), TimeProvider.System).Read(text).Observations)
            {
                Assert.That(row.PreviousRowHash, Is.Not.Null.And.Not.EqualTo(row.RowHash));
                connection.Execute("UPDATE quote_observations SET row_hash = @hash WHERE batch_id = @batch AND source_row = @row",
                    new { hash = row.PreviousRowHash, batch = first.BatchId, row = (long)row.SourceRow });
            }
        }

        var again = Upload(store, SurveyCsv.File(Rows));

        Assert.That((again.Accepted, again.AlreadyStored), Is.EqualTo((1, 2)));
        Assert.That(store.Store.Observations().Where(o => o.BatchId == again.BatchId).Select(o => o.SourceRow), Is.EqualTo(new[] { 4L }));
    }
}
