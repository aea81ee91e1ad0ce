using Masterplan.Web.Data;
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

    /// <summary>The measure it led to, with its indicators, milestones and where bodies treated it.</summary>
    public MeasureSteps? Steps { get; private set; }

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
        if (Step?.MeasureId is { } measureId)
        {
            Steps = await TakenUp.MeasureStepsAsync(db, measureId, ct);
        }

        return Page();
    }
}
