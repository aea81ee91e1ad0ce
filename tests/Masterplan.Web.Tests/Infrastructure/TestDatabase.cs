using Masterplan.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test on one engine. Copies of a template that the real app migrated and
/// seeded once per test run, so every test starts from migrations + reference data in milliseconds.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Connection string of a PostgreSQL server (as superuser) for the PostgreSQL runs; unset = SQLite only.</summary>
    public const string PostgresVariable = "MASTERPLAN_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>File path (SQLite) or database name (PostgreSQL).</summary>
    public string Name { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>A database with migrations and reference data applied.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var template = await TemplateAsync(provider);
        return provider == DatabaseProvider.Sqlite ? CopySqlite(template) : await CopyPostgresAsync(template);
    }

    /// <summary>A database with nothing in it: for tests of migrations and seeding themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "masterplan-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new TestDatabase(provider, $"Data Source={path}", path);
        }

        var name = $"mp_t_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        return new TestDatabase(provider, WithDatabase(name), name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(Name + suffix);
                }
                catch (IOException)
                {
                    // A file still held open is removed with the temp folder later.
                }
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }

    public static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(WithDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.")) { Database = name }.ToString();

    private static TestDatabase CopySqlite(string template)
    {
        var path = Path.Combine(Path.GetDirectoryName(template)!, $"{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        if (File.Exists(template + "-wal"))
        {
            // Write-ahead log not yet folded into the file: it is part of the database.
            File.Copy(template + "-wal", path + "-wal");
        }
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", path);
    }

    private static async Task<TestDatabase> CopyPostgresAsync(string template)
    {
        var name = $"mp_t_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(DatabaseProvider.Postgres, WithDatabase(name), name);
    }

    private static async Task<string> TemplateAsync(DatabaseProvider provider)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (provider == DatabaseProvider.Sqlite && _sqliteTemplate is not null)
            {
                return _sqliteTemplate;
            }

            if (provider == DatabaseProvider.Postgres && _postgresTemplate is not null)
            {
                return _postgresTemplate;
            }

            // The real app migrates and seeds the template, exactly as it does on a city's server.
            var empty = await CreateEmptyAsync(provider);
            await using (var app = new AppFactory(empty))
            {
                await app.StartServerAsync();
            }

            if (provider == DatabaseProvider.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                return _sqliteTemplate = empty.Name;
            }

            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    NpgsqlConnection.ClearAllPools();
                    // Bounded: a test host that cannot exit would stall the whole run.
                    ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {empty.Name} WITH (FORCE)").Wait(TimeSpan.FromSeconds(10));
                }
                catch (AggregateException)
                {
                    // The CI server is thrown away anyway.
                }
            };
            return _postgresTemplate = empty.Name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
