using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement.Field;

/// <summary>
/// The stop receipt form, made for a phone: date, time and district come filled in (now; the district of the officer's latest
/// entry), so a check is three choices and a few words. The code goes to the next page in the encrypted TempData cookie, never
/// in a URL, and is shown there once.
/// </summary>
public sealed class CheckModel(EnforcementDesk desk, AppDbContext db) : PageModel
{
    public const string CodeKey = "Enforcement.Code";

    [BindProperty]
    public ReceiptInput Input { get; set; } = new();

    [BindProperty]
    public LocationInput Place { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is not { } officer)
        {
            return Redirect("/ordnungsdienst");
        }

        Input = await desk.DefaultsAsync<ReceiptInput>(officer.Id, ct);
        Input.Outcome = "none";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is not { } officer)
        {
            return Redirect("/ordnungsdienst");
        }

        var outcome = await desk.RecordReceiptAsync(officer, Input, Place, ct);
        if (this.ShowErrors(outcome))
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData[CodeKey] = outcome.Value.Code;
        return Redirect($"/ordnungsdienst/quittungen/{outcome.Value.Receipt.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Districts = (await db.Set<Districts.District>().AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
}
