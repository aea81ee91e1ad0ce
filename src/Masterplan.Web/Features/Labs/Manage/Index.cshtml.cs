using Masterplan.Web.Shared;
using Masterplan.Algorithms.LabRotation;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The Office's overview: the rotation plan for the next quarters and every lab; labs are created from the plan.</summary>
public sealed class IndexModel(AppDbContext db, LabWorkflow workflow) : PageModel
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

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

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

    private async Task LoadAsync(CancellationToken ct)
    {
        Plan = await workflow.PlanAsync(ct);
        Labs = await db.Labs.AsNoTracking().OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).ToListAsync(ct);
        Quarter ??= Plan[0].Quarter.ToString();
        District ??= Plan[0].District;
    }
}
