using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>
/// A bar, club or cultural venue applies to take part (002 lines 126–130): the house, its place (the map piece's fields),
/// a contact person, who was trained, consent to be listed, campaign material. Protected like every public form
/// (<see cref="FormGuard"/>, <see cref="PublicForms"/>); Post/Redirect/Get to the receipt.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class SignUpModel(VenueDesk desk, FormGuard guard) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    [BindProperty]
    public LocationInput Place { get; set; } = new();

    public void OnGet() => Response.Headers.CacheControl = "no-cache, no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var outcome = await desk.SignUpAsync(Input, Place, guard.Check(Request.Form), ct);
        if (this.ShowErrors(outcome))
        {
            return Page();
        }

        return Redirect("/schutzorte/mitmachen/eingegangen");
    }
}
