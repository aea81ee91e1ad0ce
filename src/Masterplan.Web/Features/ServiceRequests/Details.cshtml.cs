using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>One report as the public sees it: no name, no address of the reporter, only published photos; its status history with the public notes.</summary>
public sealed class DetailsModel(AppDbContext db, ServiceRequestDesk desk) : PageModel
{
    public sealed record Step(string Status, string Note, DateTimeOffset At);

    public PublicServiceRequest Report { get; private set; } = null!;

    public IReadOnlyList<Step> History { get; private set; } = [];

    public IReadOnlyList<PhotoInfo> Photos { get; private set; } = [];

    /// <summary>"1" after a support, "schon" when this browser had supported it already.</summary>
    [BindProperty(SupportsGet = true, Name = "unterstuetzt")]
    public string? Supported { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [EnableRateLimiting(PublicForms.Policy)]
    public async Task<IActionResult> OnPostSupportAsync(int id, CancellationToken ct)
    {
        var result = await desk.SupportAsync(id, SupporterCookie.Of(HttpContext), ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Kind == OutcomeKind.Done)
        {
            return Redirect($"/meldungen/{id}?unterstuetzt=1");
        }

        this.ShowErrors(result);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var request = await PublicServiceRequests.Query(db).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        Report = request;
        History = await db.ServiceRequestUpdates.AsNoTracking().Where(u => u.ServiceRequestId == id).OrderBy(u => u.At).ThenBy(u => u.Id)
            .Select(u => new Step(u.Status, u.Note, u.At)).ToListAsync(ct);
        Photos = await PublicServiceRequests.PhotosOf(db, id).ToListAsync(ct);
        return true;
    }
}
