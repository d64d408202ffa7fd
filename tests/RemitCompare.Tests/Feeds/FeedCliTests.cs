using RemitCompare.FeedSimulator;
using RemitCompare.Tests.Ingestion;

namespace RemitCompare.Tests.Feeds;

/// <summary><c>remitcompare ingest run</c> as a real process against the simulator on loopback.</summary>
[Category("SqliteOnly")] // the command line is pointed at a store file with --db
public sealed class FeedCliTests
{
    private static string Config(FeedWorld world) =>
        $$"""
        {
          "Feeds": {
            "Sources": [
              {
                "Name": "sim",
                "Url": "{{new Uri(world.BaseAddress, "quotes")}}",
                "Corridors": [ { "From": "USA", "To": "MEX", "SendCurrency": "USD", "ReceiveCurrency": "MXN", "Amounts": [ 200, 500 ] } ],
                "Resilience": { "MaxRetries": 0 }
              }
            ]
          }
        }
        """;

    [Test]
    public async Task Ingest_run_fetches_every_source_once_and_reports_each_batch()
    {
        await using var world = await FeedWorld.StartAsync(realClock: true);
        var config = world.Store.File("feeds.json");
        await File.WriteAllTextAsync(config, Config(world));

        var (exitCode, output, errors) = CliProcess.Run(["ingest", "run", "--config", config, "--db", world.Store.Path], world.Store.Directory, null, TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.Zero, errors);
        Assert.That(output, Does.Match(@"sim: ok batch \d+, accepted 4, quarantined 0"));
        Assert.That(world.Store.Store.FeedObservations(), Is.EqualTo(4));
    }

    [Test]
    public async Task Ingest_run_exits_non_zero_when_a_source_fails_and_stores_nothing_from_it()
    {
        await using var world = await FeedWorld.StartAsync(realClock: true);
        world.Simulator.Always = FeedFault.ServerError;
        var config = world.Store.File("feeds.json");
        await File.WriteAllTextAsync(config, Config(world));

        var (exitCode, output, _) = CliProcess.Run(["ingest", "run", "--config", config, "--db", world.Store.Path], world.Store.Directory, null, TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("sim: failed").And.Contain("HTTP 500"));
        Assert.That(world.Store.Store.Batches(), Is.Zero);
    }
}
