using System.Net;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Indicators;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Audit;

/// <summary>Exports: the RPW 42-column CSV re-ingests to the same indicators; JSON selects; ETags spare unchanged downloads.</summary>
public sealed class ExportTests : TwoBatchApi
{
    private static List<CorridorIndicator> Indicators(RemitCompare.Data.Store store) =>
        RpwMethodology.Corridors(new SurveyRowStore(store).Observations(new SurveyQuery())).Select(i => i with { Batches = [] }).ToList();

    [Test]
    public async Task The_csv_export_re_ingests_to_the_same_indicators()
    {
        var export = await Get("/v1/exports/rpw.csv");
        using var copy = TempStore.WithReferenceData();

        var summary = new Ingestor(copy.Store, TimeProvider.System).Ingest(FileSource.Rpw, new Payload("export.csv", System.Text.Encoding.UTF8.GetBytes(export.Body)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Layout, Is.EqualTo("worldbank-42"));
            Assert.That(summary.Quarantine.Select(q => q.Reason), Is.Empty);
            Assert.That(Indicators(copy.Store), Is.EqualTo(Indicators(Factory.Store.Store)));
        }
    }

    [Test]
    public async Task The_csv_export_has_the_world_bank_header_and_one_line_per_row()
    {
        var lines = (await Get("/v1/exports/rpw.csv")).Body.TrimEnd('\n').Split('\n');

        Assert.That(lines[0], Is.EqualTo(File.ReadAllText(RepoFiles.Data("rpw/rpw_worldbank_42col_header.csv")).Trim()));
        Assert.That(lines, Has.Length.EqualTo(new SurveyRowStore(Factory.Store.Store).Rows(new SurveyQuery()).Count + 1));
    }

    [Test]
    public async Task The_json_export_holds_only_the_period_and_corridors_asked_for()
    {
        var answer = await Get("/v1/exports/rpw.json", ("period", "2025Q3"), ("corridors", "ken-uga,TZA-KEN"));

        var rows = answer.Root.GetProperty("rows").EnumerateArray().ToList();
        var expected = Stored.Count(r => r["PERIOD"] == "2025_3Q" && r["CORRIDOR"] is "KENUGA" or "TZAKEN");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(r => (r.GetProperty("period").GetString(), r.GetProperty("from").GetString() + "-" + r.GetProperty("to").GetString())).Distinct(),
                Is.EquivalentTo(new[] { ("2025Q3", "KEN-UGA"), ("2025Q3", "TZA-KEN") }));
            Assert.That(rows, Has.Count.EqualTo(expected));
            Assert.That(rows.Count(r => !r.GetProperty("transparent").GetBoolean()), Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task An_unchanged_export_answers_304_to_its_etag_and_a_different_one_gets_a_new_etag()
    {
        using var first = await Client.GetAsync(new Uri("/v1/exports/rpw.csv", UriKind.Relative));
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/v1/exports/rpw.csv");
        again.Headers.IfNoneMatch.Add(etag);

        using var second = await Client.SendAsync(again);
        using var earlier = await Client.GetAsync(new Uri("/v1/exports/rpw.csv?asOf=" + Between, UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.Empty);
            Assert.That(earlier.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(earlier.Headers.ETag, Is.Not.EqualTo(etag));
        }
    }

    [Test]
    public async Task Bad_corridor_lists_are_problems_naming_corridors()
    {
        var answer = await Get("/v1/exports/rpw.csv", ("corridors", "KEN-UGA,Kenya"));

        Assert.That((answer.Status, answer.ErrorNames), Is.EqualTo((HttpStatusCode.BadRequest, (IReadOnlyList<string>)["corridors"])));
    }
}
