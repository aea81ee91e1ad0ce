using Masterplan.Web.Data;

namespace Masterplan.Cli.Database;

/// <summary><c>masterplan seed [--demo]</c>: migrates, then loads reference data (and demo data with --demo).</summary>
internal sealed class SeedCommand : ICommand
{
    public string Name => "seed";

    public string Summary => "Migrate and load Dortmund's reference data [--demo adds marked demo persons]";

    public Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error) =>
        CliHost.RunAsync(args, error, async services =>
        {
            await DatabaseSetup.PrepareDatabaseAsync(services, migrate: true, seed: true, demo: args.Has("demo"));
            await output.WriteLineAsync(args.Has("demo") ? "Reference data and demo data loaded." : "Reference data loaded.");
        });
}
