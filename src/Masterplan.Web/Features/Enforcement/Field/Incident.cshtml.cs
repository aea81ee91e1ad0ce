using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement.Field;

/// <summary>The use-of-force and bodycam record of one incident, with the same defaults as the receipt form.</summary>
public sealed class IncidentModel(EnforcementDesk desk, AppDbContext db) : PageModel
{
    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    [BindProperty]
    public LocationInput Place { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is not { } officer)
        {
            return Redirect("/ordnungsdienst");
        }

        Input = await desk.DefaultsAsync<IncidentInput>(officer.Id, ct);
        Input.Baton = "none";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is not { } officer)
        {
            return Redirect("/ordnungsdienst");
        }

        var outcome = await desk.RecordIncidentAsync(officer, Input, Place, ct);
        if (this.ShowErrors(outcome))
        {
            await LoadAsync(ct);
            return Page();
        }

        Saved = "Der Einsatz ist gespeichert und wartet auf die Prüfung durch die Leitung.";
        return Redirect("/ordnungsdienst");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Districts = (await db.Set<Districts.District>().AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
}
