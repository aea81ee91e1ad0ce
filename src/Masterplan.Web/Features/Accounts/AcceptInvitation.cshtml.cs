using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// The single-use invitation link: the invited person sets a password and is signed in. A new invitation to an
/// existing account (sent by an administrator) sets that account's password instead and does not sign in, so an
/// account with two factors still needs its second factor.
/// </summary>
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

    /// <summary>The invitation is for an existing account whose password the administration removed.</summary>
    public bool ExistingAccount { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        (Invitation, Problem) = await invitations.FindAsync(token, ct);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        else
        {
            ExistingAccount = await invitations.ResetsPasswordAsync(Invitation!, ct);
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

        ExistingAccount = await invitations.ResetsPasswordAsync(Invitation, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await invitations.AcceptAsync(Invitation, Password, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), AccountPasswords.German(error));
            }

            return Page();
        }

        if (ExistingAccount)
        {
            Done = true;
            return Page();
        }

        await signIn.SignInAsync((await users.FindByEmailAsync(Invitation.Email))!, isPersistent: false);
        return Redirect("/konto");
    }
}
