using System.Security.Claims;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Grants.Applicant;

/// <summary>Starts the association's application for a call (or opens the one it has).</summary>
public sealed class NewModel(GrantDesk desk) : PageModel
{
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken ct)
    {
        if (await desk.PublicCallAsync(callId, ct) is not { } call)
        {
            return NotFound();
        }

        Title = call.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int callId, CancellationToken ct)
    {
        if (await desk.AssociationOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct) is not { } association
            || await desk.PublicCallAsync(callId, ct) is not { } call)
        {
            return NotFound();
        }

        var outcome = await desk.StartAsync(callId, association, ct);
        if (this.ShowErrors(outcome))
        {
            Title = call.Title;
            return Page();
        }

        return outcome.IsNotFound ? NotFound() : Redirect($"/foerderung/antraege/{outcome.Value}");
    }
}
