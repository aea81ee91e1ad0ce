using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Data;

public class ReferenceDataTests
{
    [Theory, Engines]
    public async Task A_second_start_changes_nothing(DatabaseProvider engine)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(engine);
        string first;
        await using (var app = new AppFactory(db))
        {
            await app.StartServerAsync();
            first = await SnapshotAsync(app);

            // A first start on an empty database is routine, not an error an operator should be alarmed by.
            Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        }

        await using (var app = new AppFactory(db))
        {
            await app.StartServerAsync();
            Assert.Equal(first, await SnapshotAsync(app));
        }
    }

    [Theory, Engines]
    public async Task A_newer_seed_version_moves_unedited_rows_forward_and_keeps_edits(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The Office renames the Lenkungskreis in the platform.
        var steering = await data.Organizations.SingleAsync(o => o.SeedKey == "org:lenkungskreis");
        steering.Name = "Lenkungskreis (umbenannt vom Büro)";
        await data.SaveChangesAsync();

        // Version 2 of the reference data changes both the Lenkungskreis and the Vollversammlung and adds a body.
        var v1 = ReferenceDataSeeder.Load();
        var organizations = v1.Organizations.Select(o => o.Key switch
        {
            "org:lenkungskreis" => o with { Name = "Lenkungskreis MKS 2.0" },
            "org:vollversammlung" => o with { Purpose = "Neue Beschreibung aus Version 2." },
            _ => o,
        }).Append(new ReferenceData.OrganizationSeed("org:neu", "Neue Arbeitsgruppe", OrganizationKind.WorkingGroup, null, "org:vollversammlung", null, null, null, null, null, null, "Test"))
        .ToList();
        var v2 = v1 with { Version = v1.Version + 1, Organizations = organizations };

        data.ChangeTracker.Clear();
        Assert.True(await new ReferenceDataSeeder(data, TimeProvider.System).SeedAsync(v2));

        data.ChangeTracker.Clear();
        Assert.Equal("Lenkungskreis (umbenannt vom Büro)", (await data.Organizations.SingleAsync(o => o.SeedKey == "org:lenkungskreis")).Name);
        Assert.Equal("Neue Beschreibung aus Version 2.", (await data.Organizations.SingleAsync(o => o.SeedKey == "org:vollversammlung")).Purpose);
        var added = await data.Organizations.Include(o => o.Parent).SingleAsync(o => o.SeedKey == "org:neu");
        Assert.Equal("org:vollversammlung", added.Parent!.SeedKey);
        Assert.Equal(v2.Version, (await data.ReferenceDataVersions.SingleAsync(v => v.Name == "reference")).Version);

        // Running version 2 again changes nothing.
        data.ChangeTracker.Clear();
        Assert.False(await new ReferenceDataSeeder(data, TimeProvider.System).SeedAsync(v2));
    }

    [Theory, Engines]
    public async Task The_migrations_match_the_model(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(data.Database.HasPendingModelChanges(), $"The model has changes without a migration for {engine}: run dotnet ef migrations add.");
        Assert.Empty(await data.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_migrations_history_script_is_EFs_own()
    {
        // The start-up's shortcut for the history table (SqliteStartupHistoryRepository) must say exactly what EF says.
        using var plain = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Scope();
        var ours = scope.ServiceProvider.GetRequiredService<SqliteAppDbContext>().GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        var efs = plain.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();

        Assert.IsType<SqliteStartupHistoryRepository>(ours);
        Assert.IsNotType<SqliteStartupHistoryRepository>(efs);
        Assert.Equal(efs.GetCreateScript(), ours.GetCreateScript());
        Assert.Equal(efs.GetCreateIfNotExistsScript(), ours.GetCreateIfNotExistsScript());
        Assert.Equal(efs.GetInsertScript(new("20260101000000_X", "10.0.0")), ours.GetInsertScript(new("20260101000000_X", "10.0.0")));
        Assert.Equal(efs.GetDeleteScript("20260101000000_X"), ours.GetDeleteScript("20260101000000_X"));
    }

    [Fact]
    public async Task The_sqlite_schema_script_is_EFs_own()
    {
        // A new SQLite file is created from the shipped script, not by the migrator (DatabaseSetup.TryCreateSqliteSchemaAsync):
        // it must be exactly what EF generates for all migrations, or a new database would differ from a migrated one.
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SqliteAppDbContext>();
        var efs = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript();
        var shipped = EmbeddedSql.Read(DatabaseSetup.SqliteSchemaScript);

        Assert.True(efs.ReplaceLineEndings() == shipped.ReplaceLineEndings(),
            "Data/Sql/sqlite_schema.sql is not what EF generates for the migrations: run src/Masterplan.Web/Data/Migrations/fold.sh (or `dotnet ef migrations script --context SqliteAppDbContext`).");
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static async Task<string> SnapshotAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var version = await data.ReferenceDataVersions.AsNoTracking().SingleAsync(v => v.Name == "reference");
        var orgs = await data.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.SeedKey}:{o.SeedHash}:{o.ParentId}").ToListAsync();
        var fields = await data.FieldsOfAction.AsNoTracking().OrderBy(f => f.Id).Select(f => $"{f.Id}:{f.SeedHash}:{f.ParentId}:{f.Position}").ToListAsync();
        var consultations = await data.Consultations.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.PaperId}:{c.OrganizationId}").ToListAsync();
        var districts = await data.Districts.CountAsync();
        return $"{version.Version}@{version.AppliedAt:O}|{string.Join(',', orgs)}|{string.Join(',', fields)}|{string.Join(',', consultations)}|{districts}";
    }
}
