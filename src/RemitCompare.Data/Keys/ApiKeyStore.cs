using System.Security.Cryptography;
using System.Text;
using Dapper;
using System.Data.Common;

namespace RemitCompare.Data.Keys;

/// <summary>What a key may do: <c>upload</c> survey files, or <c>admin</c> (everything an upload key may, and more).</summary>
public enum ApiKeyScope
{
    /// <summary>May upload survey files.</summary>
    Upload,
    /// <summary>May do everything.</summary>
    Admin,
}

/// <summary>A stored key, without its secret.</summary>
/// <param name="Id">Row id, recorded on the batches the key uploads.</param>
/// <param name="Name">Who holds it, e.g. the organisation.</param>
/// <param name="Scope">What it may do.</param>
/// <param name="KeyId">The public part of the key, shown in listings.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record ApiKey(long Id, string Name, ApiKeyScope Scope, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>True when the key is valid and its scope covers <paramref name="needed"/>.</summary>
    public bool Allows(ApiKeyScope needed) => RevokedAt is null && (Scope == ApiKeyScope.Admin || Scope == needed);
}

/// <summary>
/// The <c>api_keys</c> table. A key is <c>rc_{keyId}_{secret}</c>: the key id finds the row, the 256-bit random
/// secret is checked against a salted SHA-256 in constant time. A fast hash is enough because the secret is random
/// and as long as a hash: stretching (PBKDF2) protects guessable passwords and would only make every upload cost CPU.
/// </summary>
public sealed class ApiKeyStore(Store store, TimeProvider clock)
{
    private const string Prefix = "rc_";

    /// <summary>Creates a key and returns it with the secret token, which is never stored and cannot be shown again.</summary>
    public (ApiKey Key, string Token) Create(string name, ApiKeyScope scope)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
            throw new ArgumentException("a key name is 1 to 100 printable characters", nameof(name));
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        var now = clock.GetUtcNow();
        using var connection = store.Open();
        try
        {
            var id = connection.ExecuteScalar<long>(
                """
                INSERT INTO api_keys (name, scope, key_id, salt, hash, created_at) VALUES (@name, @scope, @keyId, @salt, @hash, @createdAt)
                RETURNING id
                """,
                new { name = name.Trim(), scope = ScopeName(scope), keyId, salt = Convert.ToHexStringLower(salt), hash = Hash(salt, secret), createdAt = StoredTime.Format(now) });
            return (new ApiKey(id, name.Trim(), scope, keyId, now, null), $"{Prefix}{keyId}_{secret}");
        }
        catch (DbException e) when (store.Classify(e) == StoreFault.UniqueViolation)
        {
            throw new ArgumentException($"an active key named '{name.Trim()}' already exists", nameof(name), e);
        }
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKey> List()
    {
        using var connection = store.Open();
        return connection.Query<KeyRow>("SELECT id, name, scope, key_id AS KeyId, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys ORDER BY id")
            .Select(r => r.ToKey()).ToList();
    }

    /// <summary>Revokes the active key with this name or key id; false when there is none.</summary>
    public bool Revoke(string nameOrKeyId)
    {
        using var connection = store.Open();
        return connection.Execute(
            "UPDATE api_keys SET revoked_at = @at WHERE revoked_at IS NULL AND (name = @nameOrKeyId OR key_id = @nameOrKeyId)",
            new { at = StoredTime.Format(clock.GetUtcNow()), nameOrKeyId }) > 0;
    }

    /// <summary>The key a token belongs to (revoked or not), or null when the token matches no key.</summary>
    public ApiKey? Find(string? token)
    {
        if (token is null || token.Length > 200 || !token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var separator = token.IndexOf('_', Prefix.Length);
        if (separator < 0) return null;
        var keyId = token[Prefix.Length..separator];
        var secret = token[(separator + 1)..];
        using var connection = store.Open();
        var row = connection.QuerySingleOrDefault<KeyRow>(
            "SELECT id, name, scope, key_id AS KeyId, created_at AS CreatedAt, revoked_at AS RevokedAt, salt, hash FROM api_keys WHERE key_id = @keyId",
            new { keyId });
        if (row?.Salt is null || row.Hash is null) return null;
        var expected = Convert.FromHexString(row.Hash);
        var actual = Convert.FromHexString(Hash(Convert.FromHexString(row.Salt), secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? row.ToKey() : null;
    }

    /// <summary>The scope's name as stored and typed on the command line.</summary>
    public static string ScopeName(ApiKeyScope scope) => scope == ApiKeyScope.Admin ? "admin" : "upload";

    private static string Hash(byte[] salt, string secret) =>
        Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private sealed class KeyRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Scope { get; init; } = "";
        public string KeyId { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string? RevokedAt { get; init; }
        public string? Salt { get; init; }
        public string? Hash { get; init; }

        public ApiKey ToKey() => new(Id, Name, Scope == "admin" ? ApiKeyScope.Admin : ApiKeyScope.Upload, KeyId,
            StoredTime.Parse(CreatedAt), StoredTime.ParseOrNull(RevokedAt));
    }
}
