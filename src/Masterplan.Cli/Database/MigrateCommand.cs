using Masterplan.Web.Data;

namespace Masterplan.Cli.Database;

/// <summary><c>masterplan migrate</c>: applies the migrations of the configured provider, nothing else.</summary>
internal sealed class MigrateCommand : ICommand
{
    public string Name => "migrate";

    public string Summary => "Apply database migrations [--provider Sqlite|Postgres] [--connection CS]";

    public Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error) =>
        CliHost.RunAsync(args, error, async services =>
        {
            await DatabaseSetup.PrepareDatabaseAsync(services, migrate: true, seed: false);
            await output.WriteLineAsync("Migrations applied.");
        });
}
