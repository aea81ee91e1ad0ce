using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Accounts;

/// <summary>The single-use invitation link: the invited person sets a password and may then sign in.</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class AcceptInvitationModel(Invitations invitations, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
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

    public Invitation? Invitation { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        (Invitation, Problem) = await invitations.FindAsync(token, ct);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        (Invitation, Problem) = await invitations.FindAsync(token, ct);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await invitations.AcceptAsync(Invitation, Password, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Code switch
                {
                    "PasswordPolicy" => error.Description, // already German (PasswordPolicy)
                    "PasswordTooShort" => $"Das Passwort muss mindestens {PasswordPolicy.MinLength} Zeichen lang sein.",
                    "DuplicateEmail" or "DuplicateUserName" => "Für diese E-Mail-Adresse gibt es schon ein Konto. Bitte melden Sie sich an.",
                    _ => error.Description,
                });
            }

            return Page();
        }

        await signIn.SignInAsync((await users.FindByEmailAsync(Invitation.Email))!, isPersistent: false);
        return Redirect("/konto");
    }
}
