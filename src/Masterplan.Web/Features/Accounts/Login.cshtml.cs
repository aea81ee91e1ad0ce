using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Accounts;

[EnableRateLimiting(AccountsModule.PublicForms)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottling throttling, AppDbContext db) : PageModel
{
    /// <summary>The same words for a wrong password, an unknown address and a disabled account.</summary>
    public const string Failed = "E-Mail-Adresse oder Passwort ist falsch.";

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort ein.")]
    [DataType(DataType.Password)]
    [Display(Name = "Passwort")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var key = LoginThrottling.KeyFor(Email, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (await throttling.BlockedUntilAsync(key, ct) is { } until)
        {
            db.Audit("auth.login.throttled", reason: "too many failed attempts");
            await db.SaveChangesAsync(ct);
            Error = Throttled(until);
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null || user.IsDisabled || user.PasswordHash is null)
        {
            // The same work as for a real account, so the answer's timing tells nobody which addresses exist.
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash.Value, Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        }

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttling.ResetAsync(key, ct);
            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl });
            }

            db.Audit("auth.login.succeeded", nameof(AppUser), user!.Id);
            await db.SaveChangesAsync(ct);
            return LocalRedirect(Masterplan.Web.Shared.LocalUrl.Safe(ReturnUrl, "/konto"));
        }

        var locked = await throttling.RecordFailureAsync(key, ct);
        db.Audit(locked ? "auth.login.locked" : "auth.login.failed", user is null ? null : nameof(AppUser), user?.Id, reason: user is null ? "unknown login name" : user.IsDisabled ? "account disabled" : "wrong password");
        await db.SaveChangesAsync(ct);
        Error = Failed;
        return Page();
    }

    private static readonly AppUser DummyUser = new() { DisplayName = "", UserName = "" };

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(DummyUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public static string Throttled(DateTimeOffset until) =>
        $"Zu viele Fehlversuche. Bitte warten Sie bis {Masterplan.Web.Shared.CityTime.Local(until):HH:mm:ss} Uhr und versuchen Sie es dann erneut.";
}
