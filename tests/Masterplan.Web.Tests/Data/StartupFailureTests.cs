using System.Diagnostics;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Masterplan.Web.Tests.Data;

/// <summary>Start-up problems stop the real process with one line that says what to fix.</summary>
public class StartupFailureTests
{
    [Fact]
    public async Task An_unknown_database_provider_stops_start_up_with_one_clear_line()
    {
        var (exitCode, stderr, stdout) = await RunAppAsync(("Database__Provider", "Oracle"));

        Assert.NotEqual(0, exitCode);
        Assert.Equal("Unknown Database:Provider 'Oracle'. Set it to 'Sqlite' (default) or 'Postgres'.", stderr.Trim());
        Assert.DoesNotContain("   at ", stdout);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_stops_start_up_with_one_clear_line()
    {
        var (exitCode, stderr, stdout) = await RunAppAsync(
            ("Database__Provider", "Postgres"),
            ("ConnectionStrings__Masterplan", "Host=127.0.0.1;Port=1;Database=masterplan;Username=x;Password=y;Timeout=3"));

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot use the PostgreSQL database (host 127.0.0.1, port 1, database masterplan):", line);
        Assert.Contains("Check ConnectionStrings:Masterplan", line);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain("Password=y", stdout + stderr);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_says_which_setting_is_missing()
    {
        var (exitCode, stderr, _) = await RunAppAsync(("Database__Provider", "Postgres"), ("ConnectionStrings__Masterplan", ""));

        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("Database:Provider is 'Postgres' but ConnectionStrings:Masterplan is empty.", stderr.Trim());
    }

    [Theory, Engines]
    public async Task A_failing_migration_is_named_with_the_database_error_not_blamed_on_the_connection(DatabaseProvider engine)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(engine);
        string migration;
        await using (var context = ConcurrentStartTests.Context(db))
        {
            // Somebody made a table by hand that a migration creates.
            await context.Database.ExecuteSqlRawAsync("CREATE TABLE \"AspNetRoles\" (\"Id\" text PRIMARY KEY)");
            var migrations = context.GetService<IMigrationsAssembly>();
            migration = migrations.Migrations.Single(m => migrations.CreateMigration(m.Value, context.Database.ProviderName!)
                .UpOperations.OfType<CreateTableOperation>().Any(t => t.Name == "AspNetRoles")).Key;
        }

        var (exitCode, stderr, _) = await RunAppAsync(("Database__Provider", engine.ToString()), ("ConnectionStrings__Masterplan", db.ConnectionString));

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"The migration {migration} failed: ", line);
        Assert.Contains(engine == DatabaseProvider.Postgres ? "42P07: relation \"AspNetRoles\" already exists" : "table \"AspNetRoles\" already exists", line);
        Assert.DoesNotContain("ConnectionStrings", line);
    }

    private static async Task<(int ExitCode, string Stderr, string Stdout)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var workDir = Directory.CreateTempSubdirectory("masterplan-start");
        var app = Path.Combine(AppContext.BaseDirectory, "Masterplan.Web.dll");
        var info = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = workDir.FullName,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop within 120 s although its start-up had to fail.");
        }

        workDir.Delete(recursive: true);
        return (process.ExitCode, await stderr, await stdout);
    }
}
