using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement.Lead;

/// <summary>The lead's overview: records waiting for sign-off (overdue first), the officers with their identities, counts per pseudonym, the reports.</summary>
public sealed class IndexModel(AppDbContext db, EnforcementFigures figures, EnforcementDesk desk, TimeProvider time) : PageModel
{
    [BindProperty]
    public int? OfficerId { get; set; }

    [BindProperty]
    public string? ServiceNumber { get; set; }

    public bool Corrected { get; private set; }

    public sealed record Waiting(int Id, DateTimeOffset OccurredAt, string Kind, string ServiceNumber, string Name, DateOnly SignOffBy);

    public IReadOnlyList<Waiting> Open { get; private set; } = [];

    public IReadOnlyList<EnforcementOfficer> Officers { get; private set; } = [];

    public IReadOnlyList<(string Pseudonym, int Receipts, int Incidents)> PerOfficer { get; private set; } = [];

    public IReadOnlyList<EnforcementReport> Reports { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(bool berichtigt, CancellationToken ct)
    {
        Corrected = berichtigt;
        await LoadAsync(ct);
    }

    /// <summary>Corrects an officer's mistyped or changed service number; the officer cannot, once it is registered.</summary>
    public async Task<IActionResult> OnPostServiceNumberAsync(CancellationToken ct)
    {
        if (this.ShowErrors(await desk.CorrectServiceNumberAsync(OfficerId ?? 0, ServiceNumber, ct)))
        {
            await LoadAsync(ct);
            return Page();
        }

        return Redirect("/verwaltung/ordnungsdienst?berichtigt=true#einsatzkraefte");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = CityTime.Today(time);
        Open = await db.ForceIncidents.AsNoTracking().Where(i => i.SignedOffAt == null).OrderBy(i => i.SignOffBy).ThenBy(i => i.Id).Take(200)
            .Join(db.Set<EnforcementOfficer>(), i => i.OfficerId, o => o.Id, (i, o) => new Waiting(i.Id, i.OccurredAt, i.Kind, o.ServiceNumber, o.Name, i.SignOffBy)).ToListAsync(ct);
        Officers = await db.EnforcementOfficers.AsNoTracking().OrderBy(o => o.Pseudonym).ToListAsync(ct);
        PerOfficer = await figures.PerOfficerAsync(new DateOnly(Today.Year, 1, 1), Today, ct);
        Reports = await db.EnforcementReports.AsNoTracking().OrderByDescending(r => r.To).ToListAsync(ct);
    }
}
