using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests.Alerts;

/// <summary>Subscribe to a daily e-mail about new public reports of a district or the whole city (double opt-in).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class IndexModel(AppDbContext db, ServiceRequestAlerts alerts, FormGuard guard) : PageModel
{
    public IReadOnlyList<District> Districts { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public int? DistrictId { get; set; }

    public bool Requested { get; private set; }

    public async Task OnGetAsync(string? angefragt, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Requested = angefragt == "1";
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var result = await alerts.SubscribeAsync(Email, DistrictId, guard.Check(Request.Form), ct);
        if (this.ShowErrors(result))
        {
            Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
            return Page();
        }

        // Post/Redirect/Get; the same answer for a new, a waiting and a confirmed address.
        return Redirect("/meldungen/benachrichtigungen?angefragt=1");
    }
}
