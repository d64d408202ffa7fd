using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RemitCompare.Data;
using RemitCompare.Data.Backups;
using RemitCompare.Data.Keys;
using RemitCompare.Ingestion;

namespace RemitCompare.Cli;

/// <summary>Maintenance of the store: API keys for uploads, online backup and restore.</summary>
public static class StoreCommands
{
    /// <summary>Adds <c>keys create|list|revoke</c>, <c>backup PATH</c> and <c>restore PATH</c>.</summary>
    public static RootCommand AddStoreCommands(this RootCommand root, Option<string?> db, TextWriter output, TextWriter errors)
    {
        root.Subcommands.Add(Keys(db, output, errors));
        root.Subcommands.Add(Backup(db, output, errors));
        root.Subcommands.Add(Restore(db, output, errors));
        return root;
    }

    private static Store OpenStore(ParseResult parse, Option<string?> db)
    {
        var store = CliApp.OpenStore(parse.GetValue(db));
        DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false);
        return store;
    }

    private static Command Keys(Option<string?> db, TextWriter output, TextWriter errors)
    {
        var keys = new Command("keys", "API keys that may upload survey files (POST /v1/surveys)");
        var name = new Argument<string>("name") { Description = "Who holds the key, e.g. the organisation" };
        var scope = new Option<string>("--scope") { Description = "upload (default) or admin", DefaultValueFactory = _ => "upload" };
        scope.AcceptOnlyFromAmong("upload", "admin");
        var create = new Command("create", "Create a key; its secret is printed once and never stored") { name, scope };
        create.SetAction(parse =>
        {
            var store = OpenStore(parse, db);
            try
            {
                var (key, token) = new ApiKeyStore(store, TimeProvider.System).Create(parse.GetValue(name)!,
                    parse.GetValue(scope) == "admin" ? ApiKeyScope.Admin : ApiKeyScope.Upload);
                output.WriteLine(token);
                errors.WriteLine($"created key {key.KeyId} '{key.Name}' ({ApiKeyStore.ScopeName(key.Scope)}): keep the line above secret; it cannot be shown again.");
                return 0;
            }
            catch (ArgumentException e)
            {
                errors.WriteLine($"error: {e.Message.Split(" (Parameter", 2)[0]}");
                return 1;
            }
        });

        var list = new Command("list", "List keys (never their secrets)");
        list.SetAction(parse =>
        {
            var c = CultureInfo.InvariantCulture;
            foreach (var key in new ApiKeyStore(OpenStore(parse, db), TimeProvider.System).List())
            {
                var state = key.RevokedAt is { } at ? "revoked " + at.ToString("yyyy-MM-dd", c) : "active";
                output.WriteLine(string.Create(c, $"{key.KeyId}  {ApiKeyStore.ScopeName(key.Scope),-6}  {key.CreatedAt:yyyy-MM-dd}  {state,-18}  {key.Name}"));
            }
            return 0;
        });

        var which = new Argument<string>("key") { Description = "The key's name or key id" };
        var revoke = new Command("revoke", "Revoke a key: it is refused from the next request on") { which };
        revoke.SetAction(parse =>
        {
            if (new ApiKeyStore(OpenStore(parse, db), TimeProvider.System).Revoke(parse.GetValue(which)!))
            {
                output.WriteLine($"revoked {parse.GetValue(which)}");
                return 0;
            }
            errors.WriteLine($"error: no active key named or with id '{parse.GetValue(which)}'");
            return 1;
        });
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static Command Backup(Option<string?> db, TextWriter output, TextWriter errors)
    {
        var path = new Argument<FileInfo>("path") { Description = "The backup file to write (replaced if it exists)" };
        var command = new Command("backup", "Copy the store to a file with SQLite's online backup, while the API serves and ingests") { path };
        command.SetAction(parse => Run(errors, () =>
        {
            var target = parse.GetValue(path)!.FullName;
            StoreBackup.Backup(SqliteFile(parse, db), target);
            output.WriteLine($"backed up to {target}");
        }));
        return command;
    }

    private static Command Restore(Option<string?> db, TextWriter output, TextWriter errors)
    {
        var path = new Argument<FileInfo>("path") { Description = "A backup written by 'backup'" };
        var command = new Command("restore", "Replace the store's content with a backup (checked first); restart the API afterwards") { path };
        command.SetAction(parse => Run(errors, () =>
        {
            var store = SqliteFile(parse, db);
            StoreBackup.Restore(store, parse.GetValue(path)!.FullName);
            store.Migrate();
            output.WriteLine($"restored {store.Path} from {parse.GetValue(path)!.FullName}");
        }));
        return command;
    }

    /// <summary>Backup and restore copy one SQLite file; a PostgreSQL store is backed up with its own tools.</summary>
    private static SqliteStore SqliteFile(ParseResult parse, Option<string?> db) =>
        CliApp.OpenStore(parse.GetValue(db)) as SqliteStore
        ?? throw new ArgumentException("backup and restore copy a SQLite store; back up PostgreSQL with pg_dump and pg_restore (docs/DEPLOY.md)");

    private static int Run(TextWriter errors, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Data.Common.DbException or ArgumentException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
