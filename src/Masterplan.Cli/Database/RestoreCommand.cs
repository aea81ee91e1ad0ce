using Masterplan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Database;

/// <summary>
/// <c>masterplan restore --from FILE [--force]</c>: replaces the SQLite database with a backup, through SQLite's
/// online backup API. Refuses to overwrite a database that holds data unless --force is given. On PostgreSQL it
/// names the pg_restore command instead (exit 2).
/// </summary>
internal sealed class RestoreCommand : ICommand
{
    public string Name => "restore";

    public string Summary => "Replace the SQLite database with a backup --from FILE [--force to overwrite data] (PostgreSQL: pg_restore)";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var file = Path.GetFullPath(args.Required("from"));
        var code = 0;
        var hostCode = await CliHost.RunAsync(args, error, async services =>
        {
            var settings = services.GetRequiredService<DatabaseSettings>();
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await error.WriteLineAsync(
                    $"On PostgreSQL restore with pg_restore, not with this tool: {BackupFiles.PgRestore(settings.ConnectionString, file)} (see docs/operations.md).");
                code = 2;
                return;
            }

            if (!File.Exists(file))
            {
                await error.WriteLineAsync($"There is no backup file at {file}.");
                code = 1;
                return;
            }

            var database = BackupFiles.SqliteFile(settings.ConnectionString);
            try
            {
                using var source = BackupFiles.Open(file, SqliteOpenMode.ReadWrite);
                BackupFiles.CheckIntegrity(source, file);
                if (!BackupFiles.HasTable(source, "__EFMigrationsHistory"))
                {
                    await error.WriteLineAsync($"{file} is a SQLite file but not a Masterplan database (it has no migrations history); nothing was restored.");
                    code = 1;
                    return;
                }

                if (Path.GetDirectoryName(database) is { Length: > 0 } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                using var target = BackupFiles.Open(database, SqliteOpenMode.ReadWriteCreate);
                if (BackupFiles.HasTables(target) && !args.Has("force"))
                {
                    await error.WriteLineAsync($"Refused: {database} already holds data and restoring would replace all of it; stop the app and add --force to overwrite it.");
                    code = 1;
                    return;
                }

                source.BackupDatabase(target);
                BackupFiles.CheckIntegrity(target, database);
            }
            catch (SqliteException e)
            {
                throw new StartupException($"Restore of {file} into {database} failed: {e.Message.Split('\n')[0].Trim()}", e);
            }

            await output.WriteLineAsync($"Restored {database} from {file}. The app brings an older backup up to the current schema when it next starts.");
        });
        return hostCode != 0 ? hostCode : code;
    }
}
