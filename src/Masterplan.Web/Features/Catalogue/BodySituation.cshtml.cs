using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>
/// A body's Lagebild: its indicators and goals as of a day (values up to that day), as a page and as a tagged PDF, with the
/// addressees it was sent to (003: Verwaltungsvorstand, Oberbürgermeister). Non-public indicators and goals only for the Office.
/// </summary>
public sealed class BodySituationModel(AppDbContext db, BodyTargets targets, TimeProvider time) : PageModel
{
    public BodyTargetsView View { get; private set; } = null!;

    /// <summary>Transmissions of the Lagebild of this day.</summary>
    public IReadOnlyList<BodyReport> Sent { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "stand")]
    public DateOnly? AsOf { get; set; }

    public bool IsOffice => User.IsInRole(Roles.Office);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var pdf = Masterplan.Documents.PdfRenderer.Render(BodyTargets.Document(View, Sent));
        return File(pdf, "application/pdf", $"lagebild-{id}-{View.AsOf:yyyy-MM-dd}.pdf");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var day = AsOf is { } d && DateInput.InRange(d) && d <= today ? d : today;
        AsOf = day;
        if (await targets.LoadAsync(id, day, IsOffice, ct) is not { } view)
        {
            return false;
        }

        View = view;
        Sent = await db.BodyReports.AsNoTracking().Where(r => r.OrganizationId == id && r.AsOf == day).OrderBy(r => r.SentOn).ThenBy(r => r.Id).ToListAsync(ct);
        if (IsOffice)
        {
            Response.Headers.CacheControl = "private, no-cache, no-store";
        }

        return true;
    }
}
