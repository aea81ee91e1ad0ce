using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Open311.Admin;

/// <summary>The administrator's keys for Open311 clients: issue one (shown once), see when each was last used, revoke.</summary>
public sealed class KeysModel(AppDbContext db, Open311Keys keys) : PageModel
{
    public IReadOnlyList<Open311Client> Clients { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>The key just issued: shown on this answer only, never stored.</summary>
    public string? NewKey { get; private set; }

    public string? NewKeyClient { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var outcome = await keys.IssueAsync(Name, Contact, ct);
        if (this.ShowErrors(outcome))
        {
            await LoadAsync(ct);
            return Page();
        }

        (var client, NewKey) = outcome.Value;
        NewKeyClient = client.Name;
        Name = Contact = null;
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var outcome = await keys.RevokeAsync(id, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Clients = await db.Open311Clients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct);
}
