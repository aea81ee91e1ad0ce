using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Masterplan.Web.Data;

/// <summary>The two database engines the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file under ./data/.</summary>
    Sqlite,

    /// <summary>Production: a PostgreSQL server.</summary>
    Postgres,
}

/// <summary>Start-up could not go on; the message says what to fix and is printed as one line.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The database settings (<c>Database:Provider</c>, <c>ConnectionStrings:Masterplan</c>), read and checked once.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/masterplan.db";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = providerText?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new StartupException(
                $"Unknown Database:Provider '{providerText}'. Set it to 'Sqlite' (default) or 'Postgres'."),
        };
        var connectionString = configuration.GetConnectionString("Masterplan");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException(
                "Database:Provider is 'Postgres' but ConnectionStrings:Masterplan is empty. Set it, e.g. 'Host=localhost;Database=masterplan;Username=masterplan;Password=…'.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
            if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            }

            connectionString = builder.ToString();
        }

        return new DatabaseSettings(provider, connectionString!);
    }
}

/// <summary>Registers the database and prepares it (migrations, reference data) before the app serves.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Settings are read when first needed, so hosts and tests can configure them late.
        services.AddSingleton(sp => DatabaseSettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // Pooled: a request's context comes ready with EF's internal services instead of resolving them anew (a sixth of an
        // Open311 POST's time went there). AppDbContext clears its own state when it goes back (Dispose).
        services.AddDbContextPool<SqliteAppDbContext>((sp, options) =>
            SkipPendingModelCheck(options.UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString))
                .AddInterceptors(SqliteBusyTimeout.Instance)
                .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository, SqliteStartupHistoryRepository>());
        // The host owns the data source (with PostGIS types), so its connections close when the host is disposed.
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<DatabaseSettings>().ConnectionString);
            builder.UseNetTopologySuite();
            // The same few statements run on every request (the key check, the category, the insert): prepared once per
            // connection, the server stops parsing and planning them each time. A connection string that says otherwise wins.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }

            return builder.Build();
        });
        services.AddDbContextPool<PostgresAppDbContext>((sp, options) =>
            SkipPendingModelCheck(options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), o => o.UseNetTopologySuite())));
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresAppDbContext>(),
            _ => sp.GetRequiredService<SqliteAppDbContext>(),
        });
        // Every host that writes the audit log (app, command line, tests) seals its entries with the same key.
        services.AddSingleton<Features.Audit.AuditKey>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.TryAddSingletonTimeProvider();
        return services;
    }

    /// <summary>
    /// Migrate would otherwise build the model a second time and diff it against the migrations' snapshot on
    /// every start (about a third of a second). ReferenceDataTests.The_migrations_match_the_model makes the same
    /// check once, in the tests, on both engines. The commit hooks let mail queued in a caller's transaction leave at its
    /// commit (<see cref="Shared.Mail.MailOutbox"/>).
    /// </summary>
    private static DbContextOptionsBuilder SkipPendingModelCheck(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(CommitHooks.Instance);

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>
    /// Applies migrations and loads reference data (and demo data when <c>Seed:Demo</c> is true).
    /// Throws <see cref="StartupException"/> with a one-line explanation when that is impossible.
    /// </summary>
    /// <param name="schemaReady">Completed once the schema is migrated, before the reference data is loaded.</param>
    public static async Task PrepareDatabaseAsync(
        IServiceProvider services, bool migrate, bool seed, bool? demo = null, TaskCompletionSource? schemaReady = null, CancellationToken ct = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
                if (file != ":memory:" && Path.GetDirectoryName(file) is { Length: > 0 } directory)
                {
                    Directory.CreateDirectory(directory);
                }
            }

            // Several instances may start at once against one database (a first deployment, a scale-out): the first
            // migrates and creates the roles, the others wait here and then find nothing left to do.
            await using (await StartupLock.TakeAsync(settings, ct))
            {
                if (migrate)
                {
                    await MigrateAsync(db, ct);
                }

                if (db is SqliteAppDbContext)
                {
                    await UseWriteAheadLogAsync(db, ct);
                }

                schemaReady?.TrySetResult();
                if (seed)
                {
                    await EnsureRolesAsync(db, ct);
                }
            }

            if (seed)
            {
                await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
                if (demo ?? services.GetRequiredService<IConfiguration>().GetValue("Seed:Demo", false))
                {
                    await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
                }
            }
        }
        catch (Exception e) when (e is not StartupException && (e is NpgsqlException or SqliteException or System.Net.Sockets.SocketException or TimeoutException
                                      || e.InnerException is NpgsqlException or System.Net.Sockets.SocketException))
        {
            throw new StartupException(settings.Provider == DatabaseProvider.Postgres
                ? $"Cannot use the PostgreSQL database ({Describe(settings.ConnectionString)}): {FirstLine(e)} Check ConnectionStrings:Masterplan and that the server is running."
                : $"Cannot use the SQLite database ({new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}): {FirstLine(e)} Check that the folder is writable.", e);
        }
    }

    /// <summary>
    /// Applies the pending migrations one at a time, so that a failing one can be named with the database's own error
    /// (a connection problem surfaces before, when the lock or the migrations history is read).
    /// </summary>
    private static async Task MigrateAsync(AppDbContext db, CancellationToken ct)
    {
        if (db is not SqliteAppDbContext)
        {
            // EF reads the history by trying its table and logs the failure as an error on a new database; an operator
            // would take the first start for a broken one. Made first (IF NOT EXISTS, under the migration lock), it is just read.
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (db is SqliteAppDbContext && await TryCreateSqliteSchemaAsync(db, pending, ct))
        {
            return;
        }

        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        foreach (var migration in pending)
        {
            try
            {
                await migrator.MigrateAsync(migration, ct);
            }
            catch (Exception e) when (StatementError(e) is { } error)
            {
                throw MigrationFailed(migration, error, e);
            }
        }
    }

    /// <summary>
    /// SQLite's write-ahead log: readers and the one writer do not block each other, and a reader never has to give way to
    /// a writer halfway (in the default rollback journal, a request that reads and then writes while another commits gets
    /// "database is locked" at once, without waiting, which background writers such as the mail outbox make likely under
    /// load). EF's own database creator sets it; a file made by the schema script did not have it. The mode is stored in
    /// the file, so this changes an existing database once.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(AppDbContext db, CancellationToken ct)
    {
        if (new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is ":memory:" or "")
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>The script that creates a new SQLite database in one go (Data/Sql/sqlite_schema.sql).</summary>
    internal const string SqliteSchemaScript = "sqlite_schema.sql";

    /// <summary>
    /// A new SQLite file (the embedded default's first start, every test database) gets the schema from the script EF
    /// generates for all migrations, shipped in the assembly, instead of from the migrator: the migrator builds each
    /// migration's target model and generates its SQL on every first start (about 0.7 s of CPU). Used only when every
    /// migration is pending and the script ends with the newest of them; <c>ReferenceDataTests.The_sqlite_schema_script_is_EFs_own</c>
    /// compares it with what EF generates, and Data/Migrations/fold.sh writes it.
    /// </summary>
    private static async Task<bool> TryCreateSqliteSchemaAsync(AppDbContext db, List<string> pending, CancellationToken ct)
    {
        var all = db.Database.GetMigrations().ToList();
        if (pending.Count == 0 || !pending.SequenceEqual(all))
        {
            return false;
        }

        var script = EmbeddedSql.Read(SqliteSchemaScript);
        if (!script.Contains($"VALUES ('{all[^1]}', ", StringComparison.Ordinal))
        {
            return false;
        }

        // The script's own transaction lines go: it runs in one that takes SQLite's write lock first, so that of two
        // instances starting at once on a new file only one creates the schema (the other then finds it there).
        var body = string.Join('\n', script.ReplaceLineEndings("\n").Split('\n').Where(line => line is not ("BEGIN TRANSACTION;" or "COMMIT;")));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }

            command.CommandText = body;
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (SqliteException e) when (StatementError(e) is { } error)
        {
            throw MigrationFailed(all[^1], error, e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return true;
    }

    private static StartupException MigrationFailed(string migration, Exception error, Exception e) => new(
        $"The migration {migration} failed: {FirstLine(error)} The database holds something this migration does not expect (changed by hand or by another tool?); compare it with the migration before starting again.", e);

    /// <summary>The error the database reported for a statement (EF may wrap it), as opposed to not being reachable.</summary>
    private static Exception? StatementError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException or SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_ERROR or SQLitePCL.raw.SQLITE_CONSTRAINT })
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The stored roles (assignable ones and applicants) exist in every database (Member is derived, never stored).</summary>
    private static async Task EnsureRolesAsync(AppDbContext db, CancellationToken ct)
    {
        // On SQLite the transaction takes the write lock first, so a second process starting at once reads the roles
        // the first one made (on PostgreSQL the start-up lock does that).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Roles.Select(r => r.Name ?? "").ToListAsync(ct);
        foreach (var role in Features.Accounts.Roles.Stored.Except(existing))
        {
            db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static string FirstLine(Exception e)
    {
        var message = (e.InnerException is NpgsqlException or System.Net.Sockets.SocketException ? e.InnerException : e).Message;
        var line = message.Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }

    private static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host {b.Host}, port {b.Port}, database {b.Database}";
    }
}

/// <summary>
/// Lets one starting instance at a time migrate a PostgreSQL database and create the roles: a session advisory lock
/// on a connection of its own (no transaction left open while migrating), released when the work is done or the
/// process dies. EF Core's own lock on PostgreSQL is taken anew for each migration, so two instances could take
/// turns within one run, and it does not cover the roles. SQLite needs none: EF Core's migration lock and the
/// engine's write lock serialise processes on one file.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    private const long Key = 727000;
    private readonly NpgsqlConnection _connection;

    private StartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<IAsyncDisposable> TakeAsync(DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return NoLock.Instance;
        }

        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Waits as long as the other instance migrates (a big migration may take minutes).
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and with its session the lock.
        }

        await _connection.DisposeAsync();
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// SQLite's own busy handler on every connection: a writer that finds the file locked waits in steps of a few
/// milliseconds inside SQLite. Without it, Microsoft.Data.Sqlite retries a busy statement every 150 ms, so with several
/// writers at once (reports arriving together) a write waited 150 ms or more for a lock held for two (bench/ServiceRequests).
/// </summary>
internal sealed class SqliteBusyTimeout : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>Longer than any write the platform makes; Microsoft.Data.Sqlite's command timeout (30 s) stays the outer limit.</summary>
    private const string Pragma = "PRAGMA busy_timeout = 10000";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
