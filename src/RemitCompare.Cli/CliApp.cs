using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using RemitCompare.Data;
using RemitCompare.Ingestion;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Cli;

/// <summary>The <c>remitcompare</c> command line: ingestion of survey files, reference rates and flows into the store; indicators.</summary>
public static class CliApp
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(TextWriter? output = null, TextWriter? errors = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        var db = new Option<string?>("--db") { Description = "SQLite database file (default: the store configured by env Store__Provider, Store__Path or Store__ConnectionString, else ./remitcompare.db)", Recursive = true };
        var root = new RootCommand("RemitCompare: remittance cost comparison — ingestion and maintenance") { db };
        var ingest = new Command("ingest", "Ingest a file into the store as one batch");
        ingest.Subcommands.Add(IngestCommand("rpw", "World Bank RPW survey rows (42-column or 30-column CSV layout, or the dataset workbook .xlsx)", FileSource.Rpw, db, output, errors));
        ingest.Subcommands.Add(IngestCommand("ecb", "ECB euro reference rates (eurofxref-hist.csv or the daily XML)", FileSource.Ecb, db, output, errors));
        ingest.Subcommands.Add(IngestCommand("flows", "World Bank/KNOMAD bilateral remittance flows (the matrix workbook .xlsx or the long CSV)", FileSource.Flows, db, output, errors));
        FeedCommands.AddTo(ingest, db, output, errors);
        root.Subcommands.Add(ingest);
        root.Subcommands.Add(IndicatorsCommand.Build(db, output, errors));
        root.AddStoreCommands(db, output, errors);
        return root;
    }

    /// <summary>
    /// The store: the SQLite file given with <c>--db</c>, else the one configured by environment variables as for the
    /// API (<c>Store__Provider</c>, <c>Store__Path</c>, <c>Store__ConnectionString</c>), else ./remitcompare.db.
    /// </summary>
    public static Store OpenStore(string? option) => !string.IsNullOrWhiteSpace(option)
        ? new SqliteStore(option)
        : Store.FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    private static Command IngestCommand(string name, string description, FileSource source, Option<string?> db, TextWriter output, TextWriter errors)
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to ingest" };
        var command = new Command(name, description) { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                errors.WriteLine($"error: no such file: {path.FullName}");
                return 2;
            }
            var store = OpenStore(parse.GetValue(db));
            DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false);
            try
            {
                var progress = new ConsoleProgress(errors);
                var summary = new Ingestor(store, TimeProvider.System).Ingest(source, Payload.FromFile(path.FullName), progress);
                Print(output, path.Name, summary);
                return 0;
            }
            catch (IngestionException e)
            {
                errors.WriteLine($"error: {e.Message} Nothing was stored.");
                return 1;
            }
        });
        return command;
    }

    private static void Print(TextWriter output, string file, IngestionSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        if (s.AlreadyIngested)
        {
            output.WriteLine(string.Create(c, $"{file}: already ingested as batch {s.BatchId}; nothing added."));
            return;
        }
        output.WriteLine(string.Create(c, $"{file}: batch {s.BatchId} ({s.Layout})"));
        output.WriteLine(string.Create(c, $"  rows read     {s.RowsRead,8}"));
        output.WriteLine(string.Create(c, $"  accepted      {s.Accepted,8}"));
        if (s.AlreadyStored > 0) output.WriteLine(string.Create(c, $"  already held  {s.AlreadyStored,8}"));
        output.WriteLine(string.Create(c, $"  quarantined   {s.Quarantine.Count,8}"));
        output.WriteLine(string.Create(c, $"  duration      {s.Duration.TotalSeconds,8:0.00} s"));
        foreach (var q in s.Quarantine.Take(20))
            output.WriteLine(string.Create(c, $"  row {q.RowNumber}: {(q.Field is null ? "" : q.Field + ": ")}{q.Reason}"));
        if (s.Quarantine.Count > 20) output.WriteLine(string.Create(c, $"  … and {s.Quarantine.Count - 20} more quarantined rows (table quarantine, batch {s.BatchId})"));
    }

    private sealed class ConsoleProgress(TextWriter errors) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value)
        {
            if (value.Stage == "writing" && value.Rows % 10_000 != 0) return;
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Rows} rows"));
            errors.Flush();
        }
    }
}
