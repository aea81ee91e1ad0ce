using Masterplan.Web.Shared;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// Stage 2 (docs/domain.md#two-stage-draw): residents with an invitation register with their code, typed or from the QR code's link.
/// Only what the quotas and the lab need is asked; every optional category can be answered "keine Angabe".
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class RegisterModel(Registration registration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? AgeBand { get; set; }

    [BindProperty]
    public string? Gender { get; set; }

    [BindProperty]
    public Dictionary<string, string> Answers { get; set; } = [];

    [BindProperty]
    public string? Availability { get; set; }

    [BindProperty]
    public string? AccessibilityNeeds { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    public NeighbourhoodLab? Lab { get; private set; }

    public IReadOnlyList<LabCategory> Categories { get; private set; } = [];

    public bool Done { get; private set; }

    public async Task OnGetAsync(bool angemeldet, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (angemeldet)
        {
            Done = true;
            return;
        }

        if (Code is null)
        {
            return;
        }

        var (_, lab, error) = await registration.FindCodeAsync(Code, ct);
        if (error is not null)
        {
            this.ShowErrors([error]);
            return;
        }

        Show(lab!);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var (invitation, lab, error) = await registration.FindCodeAsync(Code, ct);
        if (error is not null)
        {
            this.ShowErrors([error]);
            return Page();
        }

        Show(lab!);
        var result = await registration.RegisterAsync(invitation!, lab!, new RegistrationInput(AgeBand, Gender, Answers, Availability, AccessibilityNeeds, Contact, Consent), ct);
        if (this.ShowErrors(result))
        {
            return Page();
        }

        // Post/Redirect/Get: reloading the confirmation does not send the form again.
        return RedirectToPage(new { angemeldet = true });
    }

    private void Show(NeighbourhoodLab lab)
    {
        Lab = lab;
        Categories = LabCategories.Parse(lab.Categories).Categories;
    }
}
