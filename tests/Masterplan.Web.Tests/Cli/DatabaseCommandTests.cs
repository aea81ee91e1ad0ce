using Masterplan.Cli;
using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Masterplan.Web.Tests.Cli;

public class DatabaseCommandTests
{
    [Theory, Engines]
    public async Task Migrate_then_seed_with_demo_fills_an_empty_database(DatabaseProvider engine)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(engine);
        var args = new[] { "--provider", engine.ToString(), "--connection", db.ConnectionString };
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await new MigrateCommand().RunAsync(new CommandArguments(args), output, error));
        Assert.Equal(0, await new SeedCommand().RunAsync(new CommandArguments([.. args, "--demo"]), output, error));

        Assert.Equal("", error.ToString());
        await using var app = new AppFactory(db);
        await using var scope = app.Scope();
        var data = Assert.IsAssignableFrom<AppDbContext>(scope.ServiceProvider.GetService(typeof(AppDbContext)));
        Assert.Equal(12, data.Districts.Count());
        Assert.Equal(55, data.FieldsOfAction.Count());
        Assert.True(data.Persons.Any(p => p.IsDemo));
        Assert.All(data.Persons.ToList(), p => Assert.True(p.IsDemo));
        var lab = Assert.Single(data.Labs.ToList());
        Assert.Equal(Masterplan.Web.Features.Labs.LabState.Reported, lab.State);
        Assert.Equal(8, data.PanelOutcomes.Count(o => o.OnPanel));
        Assert.Empty(data.RegisterEntries.ToList()); // deleted, as the job would have done
    }

    [Fact]
    public async Task An_unknown_provider_is_one_line_and_exit_code_1()
    {
        var error = new StringWriter();

        var code = await new MigrateCommand().RunAsync(new CommandArguments(["--provider", "Access"]), TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal("Unknown Database:Provider 'Access'. Set it to 'Sqlite' (default) or 'Postgres'.", error.ToString().Trim());
        SqliteConnection.ClearAllPools();
    }
}
