using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// The impact chain of one public measure, read backwards: the residents' contributions it grew from (directly or through
/// a lab recommendation), then the measure with its indicators and milestones (004 §2 and 001 §I: the catalogue grows from
/// what residents bring in).
/// </summary>
public sealed class MeasureChainModel(AppDbContext db) : PageModel
{
    public sealed record Origin(Contribution Contribution, InputCall Call, TakenUpStep Step);

    public MeasureSteps Steps { get; private set; } = null!;

    public Measure Measure => Steps.Measure;

    public IReadOnlyList<Origin> Origins { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await TakenUp.MeasureStepsAsync(db, id, ct) is not { } steps)
        {
            return NotFound();
        }

        Steps = steps;
        var contributions = await TakenUp.ForMeasure(db, id).AsNoTracking().OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(500).Select(PublicContribution.Fields).ToListAsync(ct);
        var callIds = contributions.Select(c => c.InputCallId).Distinct().ToList();
        var calls = await db.InputCalls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var taken = await TakenUp.ResolveAsync(db, contributions, ct);
        Origins = contributions.Where(c => taken.ContainsKey(c.Id)).Select(c => new Origin(c, calls[c.InputCallId], taken[c.Id])).ToList();
        return Page();
    }
}
