using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>"Wir sind weiter dabei": the yearly re-confirmation link; the button confirms for 12 more months and may order material.</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ReconfirmModel(VenueDesk desk) : PageModel
{
    public ConfirmLink State { get; private set; }

    public string? VenueName { get; private set; }

    public bool Confirmed { get; private set; }

    [BindProperty]
    public int? Posters { get; set; }

    [BindProperty]
    public int? Stickers { get; set; }

    [BindProperty]
    public int? Flyers { get; set; }

    public int Months => desk.Options.ReconfirmMonths;

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        (State, var venue) = await desk.FindReconfirmationAsync(token, ct);
        VenueName = venue?.Name;
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var outcome = await desk.ReconfirmAsync(token, Posters, Stickers, Flyers, ct);
        (State, var venue) = await desk.FindReconfirmationAsync(token, ct);
        VenueName = venue?.Name;
        if (!this.ShowErrors(outcome))
        {
            Confirmed = outcome.Value == ConfirmLink.Valid;
            State = outcome.Value;
        }
    }
}
