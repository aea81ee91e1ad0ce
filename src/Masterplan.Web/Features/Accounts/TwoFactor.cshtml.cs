using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// The authenticator app (TOTP): first enrolment with QR code and key, then ten recovery codes shown once; later a
/// change to a new app. An enrolled key is never shown again: a new app gets a new key, and only after the old
/// second factor was given once more on this page, so a session cookie alone cannot read or replace it.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, IDataProtectionProvider protection,
    TimeProvider time, LoginThrottling throttling, AppDbContext db) : PageModel
{
    /// <summary>How long a new key shown for a change of app waits for its first code.</summary>
    public static readonly TimeSpan ReplacementLifetime = TimeSpan.FromMinutes(10);

    public enum State
    {
        NotEnrolled,
        Enrolled,
        ChoosingNewApp,
        Done,
    }

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer App ein.")]
    [Display(Name = "Code aus der App")]
    public string Code { get; set; } = "";

    /// <summary>The new key during a change of app, sealed by the server (it is stored only once confirmed).</summary>
    [BindProperty]
    public string? Pending { get; set; }

    public State Step { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Error { get; private set; }

    private IDataProtector Protector => protection.CreateProtector("Masterplan.Accounts.AuthenticatorReplacement");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await ShowAsync(user);
        return Page();
    }

    /// <summary>First enrolment: the code from the app confirms the key shown.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled || !ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }

        if (await BlockedAsync(user, ct) || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            Error ??= "Der Code ist nicht richtig. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und nehmen Sie den aktuellen Code.";
            await ShowAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await FinishAsync(user, "auth.second-factor.enabled", ct);
        return Page();
    }

    /// <summary>Change of app, step one: the current second factor again, then a new key is shown (not yet stored).</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !User.HasClaim("amr", "mfa") || !ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }

        var code = Code.Trim();
        var proven = !await BlockedAsync(user, ct)
            && (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                || (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
        if (!proven)
        {
            await throttling.RecordFailureAsync(LoginThrottling.SecondFactorKeyFor(user.Id), ct);
            db.Audit("auth.second-factor.failed", nameof(AppUser), user.Id, reason: "change of app: wrong or already used code");
            await db.SaveChangesAsync(ct);
            Error ??= "Der Code ist nicht richtig oder wurde schon benutzt. Nehmen Sie den nächsten Code aus Ihrer App.";
            Step = State.Enrolled;
            return Page();
        }

        var key = users.GenerateNewAuthenticatorKey();
        Pending = Protector.Protect(string.Join('|', user.Id, key, (time.GetUtcNow() + ReplacementLifetime).UtcTicks.ToString(CultureInfo.InvariantCulture)));
        ModelState.Clear();
        Code = "";
        ShowKey(user, key);
        Step = State.ChoosingNewApp;
        return Page();
    }

    /// <summary>Change of app, step two: a code from the new app confirms the new key, which replaces the old one.</summary>
    public async Task<IActionResult> OnPostReplaceAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !User.HasClaim("amr", "mfa") || Unseal(user) is not { } key)
        {
            Error = "Die Einrichtung der neuen App ist abgelaufen. Bitte beginnen Sie noch einmal.";
            await ShowAsync(user);
            return Page();
        }

        if (!ModelState.IsValid || AuthenticatorCodes.MatchStep(key, Code, time.GetUtcNow()) is not { } step)
        {
            Error = ModelState.IsValid ? "Der Code ist nicht richtig. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und nehmen Sie den aktuellen Code." : null;
            ShowKey(user, key);
            Step = State.ChoosingNewApp;
            return Page();
        }

        // The confirming code must not sign anybody in a second time.
        user.LastAuthenticatorStep = Math.Max(user.LastAuthenticatorStep ?? long.MinValue, step);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
        await users.UpdateSecurityStampAsync(user); // saves the user; other sessions end at their next check
        await FinishAsync(user, "auth.second-factor.replaced", ct);
        return Page();
    }

    private async Task FinishAsync(AppUser user, string action, CancellationToken ct)
    {
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        db.Audit(action, nameof(AppUser), user.Id);
        await db.SaveChangesAsync(ct);

        // This session counts as signed in with two factors (and carries the new security stamp).
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        Step = State.Done;
    }

    private async Task<bool> BlockedAsync(AppUser user, CancellationToken ct)
    {
        if (await throttling.BlockedUntilAsync(LoginThrottling.SecondFactorKeyFor(user.Id), ct) is { } until)
        {
            Error = LoginModel.Throttled(until);
            return true;
        }

        return false;
    }

    private string? Unseal(AppUser user)
    {
        try
        {
            var parts = Protector.Unprotect(Pending ?? "").Split('|');
            return parts.Length == 3 && parts[0] == user.Id
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && time.GetUtcNow().UtcTicks < expires
                ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task ShowAsync(AppUser user)
    {
        if (user.TwoFactorEnabled)
        {
            Step = State.Enrolled; // never the key again
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it renews the security stamp, which would end this very session.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }

        ShowKey(user, key!);
        Step = State.NotEnrolled;
    }

    private void ShowKey(AppUser user, string key)
    {
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Masterplan Dortmund")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Masterplan Dortmund")}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
