using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Reports;

public sealed class ReportsModule : IModule
{
    /// <summary>Reports hold non-public measures: the Office prepares them (members get them as meeting documents).</summary>
    public const string Prepare = "Reports.Prepare";

    public IReadOnlyList<PageAccess> Pages => [PageAccess.Folder("/Reports", Prepare)];

    public IReadOnlyList<NavigationEntry> Navigation =>
        [new(NavigationArea.Account, 50, "Übersicht der Handlungsfelder mit Sachständen", "/verwaltung/statusuebersicht", Prepare)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StatusOverview>();
        services.AddAuthorizationBuilder().AddPolicy(Prepare, p => p.RequireRole(Roles.Office));
    }
}
