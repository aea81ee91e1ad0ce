using Masterplan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Masterplan.Cli.Database;

/// <summary>
/// <c>masterplan backup --out FILE [--force]</c>: a consistent copy of the SQLite database, taken with SQLite's
/// online backup API while the app may keep running. On PostgreSQL it names the pg_dump command instead (exit 2).
/// </summary>
internal sealed class BackupCommand : ICommand
{
    public string Name => "backup";

    public string Summary => "Copy the SQLite database to a file while the app runs --out FILE [--force] (PostgreSQL: pg_dump)";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var file = Path.GetFullPath(args.Required("out"));
        var code = 0;
        var hostCode = await CliHost.RunAsync(args, error, async services =>
        {
            var settings = services.GetRequiredService<DatabaseSettings>();
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await error.WriteLineAsync(
                    $"On PostgreSQL back up with pg_dump, not with this tool: {BackupFiles.PgDump(settings.ConnectionString, file)} (see docs/operations.md).");
                code = 2;
                return;
            }

            var database = BackupFiles.SqliteFile(settings.ConnectionString);
            if (!File.Exists(database))
            {
                await error.WriteLineAsync($"There is no SQLite database at {database}; nothing to back up. Check ConnectionStrings:Masterplan.");
                code = 1;
                return;
            }

            if (File.Exists(file) && !args.Has("force"))
            {
                await error.WriteLineAsync($"{file} already exists. Choose another --out file or add --force to replace it.");
                code = 1;
                return;
            }

            // Written next to the target first, so a failed backup never leaves a half file under the real name.
            var partial = file + ".partial";
            BackupFiles.Delete(partial);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                using (var source = BackupFiles.Open(database, SqliteOpenMode.ReadWrite))
                using (var target = BackupFiles.Open(partial, SqliteOpenMode.ReadWriteCreate))
                {
                    source.BackupDatabase(target);
                    BackupFiles.CheckIntegrity(target, partial);
                }

                File.Move(partial, file, overwrite: true);
            }
            catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or StartupException)
            {
                BackupFiles.Delete(partial);
                throw e is StartupException ? e : new StartupException($"Backup of {database} to {file} failed: {e.Message.Split('\n')[0].Trim()}", e);
            }

            await output.WriteLineAsync($"Backup of {database} written to {file} ({new FileInfo(file).Length:N0} bytes).");
        });
        return hostCode != 0 ? hostCode : code;
    }
}

/// <summary>What backup and restore share: SQLite file handling and the PostgreSQL command lines.</summary>
internal static class BackupFiles
{
    /// <summary>The database file of a SQLite connection string (already absolute, see <see cref="DatabaseSettings"/>).</summary>
    public static string SqliteFile(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return file is ":memory:" or ""
            ? throw new StartupException("The SQLite database is in memory (Data Source=:memory:); there is no file to back up or restore.")
            : file;
    }

    /// <summary>An unpooled connection, so the file is closed again when it is disposed.</summary>
    public static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Throws when the file is not a readable SQLite database.</summary>
    public static void CheckIntegrity(SqliteConnection connection, string file)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        var result = command.ExecuteScalar() as string;
        if (result != "ok")
        {
            throw new StartupException($"{file} failed SQLite's integrity check: {result}.");
        }
    }

    public static bool HasTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public static void Delete(string file)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>The documented pg_dump call for the configured database; never contains the password.</summary>
    public static string PgDump(string connectionString, string file) =>
        $"pg_dump -Fc {Target(connectionString)} -f {Quote(file)}";

    /// <summary>The documented pg_restore call for the configured database; never contains the password.</summary>
    public static string PgRestore(string connectionString, string file) =>
        $"pg_restore --clean --if-exists --no-owner --single-transaction {Target(connectionString)} {Quote(file)}";

    private static string Target(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(b.Username) ? "" : $" -U {Quote(b.Username)}";
        return $"-h {Quote(b.Host ?? "localhost")} -p {b.Port}{user} -d {Quote(b.Database ?? "masterplan")}";
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_' or ':' or ',')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
