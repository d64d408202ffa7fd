using RemitCompare.Data.Keys;

namespace RemitCompare.Api.Hosting;

/// <summary>
/// Write endpoints need an API key in the <c>X-Api-Key</c> header whose scope covers them: none or an unknown or revoked
/// key gets 401, a key without the scope 403, both as problem+json. The key found is in <see cref="KeyOf"/>.
/// </summary>
public static class ApiKeyAuthentication
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    private static readonly object KeyItem = new();

    /// <summary>Requires a key with <paramref name="scope"/> (an admin key has every scope).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiKeyScope scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var token = http.Request.Headers[Header].ToString();
            if (token.Length == 0) return Unauthorized(http, $"Send an API key in the {Header} header.");
            var key = http.RequestServices.GetRequiredService<ApiKeyStore>().Find(token);
            if (key is null || key.RevokedAt is not null) return Unauthorized(http, "The API key is unknown or revoked.");
            if (!key.Allows(scope))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: $"The key '{key.KeyId}' has scope '{ApiKeyStore.ScopeName(key.Scope)}'; this needs '{ApiKeyStore.ScopeName(scope)}'.");
            }
            http.Items[KeyItem] = key;
            return await next(context);
        });

    /// <summary>The key the request was authenticated with.</summary>
    public static ApiKey KeyOf(HttpContext context) =>
        context.Items[KeyItem] as ApiKey ?? throw new InvalidOperationException("the endpoint does not require an API key");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
    }
}
