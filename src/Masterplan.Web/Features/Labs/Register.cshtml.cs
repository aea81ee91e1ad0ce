using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// Stage 2 (docs/domain.md#two-stage-draw): residents with an invitation register with their code, typed or from the QR code's link.
/// Only what the quotas and the lab need is asked; every optional category can be answered "keine Angabe".
/// </summary>
[EnableRateLimiting(AccountsModule.PublicForms)]
public sealed class RegisterModel(LabDraws draws) : PageModel
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

    public IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Categories { get; private set; } = [];

    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (Code is null)
        {
            return;
        }

        var (_, lab, error) = await draws.FindCodeAsync(Code, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Code), error);
            return;
        }

        Show(lab!);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var (_, lab, error) = await draws.FindCodeAsync(Code, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Code), error);
            return Page();
        }

        Show(lab!);
        var result = await draws.RegisterAsync(Code, new RegistrationInput(AgeBand, Gender, Answers, Availability, AccessibilityNeeds, Contact, Consent), ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(string.Empty, e);
            }

            return Page();
        }

        Done = true;
        return Page();
    }

    private void Show(NeighbourhoodLab lab)
    {
        Lab = lab;
        Categories = LabsModule.ParseCategories(lab.Categories);
    }
}
