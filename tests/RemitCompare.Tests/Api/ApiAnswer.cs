using System.Net;
using System.Text.Json;

namespace RemitCompare.Tests.Api;

/// <summary>An HTTP answer read whole: status, media type and body.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string? MediaType, string Body)
{
    /// <summary>The media type of a JSON success answer.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of an RFC 9457 problem.</summary>
    public const string Problem = "application/problem+json";

    /// <summary>The body as JSON.</summary>
    public JsonElement Root => JsonSerializer.Deserialize<JsonElement>(Body);

    /// <summary>The parameter names a validation problem's <c>errors</c> lists; empty when there is none.</summary>
    public IReadOnlyList<string> ErrorNames =>
        Root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : [];

    /// <summary>GETs a relative path and query.</summary>
    public static async Task<ApiAnswer> GetAsync(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}

/// <summary>Builds query strings.</summary>
public static class Query
{
    /// <summary><c>?a=1&amp;b=2</c> with every value escaped; null values are left out.</summary>
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
