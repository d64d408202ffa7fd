using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using RemitCompare.Data;
using RemitCompare.Data.Keys;

namespace RemitCompare.Tests.Security;

/// <summary>Survey files in the RemitCompare layout, keys, and uploads to the running API.</summary>
internal static class SurveyCsv
{
    public const string Header =
        "provider,firm_type,from,to,send_currency,payout_currency,amount,fee,rate,receive_fee,payout_method,funding_method,speed,collected_at,promotion";

    /// <summary>A valid USA → MEX row; <paramref name="n"/> makes the provider (and so the service) new.</summary>
    public static string Row(int n, decimal fee = 4.99m, string amount = "200") =>
        string.Create(CultureInfo.InvariantCulture,
            $"Survey Provider {n},Money Transfer Operator,USA,MEX,USD,MXN,{amount},{fee},18.31,,cash_pickup,cash,same_day,2025-09-14,no");

    public static string File(IEnumerable<string> rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static string File(int rows, int offset = 0) => File(Enumerable.Range(offset, rows).Select(i => Row(i)));

    public static string CreateKey(Store store, string name, ApiKeyScope scope = ApiKeyScope.Upload) =>
        new ApiKeyStore(store, TimeProvider.System).Create(name, scope).Token;

    public static async Task<HttpResponseMessage> Upload(HttpClient client, string? key, string csv, string mediaType = "text/csv", CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/surveys") { Content = new StringContent(csv, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (key is not null) request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return await client.SendAsync(request, cancellation);
    }

    public static async Task<HttpResponseMessage> UploadBytes(HttpClient client, string? key, byte[] body, string mediaType = "text/csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/surveys") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (key is not null) request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
