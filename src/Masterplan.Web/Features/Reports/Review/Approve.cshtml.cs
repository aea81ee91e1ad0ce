using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Reports.Review;

/// <summary>A member of the Lenkungskreis approves the submitted edition of a half-year report, or gives it back to the Office.</summary>
public sealed class ApproveModel(AppDbContext db, HalfYearDesk desk) : PageModel
{
    public HalfYearReport Report { get; private set; } = null!;

    public IReadOnlyList<HalfYearReportEdition> Editions { get; private set; } = [];

    public bool MayApprove { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        StepAsync(id, c => desk.ApproveAsync(id, UserId, db.CurrentActorName(), c), ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        StepAsync(id, c => desk.ReturnAsync(id, UserId, c), ct);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> StepAsync(int id, Func<CancellationToken, Task<Outcome>> step, CancellationToken ct)
    {
        var outcome = await step(ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/verwaltung/berichte/halbjahr/{id}/freigabe");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.HalfYearReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return false;
        }

        Report = report;
        Editions = await db.HalfYearReportEditions.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Version).ToListAsync(ct);
        MayApprove = await desk.IsSteeringMemberAsync(UserId, ct);
        return true;
    }
}
