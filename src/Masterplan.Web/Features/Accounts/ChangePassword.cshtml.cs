using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// The signed-in user changes the password with the current one; every other session ends, this one stays.
/// Wrong current passwords count against the same throttle as the sign-in, so a stolen session cannot be used to guess it.
/// </summary>
public sealed class ChangePasswordModel(UserManager<AppUser> users, AccountSessions sessions, LoginThrottling throttling, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort ein.")]
    [DataType(DataType.Password)]
    [Display(Name = "Bisheriges Passwort")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Bitte wählen Sie ein neues Passwort.")]
    [DataType(DataType.Password)]
    [Display(Name = "Neues Passwort")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Die beiden Passwörter stimmen nicht überein.")]
    [Display(Name = "Passwort wiederholen")]
    public string Confirm { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "geaendert")]
    public bool Changed { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Changed = false;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var key = LoginThrottling.KeyFor(user.Email ?? user.Id, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (await throttling.BlockedUntilAsync(key, ct) is { } until)
        {
            Error = LoginModel.Throttled(until);
            return Page();
        }

        if (!await users.CheckPasswordAsync(user, CurrentPassword))
        {
            var locked = await throttling.RecordFailureAsync(key, ct);
            db.Audit(locked ? "auth.login.locked" : "auth.password.change.failed", nameof(AppUser), user.Id, reason: "wrong current password");
            await db.SaveChangesAsync(ct);
            ModelState.AddModelError(nameof(CurrentPassword), "Das bisherige Passwort ist nicht richtig.");
            return Page();
        }

        await throttling.ResetAsync(key, ct);
        var result = await users.ChangePasswordAsync(user, CurrentPassword, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(Password), AccountPasswords.German(error));
            }

            return Page();
        }

        await AccountPasswords.RevokeResetLinksAsync(db, user.Id, time.GetUtcNow(), ct);
        var ended = await sessions.EndOthersAsync(user, ct);
        db.Audit("auth.password.changed", nameof(AppUser), user.Id, new { OtherSessionsEnded = ended });
        await db.SaveChangesAsync(ct);
        return Redirect("/konto/passwort?geaendert=true");
    }
}
