using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Recommendations and their follow-up; open ones by default (docs/domain.md#recommendations).</summary>
public sealed class RecommendationsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Recommendation> Items { get; private set; } = [];

    public bool All { get; private set; }

    public async Task OnGetAsync(bool alle, CancellationToken ct)
    {
        All = alle;
        var own = MeetingsModule.OwnOrganizations(User);
        var office = User.IsInRole(Accounts.Roles.Office);
        Items = await db.Recommendations.AsNoTracking().Include(r => r.Meeting).ThenInclude(m => m.Organization).Include(r => r.Updates)
            .Where(r => office || r.IsPublic || own.Contains(r.Meeting.OrganizationId))
            .Where(r => alle || (r.Status != RecommendationStatus.Implemented && r.Status != RecommendationStatus.Rejected))
            .OrderBy(r => r.AdoptedOn).ThenBy(r => r.Id).Take(500).ToListAsync(ct);
    }
}
