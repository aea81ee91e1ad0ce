using Masterplan.Web.Shared;

namespace Masterplan.Web.Data;

/// <summary>
/// Demo data for trying the platform out (<c>--demo</c> / <c>Seed:Demo</c>): each module adds its own, in the order of
/// the module list. Every row is flagged <c>IsDemo</c> and shown with a "Demo" mark; names are invented.
/// </summary>
public sealed class DemoDataSeeder(ModuleList modules, IServiceProvider services)
{
    /// <returns>Whether any module added data (false when the demo data is there already).</returns>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var added = false;
        foreach (var module in modules.All)
        {
            added |= await module.SeedDemoAsync(services, ct);
        }

        return added;
    }
}
