using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement.Field;

/// <summary>The officer's start: the service number once, then the two forms and the officer's own latest entries.</summary>
public sealed class IndexModel(EnforcementDesk desk, AppDbContext db) : PageModel
{
    public EnforcementOfficer? Officer { get; private set; }

    [BindProperty]
    public string? ServiceNumber { get; set; }

    public IReadOnlyList<(int Id, DateTimeOffset At, string Kind)> Receipts { get; private set; } = [];

    public IReadOnlyList<(int Id, DateTimeOffset At, string Kind, bool SignedOff)> Incidents { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await desk.RegisterOfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, db.CurrentActorName(), ServiceNumber, ct);
        if (this.ShowErrors(outcome))
        {
            await LoadAsync(ct);
            return Page();
        }

        return Redirect("/ordnungsdienst");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Officer = await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (Officer is null)
        {
            return;
        }

        var id = Officer.Id;
        Receipts = (await db.StopReceipts.AsNoTracking().Where(r => r.OfficerId == id).OrderByDescending(r => r.CreatedAt).Take(10).Select(r => new { r.Id, r.OccurredAt, r.Kind }).ToListAsync(ct))
            .Select(r => (r.Id, r.OccurredAt, r.Kind)).ToList();
        Incidents = (await db.ForceIncidents.AsNoTracking().Where(r => r.OfficerId == id).OrderByDescending(r => r.CreatedAt).Take(10).Select(r => new { r.Id, r.OccurredAt, r.Kind, r.SignedOffAt }).ToListAsync(ct))
            .Select(r => (r.Id, r.OccurredAt, r.Kind, r.SignedOffAt != null)).ToList();
    }
}
