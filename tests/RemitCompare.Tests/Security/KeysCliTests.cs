using RemitCompare.Data.Keys;
using RemitCompare.Tests.Ingestion;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Security;

/// <summary><c>remitcompare keys create|list|revoke</c> as a real process on a real store.</summary>
[Category("SqliteOnly")] // the command line is pointed at a store file with --db
public sealed class KeysCliTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public void Keys_are_created_listed_without_their_secret_and_revoked()
    {
        using var store = TempStore.WithReferenceData();
        string[] Db(params string[] args) => [.. args, "--db", store.Path];

        var created = CliProcess.Run(Db("keys", "create", "Example NGO", "--scope", "admin"), store.Directory, null, Patience);
        Assert.That(created.ExitCode, Is.Zero, created.Errors);
        var token = created.Output.Trim();
        var found = new ApiKeyStore(store.Store, TimeProvider.System).Find(token);
        Assert.That(found, Is.Not.Null, "the printed token is a working key");
        Assert.That(found!.Scope, Is.EqualTo(ApiKeyScope.Admin));

        var listed = CliProcess.Run(Db("keys", "list"), store.Directory, null, Patience);
        Assert.That(listed.Output, Does.Contain("Example NGO").And.Contain(found.KeyId).And.Contain("active"));
        Assert.That(listed.Output, Does.Not.Contain(token[(token.IndexOf('_', 3) + 1)..]), "the secret is never shown again");

        var duplicate = CliProcess.Run(Db("keys", "create", "Example NGO"), store.Directory, null, Patience);
        Assert.That(duplicate.ExitCode, Is.Not.Zero);

        var revoked = CliProcess.Run(Db("keys", "revoke", found.KeyId), store.Directory, null, Patience);
        Assert.That(revoked.ExitCode, Is.Zero, revoked.Errors);
        Assert.That(new ApiKeyStore(store.Store, TimeProvider.System).Find(token)!.RevokedAt, Is.Not.Null);
        Assert.That(CliProcess.Run(Db("keys", "revoke", found.KeyId), store.Directory, null, Patience).ExitCode, Is.Not.Zero, "already revoked");
    }
}
