using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    // The masterplan's own bodies first, then the city's.
    private static readonly OrganizationKind[] Order =
    [
        OrganizationKind.PlenaryAssembly, OrganizationKind.SteeringCircle, OrganizationKind.SpecialTaskForce, OrganizationKind.WorkingGroup, OrganizationKind.Forum,
        OrganizationKind.Council, OrganizationKind.Committee, OrganizationKind.Fraction, OrganizationKind.Institution, OrganizationKind.Department,
    ];

    public IReadOnlyList<IGrouping<OrganizationKind, OrganizationDto>> Groups { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>Bodies of masterplan 1.0, shown apart as history.</summary>
    public IReadOnlyList<OrganizationDto> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = User.IsInRole(Masterplan.Web.Features.Accounts.Roles.Office);
        var all = await db.Organizations.AsNoTracking().ToDto().ToListAsync(ct);
        History = [.. all.Where(o => o.PlanEdition == 1).OrderBy(o => o.Name, StringComparer.CurrentCulture)];
        Groups = all.Where(o => o.PlanEdition != 1)
            .OrderBy(o => o.ParentName is null ? 0 : 1).ThenBy(o => o.EndDate is null ? 0 : 1).ThenBy(o => o.Name, StringComparer.CurrentCulture)
            .GroupBy(o => o.Kind)
            .OrderBy(g => Array.IndexOf(Order, g.Key))
            .ToList();
    }
}
