using Masterplan.Web.Data;

namespace Masterplan.Cli.Database;

internal static class DatabaseSetupForCli
{
    /// <summary>Commands that write data first bring the schema and reference data (roles included) up to date.</summary>
    public static Task EnsureReadyAsync(IServiceProvider services) =>
        DatabaseSetup.PrepareDatabaseAsync(services, migrate: true, seed: true, demo: false);
}
