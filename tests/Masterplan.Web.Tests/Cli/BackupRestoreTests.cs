using Masterplan.Cli;
using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Cli;

public class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_the_app_runs_restores_into_a_fresh_database_with_the_same_rows()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var fresh = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var backup = BackupPath();
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Snapshot before;
            await using (var app = new AppFactory(db))
            {
                await using (var scope = app.Scope())
                {
                    var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    data.Persons.Add(new Person { GivenName = "Berta", FamilyName = "Sicherung", Email = "berta@example.org", PublicConsent = true });
                    var organization = await data.Organizations.OrderBy(o => o.Id).FirstAsync();
                    organization.Name += " (geändert)";
                    await data.SaveChangesAsync();
                    before = await Snapshot.TakeAsync(data);
                }

                // Online: the app still has the database open while the backup is taken.
                Assert.Equal(0, await new BackupCommand().RunAsync(Args(db, "--out", backup), output, error));
            }

            Assert.False(File.Exists(fresh.Name));
            Assert.Equal(0, await new RestoreCommand().RunAsync(Args(fresh, "--from", backup), output, error));
            Assert.Equal("", error.ToString());

            await using var restored = new AppFactory(fresh);
            await using var restoredScope = restored.Scope();
            var after = await Snapshot.TakeAsync(restoredScope.ServiceProvider.GetRequiredService<AppDbContext>());
            Assert.Equal(before, after);
            Assert.Contains("Berta Sicherung", after.Persons);
            Assert.EndsWith(" (geändert)", after.FirstOrganization, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task Restore_over_a_database_with_data_is_refused_without_force_and_changes_nothing()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var backup = BackupPath();
        try
        {
            await using (var app = new AppFactory(source))
            await using (var scope = app.Scope())
            {
                var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                data.Persons.Add(new Person { GivenName = "Nur", FamilyName = "ImBackup" });
                await data.SaveChangesAsync();
            }

            Assert.Equal(0, await new BackupCommand().RunAsync(Args(source, "--out", backup), TextWriter.Null, TextWriter.Null));
            SqliteConnection.ClearAllPools();
            var targetBytes = await File.ReadAllBytesAsync(target.Name);
            var error = new StringWriter();

            var code = await new RestoreCommand().RunAsync(Args(target, "--from", backup), TextWriter.Null, error);

            Assert.Equal(1, code);
            var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Refused:", line, StringComparison.Ordinal);
            Assert.Contains("--force", line, StringComparison.Ordinal);
            SqliteConnection.ClearAllPools();
            Assert.Equal(targetBytes, await File.ReadAllBytesAsync(target.Name));

            // With --force the same restore goes through.
            Assert.Equal(0, await new RestoreCommand().RunAsync(Args(target, "--from", backup, "--force"), TextWriter.Null, TextWriter.Null));
            await using var restored = new AppFactory(target);
            await using var restoredScope = restored.Scope();
            var persons = restoredScope.ServiceProvider.GetRequiredService<AppDbContext>().Persons;
            Assert.True(await persons.AnyAsync(p => p.FamilyName == "ImBackup"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task On_postgres_both_commands_name_the_pg_tools_without_the_password_and_exit_2()
    {
        var connection = "Host=db.example.org;Port=5433;Database=masterplan;Username=mp;Password=geheim-123";
        string[] postgres = ["--provider", "Postgres", "--connection", connection];
        var backupError = new StringWriter();
        var restoreError = new StringWriter();

        Assert.Equal(2, await new BackupCommand().RunAsync(new CommandArguments([.. postgres, "--out", "/srv/backup/mp.dump"]), TextWriter.Null, backupError));
        Assert.Equal(2, await new RestoreCommand().RunAsync(new CommandArguments([.. postgres, "--from", "/srv/backup/mp.dump"]), TextWriter.Null, restoreError));

        Assert.Equal(
            "On PostgreSQL back up with pg_dump, not with this tool: pg_dump -Fc -h db.example.org -p 5433 -U mp -d masterplan -f /srv/backup/mp.dump (see docs/operations.md).",
            backupError.ToString().Trim());
        Assert.Equal(
            "On PostgreSQL restore with pg_restore, not with this tool: pg_restore --clean --if-exists --no-owner --single-transaction -h db.example.org -p 5433 -U mp -d masterplan /srv/backup/mp.dump (see docs/operations.md).",
            restoreError.ToString().Trim());
        Assert.DoesNotContain("geheim", backupError + restoreError.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_masterplan_database()
    {
        await using var target = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var other = BackupPath();
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE notes (text TEXT)";
                await command.ExecuteNonQueryAsync();
            }

            var error = new StringWriter();
            Assert.Equal(1, await new RestoreCommand().RunAsync(Args(target, "--from", other), TextWriter.Null, error));
            Assert.Contains("not a Masterplan database", error.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(target.Name) && new FileInfo(target.Name).Length > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(other);
        }
    }

    private static CommandArguments Args(TestDatabase db, params string[] more) =>
        new(["--provider", "Sqlite", "--connection", db.ConnectionString, .. more]);

    private static string BackupPath()
    {
        var directory = Path.Combine(Path.GetTempPath(), "masterplan-tests");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{Guid.NewGuid():N}.backup.db");
    }

    /// <summary>Row counts of the main tables, every person's name and the first organization's name.</summary>
    private sealed record Snapshot(int Bodies, int Districts, int Organizations, int Memberships, int FieldsOfAction, int Papers, int Consultations, string Persons, string FirstOrganization)
    {
        public static async Task<Snapshot> TakeAsync(AppDbContext data) => new(
            await data.Bodies.CountAsync(),
            await data.Districts.CountAsync(),
            await data.Organizations.CountAsync(),
            await data.Memberships.CountAsync(),
            await data.FieldsOfAction.CountAsync(),
            await data.Papers.CountAsync(),
            await data.Consultations.CountAsync(),
            string.Join("; ", (await data.Persons.OrderBy(p => p.Id).ToListAsync()).Select(p => p.DisplayName)),
            (await data.Organizations.OrderBy(o => o.Id).FirstAsync()).Name);
    }
}
