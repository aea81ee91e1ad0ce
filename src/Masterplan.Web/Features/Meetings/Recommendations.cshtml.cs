using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Recommendations and their follow-up; open ones by default (docs/domain.md#recommendations).</summary>
public sealed class RecommendationsModel(AppDbContext db, RecommendationTakeUps takeUps) : PageModel
{
    public IReadOnlyList<Recommendation> Items { get; private set; } = [];

    public bool All { get; private set; }

    /// <summary>Per recommendation, the measures, papers and agenda items that took it up and the viewer may see.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Masterplan.Web.Shared.LinkTarget>> TakenUpBy { get; private set; } = new Dictionary<int, IReadOnlyList<Masterplan.Web.Shared.LinkTarget>>();

    public async Task OnGetAsync(bool alle, CancellationToken ct)
    {
        All = alle;
        var viewer = await MeetingViewer.OfAsync(db, User, ct);
        Items = await db.Recommendations.AsNoTracking().Include(r => r.Meeting).ThenInclude(m => m.Organization).Include(r => r.Updates)
            .VisibleTo(viewer, db.AgendaItems)
            .Where(r => alle || (r.Status != RecommendationStatus.Implemented && r.Status != RecommendationStatus.Rejected))
            .OrderBy(r => r.AdoptedOn).ThenBy(r => r.Id).Take(500).ToListAsync(ct);
        TakenUpBy = await takeUps.OfRecommendationsAsync(Items.Select(r => r.Id).ToList(), User, ct);
    }
}
