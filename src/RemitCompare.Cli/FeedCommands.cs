using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using RemitCompare.Data;
using RemitCompare.Data.Feeds;
using RemitCompare.Data.Snapshots;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Cli;

/// <summary><c>ingest run</c> and <c>ingest watch</c>: the configured live sources, once or on their schedules.</summary>
public static class FeedCommands
{
    /// <summary>Adds both commands to <paramref name="ingest"/>.</summary>
    public static void AddTo(Command ingest, Option<string?> db, TextWriter output, TextWriter errors)
    {
        var config = new Option<FileInfo?>("--config") { Description = "JSON file with a Feeds section (as in the API's appsettings.json); environment variables Feeds__… also apply" };
        var run = new Command("run", "Fetch every configured live source once, each corridor as one batch") { config };
        run.SetAction(async (parse, cancellationToken) =>
        {
            using var loggers = Loggers();
            using var scheduler = Scheduler(parse, db, config, errors, loggers, _ => { });
            if (scheduler is null) return 2;
            var records = await scheduler.RunOnceAsync(cancellationToken);
            foreach (var record in records) Print(output, record);
            return records.Any(r => r.Outcome == "failed") ? 1 : 0;
        });
        var watch = new Command("watch", "Run the configured live sources on their schedules until stopped (Ctrl+C); on PostgreSQL only while no other process runs them") { config };
        watch.SetAction(async (parse, cancellationToken) =>
        {
            using var loggers = Loggers();
            using var scheduler = Scheduler(parse, db, config, errors, loggers, record => Print(output, record));
            if (scheduler is null) return 2;
            await scheduler.LeadAsync(cancellationToken);
            return 0;
        });
        ingest.Subcommands.Add(run);
        ingest.Subcommands.Add(watch);
    }

    // Structured log lines go to stderr; stdout keeps one summary line per batch.
    private static ILoggerFactory Loggers() => LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
        .AddFilter("Polly", LogLevel.Warning)
        .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

    private static FeedScheduler? Scheduler(
        ParseResult parse, Option<string?> db, Option<FileInfo?> config, TextWriter errors, ILoggerFactory loggers, Action<FetchRecord> committed)
    {
        var builder = new ConfigurationBuilder();
        if (parse.GetValue(config) is { } file)
        {
            if (!file.Exists)
            {
                errors.WriteLine($"error: no such file: {file.FullName}");
                return null;
            }
            builder.AddJsonFile(file.FullName, optional: false);
        }
        var configuration = builder.AddEnvironmentVariables().Build();
        var options = configuration.GetSection(FeedOptions.Section).Get<FeedOptions>() ?? new FeedOptions();
        if (options.Sources.Count == 0)
        {
            errors.WriteLine("error: no live sources configured (Feeds:Sources in --config or Feeds__Sources__0__… variables).");
            return null;
        }
        var store = CliApp.OpenStore(parse.GetValue(db));
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false);
        var snapshot = configuration.GetSection("Snapshot").Get<SnapshotOptions>() ?? new SnapshotOptions();
        try
        {
            return new FeedScheduler(options, store, TimeProvider.System, loggers, snapshot.FeedFreshness, committed);
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    private static void Print(TextWriter output, FetchRecord r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Source}: {r.Outcome}{(r.BatchId is { } b ? $" batch {b}" : "")}, accepted {r.Accepted}, quarantined {r.Quarantined}{(r.Error is null ? "" : $" — {r.Error}")}"));
}
