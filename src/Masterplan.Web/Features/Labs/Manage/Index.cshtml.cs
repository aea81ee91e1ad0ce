using Masterplan.Web.Shared;
using Masterplan.Algorithms.LabRotation;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The Office's overview: the rotation plan for the next quarters and every lab; labs are created from the plan.</summary>
public sealed class IndexModel(AppDbContext db, LabWorkflow workflow, TimeProvider time) : PageModel
{
    public IReadOnlyList<PlannedLab> Plan { get; private set; } = [];

    public IReadOnlyList<NeighbourhoodLab> Labs { get; private set; } = [];

    [BindProperty]
    public string? Quarter { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? OverrideReason { get; set; }

    /// <summary>The form for a lab held before the platform.</summary>
    [BindProperty]
    public PastLabInput? Past { get; set; }

    /// <summary>Which form the errors belong to: the summary stands at that form.</summary>
    public bool PastPosted { get; private set; }

    /// <summary>Whether any lab before today is known; without one the plan takes every district as "noch kein Labor".</summary>
    public bool HistoryKnown { get; private set; }

    /// <summary>The form for a quarter of the plan (<c>?quartal=</c>, the links in the plan): that quarter with its proposed district.</summary>
    public async Task OnGetAsync(string? quartal, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Plan.FirstOrDefault(p => p.Quarter.ToString() == quartal) is { } planned)
        {
            (Quarter, District) = (planned.Quarter.ToString(), planned.District);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await workflow.CreateAsync(Quarter, District, Title, OverrideReason, ct);
        if (created.Value is { } lab)
        {
            return Redirect($"/verwaltung/quartierslabore/{lab.Id}");
        }

        this.ShowErrors(created);

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPastAsync(CancellationToken ct)
    {
        var recorded = await workflow.RecordPastAsync(Past ?? new PastLabInput(null, null, null, null, null, null, null), ct);
        if (recorded.Value is { } lab)
        {
            return Redirect($"/verwaltung/quartierslabore/{lab.Id}");
        }

        // A date the binder could not read has its message already; the "missing" one would only repeat it.
        this.ShowErrors(recorded.Errors.Where(e => ModelState[e.Field] is not { Errors.Count: > 0 }));
        PastPosted = true;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plan = await workflow.PlanAsync(ct);
        Labs = await db.Labs.AsNoTracking().OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).ToListAsync(ct);
        var today = CityTime.Today(time);
        HistoryKnown = Labs.Any(l => l.HeldOn < today || l.HistorySource is not null);
        Quarter ??= Plan[0].Quarter.ToString();
        District ??= Plan[0].District;
    }
}
