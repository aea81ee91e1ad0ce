using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// The impact chain of one published contribution: contribution → what took it up: a lab recommendation,
/// a body's recommendation or an agenda item → the measure → its indicators and milestones, each step with who decided and when (004 §5 and 002 lines 112–114:
/// what residents and labs found is implemented, and everybody can follow it).
/// </summary>
public sealed class ChainModel(AppDbContext db) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public InputCall Call { get; private set; } = null!;

    /// <summary>What took the contribution up (a lab's or a body's recommendation, an agenda item, a measure), when public.</summary>
    public TakenUpStep? Step { get; private set; }

    public Measure? Measure { get; private set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<Milestone> MeasureMilestones { get; private set; } = [];

    /// <summary>The public agenda items where a body treated the measure.</summary>
    public IReadOnlyList<(string Title, string Link)> TreatedIn { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().Where(c => c.Id == id && c.Moderation == ParticipationModule.Published).Select(PublicContribution.Fields).FirstOrDefaultAsync(ct);
        if (contribution is null)
        {
            return NotFound();
        }

        Contribution = contribution;
        Call = await db.InputCalls.AsNoTracking().FirstAsync(c => c.Id == contribution.InputCallId, ct);
        Step = await TakenUp.ResolveAsync(db, contribution, ct);
        var measureId = Step?.MeasureId;
        if (measureId is { } m)
        {
            Measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == m && x.IsPublic, ct);
            if (Measure is not null)
            {
                Indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == m && i.IsPublic).OrderBy(i => i.Name).ToListAsync(ct);
                MeasureMilestones = await db.Milestones.AsNoTracking().Where(x => x.MeasureId == m).OrderBy(x => x.DueDate).ToListAsync(ct);
                TreatedIn = await TakenUp.TreatedInAsync(db, m, ct);
            }
        }

        return Page();
    }
}
