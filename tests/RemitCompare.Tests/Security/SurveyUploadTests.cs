using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using RemitCompare.Data.Keys;
using RemitCompare.Tests.Api;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Security;

/// <summary>POST /v1/surveys: only a key with the upload scope writes, every upload is a batch of that key, each row is reported.</summary>
public sealed class SurveyUploadTests
{
    private ApiFactory _api = null!;
    private HttpClient _client = null!;
    private string _key = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _api = new ApiFactory(new Dictionary<string, string> { ["Uploads:MaxBytes"] = "200000", ["Uploads:MaxRows"] = "500" });
        _client = _api.CreateClient();
        _key = SurveyCsv.CreateKey(_api.Store.Store, "Upload NGO");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _api.Dispose();
    }

    private static async Task<ApiAnswer> Read(HttpResponseMessage response)
    {
        using (response) return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private async Task<ApiAnswer> Upload(string? key, string csv, string mediaType = "text/csv") =>
        await Read(await SurveyCsv.Upload(_client, key, csv, mediaType));

    private static void AssertDocumented(int status, ApiAnswer answer)
    {
        var operation = OpenApiContractTests.Document.Paths["/v1/surveys"].Operations[Microsoft.OpenApi.Models.OperationType.Post];
        Assert.That(operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response), Is.True, $"status {status} undocumented");
        Assert.That(response!.Content.Keys, Has.Member(answer.MediaType));
        Assert.That(SchemaValidator.Validate(answer.Root, response.Content[answer.MediaType!].Schema), Is.Empty, answer.Body);
    }

    [Test]
    public async Task A_survey_upload_reports_each_row_and_is_a_batch_of_its_key()
    {
        var csv = SurveyCsv.File([SurveyCsv.Row(1), SurveyCsv.Row(2, fee: -3m), SurveyCsv.Row(3, amount: "NaN"), SurveyCsv.Row(4)]);

        var answer = await Upload(_key, csv);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        AssertDocumented(200, answer);
        var root = answer.Root;
        var rows = root.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("status").GetString(), r.GetProperty("field").GetString())).ToList();
        Assert.That(rows, Is.EqualTo(new[] { (2, "accepted", (string?)null), (3, "quarantined", "fee"), (4, "quarantined", "amount"), (5, "accepted", null) }));
        using var connection = _api.Store.Store.Open();
        var keyId = connection.ExecuteScalar<long>("SELECT api_key_id FROM batches WHERE id = @id", new { id = root.GetProperty("batchId").GetInt64() });
        Assert.That(keyId, Is.EqualTo(connection.ExecuteScalar<long>("SELECT id FROM api_keys WHERE name = 'Upload NGO'")));
        Assert.That(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM quote_observations WHERE batch_id = @id", new { id = root.GetProperty("batchId").GetInt64() }), Is.EqualTo(2));
    }

    [Test]
    public async Task An_uploaded_price_is_compared_at_once()
    {
        var answer = await Upload(_key, SurveyCsv.File([SurveyCsv.Row(900)]));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);

        var compare = await ApiAnswer.GetAsync(_client, "/v1/compare?from=USA&to=MEX&amount=200&currency=USD&includeStale=true");

        Assert.That(compare.Body, Does.Contain("Survey Provider 900"));
    }

    [Test]
    public async Task The_same_file_twice_adds_nothing()
    {
        var csv = SurveyCsv.File(3, offset: 100);
        var first = await Upload(_key, csv);
        var counts = _api.Store.Store.TableCounts();

        var second = await Upload(_key, csv);

        Assert.That(second.Root.GetProperty("alreadyUploaded").GetBoolean(), Is.True, second.Body);
        Assert.That(second.Root.GetProperty("batchId").GetInt64(), Is.EqualTo(first.Root.GetProperty("batchId").GetInt64()));
        Assert.That(_api.Store.Store.TableCounts(), Is.EqualTo(counts));
    }

    [Test]
    public async Task A_multipart_form_with_the_RPW_sample_is_accepted()
    {
        using var form = new MultipartFormDataContent();
        var sample = File.ReadAllBytes(RepoFiles.RpwSample);
        form.Add(new ByteArrayContent(sample[..Math.Min(sample.Length, 150_000)]), "file", "rpw.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/surveys") { Content = form };
        request.Headers.Add("X-Api-Key", _key);

        var answer = await Read(await _client.SendAsync(request));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        Assert.That(answer.Root.GetProperty("layout").GetString(), Is.EqualTo("cleaned-30"));
        Assert.That(answer.Root.GetProperty("rowsRead").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public async Task No_key_is_401_and_stores_nothing()
    {
        var counts = _api.Store.Store.TableCounts();
        var answer = await Upload(null, SurveyCsv.File(2));
        answer.AssertIsProblem(HttpStatusCode.Unauthorized);
        AssertDocumented(401, answer);
        Assert.That(_api.Store.Store.TableCounts(), Is.EqualTo(counts));
    }

    [Test]
    public async Task A_forged_key_is_401()
    {
        var forged = _key[..^4] + (_key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        (await Upload(forged, SurveyCsv.File(2))).AssertIsProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_revoked_key_is_refused_from_the_next_request()
    {
        var key = SurveyCsv.CreateKey(_api.Store.Store, "Soon revoked");
        Assert.That((await Upload(key, SurveyCsv.File(1, offset: 300))).Status, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(new ApiKeyStore(_api.Store.Store, TimeProvider.System).Revoke("Soon revoked"), Is.True);

        (await Upload(key, SurveyCsv.File(1, offset: 301))).AssertIsProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_admin_key_may_upload_and_an_upload_key_may_not_do_admin_work()
    {
        var key = SurveyCsv.CreateKey(_api.Store.Store, "Administrator", ApiKeyScope.Admin);
        Assert.That((await Upload(key, SurveyCsv.File(1, offset: 400))).Status, Is.EqualTo(HttpStatusCode.OK));
        var upload = new ApiKeyStore(_api.Store.Store, TimeProvider.System).Find(_key);
        Assert.That(upload!.Allows(ApiKeyScope.Admin), Is.False);
    }

    [Test]
    public async Task A_body_over_the_size_limit_is_413_and_stores_nothing()
    {
        var counts = _api.Store.Store.TableCounts();
        var answer = await Upload(_key, SurveyCsv.File(3000, offset: 10_000));
        answer.AssertIsProblem(HttpStatusCode.RequestEntityTooLarge);
        AssertDocumented(413, answer);
        Assert.That(_api.Store.Store.TableCounts(), Is.EqualTo(counts));
    }

    [Test]
    public async Task More_rows_than_allowed_is_400_naming_the_body()
    {
        var answer = await Upload(_key, SurveyCsv.Header + "\n" + string.Concat(Enumerable.Repeat("x\n", 600)));
        answer.AssertIsProblemNaming("body");
        AssertDocumented(400, answer);
    }

    [Test]
    public async Task A_body_that_is_not_UTF8_is_400_naming_the_body()
    {
        var bytes = Encoding.UTF8.GetBytes(SurveyCsv.File(1, offset: 500)).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, (byte)'\n' }).ToArray();
        var answer = await Read(await SurveyCsv.UploadBytes(_client, _key, bytes));
        answer.AssertIsProblemNaming("body");
    }

    [Test]
    public async Task A_body_holding_a_NUL_byte_is_400_naming_the_body_and_stores_nothing()
    {
        var counts = _api.Store.Store.TableCounts();
        var csv = SurveyCsv.File([SurveyCsv.Row(700), SurveyCsv.Row(701).Replace(",", ",\0", StringComparison.Ordinal)]);

        var answer = await Read(await SurveyCsv.Upload(_client, _key, csv));

        answer.AssertIsProblemNaming("body");
        Assert.That(answer.Body, Does.Contain("NUL byte"));
        Assert.That(_api.Store.Store.TableCounts(), Is.EqualTo(counts));
    }

    [Test]
    public async Task A_row_longer_than_a_mebibyte_is_400_naming_the_body()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["Uploads:MaxBytes"] = "20000000" });
        using var client = api.CreateClient();
        var key = SurveyCsv.CreateKey(api.Store.Store, "Long lines");
        var counts = api.Store.Store.TableCounts();

        var answer = await Read(await SurveyCsv.Upload(client, key, SurveyCsv.Header + "\n" + new string('9', 10 * 1024 * 1024) + "\n"));

        answer.AssertIsProblemNaming("body");
        Assert.That(api.Store.Store.TableCounts(), Is.EqualTo(counts));
    }

    [Test]
    public async Task A_body_that_is_not_CSV_is_415()
    {
        var answer = await Upload(_key, "{\"provider\": 1}", "application/json");
        answer.AssertIsProblem(HttpStatusCode.UnsupportedMediaType);
        AssertDocumented(415, answer);
    }

    [Test]
    public async Task A_header_of_no_known_layout_is_400()
    {
        (await Upload(_key, "a,b,c\n1,2,3\n")).AssertIsProblemNaming("body");
    }

    [Test]
    public async Task A_key_is_stored_only_as_a_salted_hash()
    {
        var key = SurveyCsv.CreateKey(_api.Store.Store, "Hash check");
        var secret = key[(key.IndexOf('_', 3) + 1)..];
        using var connection = _api.Store.Store.Open();
        var row = connection.QuerySingle<(string Salt, string Hash)>("SELECT salt, hash FROM api_keys WHERE name = 'Hash check'");
        var dump = string.Join("|", connection.Query<string>("SELECT name || scope || key_id || salt || hash FROM api_keys"));
        var unsalted = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dump, Does.Not.Contain(secret));
            Assert.That(row.Hash, Is.Not.EqualTo(unsalted));
            Assert.That(row.Salt, Has.Length.EqualTo(32));
        }
        await Task.CompletedTask;
    }

    [Test]
    public async Task Uploads_past_the_upload_rate_limit_are_429_with_Retry_After()
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["RateLimits:UploadPermitLimit"] = "2" });
        using var client = api.CreateClient();
        var key = SurveyCsv.CreateKey(api.Store.Store, "Eager");
        for (var i = 0; i < 2; i++) Assert.That((await SurveyCsv.Upload(client, key, SurveyCsv.File(1, offset: i))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var refused = await SurveyCsv.Upload(client, key, SurveyCsv.File(1, offset: 9));
        var answer = await Read(refused);

        answer.AssertIsProblem(HttpStatusCode.TooManyRequests);
        AssertDocumented(429, answer);
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That((await ApiAnswer.GetAsync(client, "/v1/corridors")).Status, Is.EqualTo(HttpStatusCode.OK), "reads have their own limit");
    }
}
