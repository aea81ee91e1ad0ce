using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Second step of the sign-in: a code from the authenticator app, or a one-time recovery code.</summary>
[EnableRateLimiting(AccountsModule.PublicForms)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, LoginThrottling throttling, AppDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie den Code ein.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool IsRecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Accounts/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var key = LoginThrottling.SecondFactorKeyFor(user.Id);
        if (await throttling.BlockedUntilAsync(key, ct) is { } until)
        {
            Error = LoginModel.Throttled(until);
            return Page();
        }

        var code = AuthenticatorCodes.Normalize(Code);
        var result = IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await throttling.ResetAsync(key, ct);
            db.Audit(IsRecoveryCode ? "auth.login.succeeded.recovery-code" : "auth.login.succeeded", nameof(AppUser), user.Id);
            await db.SaveChangesAsync(ct);
            return LocalRedirect(Masterplan.Web.Shared.LocalUrl.Safe(ReturnUrl, "/konto"));
        }

        var locked = await throttling.RecordFailureAsync(key, ct);
        db.Audit(locked ? "auth.second-factor.locked" : "auth.second-factor.failed", nameof(AppUser), user.Id,
            reason: IsRecoveryCode ? "recovery code not valid or already used" : "wrong or already used code");
        await db.SaveChangesAsync(ct);
        Error = IsRecoveryCode
            ? "Dieser Wiederherstellungscode ist nicht gültig oder wurde bereits benutzt."
            : "Der Code ist nicht richtig oder wurde schon benutzt. Nehmen Sie den nächsten Code aus Ihrer App.";
        return Page();
    }
}
