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

    public Measure Measure { get; private set; } = null!;

    public IReadOnlyList<Origin> Origins { get; private set; } = [];

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<Milestone> MeasureMilestones { get; private set; } = [];

    /// <summary>The public agenda items where a body treated the measure.</summary>
    public IReadOnlyList<(string Title, string Link)> TreatedIn { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.IsPublic, ct);
        if (measure is null)
        {
            return NotFound();
        }

        Measure = measure;
        var contributions = await TakenUp.ForMeasure(db, id).AsNoTracking().OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(500).Select(PublicContribution.Fields).ToListAsync(ct);
        var callIds = contributions.Select(c => c.InputCallId).Distinct().ToList();
        var calls = await db.InputCalls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var origins = new List<Origin>();
        foreach (var c in contributions)
        {
            if (await TakenUp.ResolveAsync(db, c, ct) is { } step)
            {
                origins.Add(new Origin(c, calls[c.InputCallId], step));
            }
        }

        Origins = origins;
        Indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == id && i.IsPublic).OrderBy(i => i.Name).ToListAsync(ct);
        MeasureMilestones = await db.Milestones.AsNoTracking().Where(x => x.MeasureId == id).OrderBy(x => x.DueDate).ToListAsync(ct);
        TreatedIn = await TakenUp.TreatedInAsync(db, id, ct);
        return Page();
    }
}
