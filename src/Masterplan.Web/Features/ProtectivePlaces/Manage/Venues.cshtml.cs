using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces.Manage;

/// <summary>Venues' applications: check, approve with the date of the last training, decline, or end (contact data deleted).</summary>
public sealed class VenuesModel(AppDbContext db, VenueDesk desk) : PageModel
{
    public IReadOnlyList<Venue> Venues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, DateOnly? lastTraining, CancellationToken ct) => await AfterAsync(await desk.ApproveAsync(id, lastTraining, ct), id, ct);

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => await AfterAsync(await desk.DeclineAsync(id, ct), id, ct);

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct) => await AfterAsync(await desk.EndAsync(id, ct), id, ct);

    private async Task<IActionResult> AfterAsync(Outcome outcome, int id, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome, f => $"{f}-{id}"))
        {
            await LoadAsync(ct);
            return Page();
        }

        return Redirect("/verwaltung/schutzorte/anmeldungen");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Venues = await db.Venues.AsNoTracking().OrderBy(v => v.Status == ProtectivePlacesModule.Pending ? 0 : 1).ThenByDescending(v => v.AppliedAt).Take(500).ToListAsync(ct);
}
