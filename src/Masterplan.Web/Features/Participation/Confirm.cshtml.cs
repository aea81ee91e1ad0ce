using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// The double opt-in: the link in the mail opens this page, and the button confirms. Opening alone changes nothing,
/// because mail programs open links to check them.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(Contributions contributions) : PageModel
{
    public ConfirmLink State { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await contributions.CheckLinkAsync(token, ct);
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await contributions.ConfirmAsync(token, ct);
        Confirmed = State == ConfirmLink.Valid;
    }
}
