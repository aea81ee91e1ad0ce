using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// The impact chain of one published contribution: contribution → the lab recommendation or measure that took it up →
/// the measure → its indicators and milestones, each step with who decided and when (004 §5 and 002 lines 112–114:
/// what residents and labs found is implemented, and everybody can follow it).
/// </summary>
public sealed class ChainModel(AppDbContext db) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public InputCall Call { get; private set; } = null!;

    public LabRecommendation? Recommendation { get; private set; }

    public NeighbourhoodLab? Lab { get; private set; }

    public Measure? Measure { get; private set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<Milestone> MeasureMilestones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Moderation == ParticipationModule.Published, ct);
        if (contribution is null)
        {
            return NotFound();
        }

        Contribution = contribution;
        Call = await db.InputCalls.AsNoTracking().FirstAsync(c => c.Id == contribution.InputCallId, ct);
        int? measureId = null;
        if (contribution.Status == ParticipationModule.TakenUp && contribution.TakenUpKind == ParticipationModule.TakenUpByLabRecommendation)
        {
            Recommendation = await db.LabRecommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == contribution.TakenUpId, ct);
            if (Recommendation is not null)
            {
                Lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == Recommendation.LabId, ct);
                measureId = Recommendation.MeasureId;
            }
        }
        else if (contribution.Status == ParticipationModule.TakenUp && contribution.TakenUpKind == ParticipationModule.TakenUpByMeasure)
        {
            measureId = contribution.TakenUpId;
        }

        if (measureId is { } m)
        {
            Measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == m && x.IsPublic, ct);
            if (Measure is not null)
            {
                Indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == m && i.IsPublic).OrderBy(i => i.Name).ToListAsync(ct);
                MeasureMilestones = await db.Milestones.AsNoTracking().Where(x => x.MeasureId == m).OrderBy(x => x.DueDate).ToListAsync(ct);
            }
        }

        return Page();
    }
}
