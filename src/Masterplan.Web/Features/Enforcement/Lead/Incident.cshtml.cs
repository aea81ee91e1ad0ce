using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement.Lead;

/// <summary>One use-of-force record with the officer's identity, and its sign-off.</summary>
public sealed class IncidentModel(AppDbContext db, EnforcementDesk desk) : PageModel
{
    public ForceIncident Incident { get; private set; } = null!;

    public EnforcementOfficer Officer { get; private set; } = null!;

    public string District { get; private set; } = "";

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var outcome = await desk.SignOffAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, db.CurrentActorName(), Note, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            await LoadAsync(id, ct);
            return Page();
        }

        return Redirect($"/verwaltung/ordnungsdienst/einsaetze/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.ForceIncidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident)
        {
            return false;
        }

        Incident = incident;
        Officer = await db.EnforcementOfficers.AsNoTracking().FirstAsync(o => o.Id == incident.OfficerId, ct);
        District = await db.Set<Districts.District>().Where(d => d.Id == incident.DistrictId).Select(d => d.Name).FirstAsync(ct);
        return true;
    }
}
