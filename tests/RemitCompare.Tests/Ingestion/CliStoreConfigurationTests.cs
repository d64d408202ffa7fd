using System.Globalization;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Ingestion;

/// <summary>Without <c>--db</c>, the command line uses the store the environment configures, as the API does, on either engine.</summary>
public sealed class CliStoreConfigurationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Test]
    public void The_environment_names_the_store_when_db_is_absent()
    {
        using var store = TempStore.Empty();

        var (exitCode, output, errors) = CliProcess.Run(["ingest", "rpw", RepoFiles.RpwSample], store.Directory, store.Environment, Patience);

        Assert.That(exitCode, Is.Zero, errors);
        Assert.That(CliSummary.Figure(output, "accepted"), Is.EqualTo(store.Store.Count("quote_observations").ToString(CultureInfo.InvariantCulture)));
        Assert.That(store.Store.Count("quote_observations"), Is.Positive);
        Assert.That(File.Exists(Path.Combine(store.Directory, RemitCompare.Data.SqliteStore.DefaultPath)), Is.False, "the default ./remitcompare.db was used instead");
    }

    [Test]
    public void An_unknown_store_provider_is_refused_by_name()
    {
        using var store = TempStore.Empty();
        var environment = new Dictionary<string, string> { ["Store__Provider"] = "mongodb" };

        var (exitCode, _, errors) = CliProcess.Run(["ingest", "rpw", RepoFiles.RpwSample], store.Directory, environment, Patience);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(errors, Does.Contain("Store:Provider 'mongodb' is not known"));
    }
}
