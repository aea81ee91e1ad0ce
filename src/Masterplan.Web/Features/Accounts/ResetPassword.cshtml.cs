using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// The link from the "Passwort vergessen" mail: sets a new password and ends every session. It does not sign
/// in, so an account with two factors still needs its second factor at the next sign-in.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte wählen Sie ein Passwort.")]
    [DataType(DataType.Password)]
    [Display(Name = "Neues Passwort")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
    [Display(Name = "Passwort wiederholen")]
    public string Confirm { get; set; } = "";

    public string? Email { get; private set; }

    public string? Problem { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var (_, user, problem) = await resets.FindAsync(token, ct);
        return Show(user, problem);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var (request, user, problem) = await resets.FindAsync(token, ct);
        if (request is null || user is null || !ModelState.IsValid)
        {
            return Show(user, problem);
        }

        var result = await resets.ResetAsync(request, user, Password, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "LinkUsed"))
            {
                return Show(null, PasswordResets.Used);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), AccountPasswords.German(error));
            }

            return Show(user, null);
        }

        Done = true;
        return Page();
    }

    private PageResult Show(AppUser? user, string? problem)
    {
        Email = user?.Email;
        Problem = problem;
        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }
}
