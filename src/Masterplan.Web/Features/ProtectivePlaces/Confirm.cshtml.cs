using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>The venue's e-mail confirmation: the link opens this page, the button confirms (mail programs open links to check them).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(VenueDesk desk) : PageModel
{
    public ConfirmLink State { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await desk.CheckLinkAsync(token, ct);
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await desk.ConfirmAsync(token, ct);
        Confirmed = State == ConfirmLink.Valid;
    }
}
