using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Enrolment of the authenticator app (TOTP): QR code and the key as text, then ten recovery codes shown once.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer App ein.")]
    [Display(Name = "Code aus der App")]
    public string Code { get; set; } = "";

    public string SharedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public bool Enabled { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Load())
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = (await users.GetUserAsync(User))!;
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "Der Code ist nicht richtig. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und nehmen Sie den aktuellen Code.";
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        db.Audit("auth.second-factor.enabled", nameof(AppUser), user.Id);
        await db.SaveChangesAsync(ct);

        // The session now counts as signed in with two factors.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        Enabled = true;
        return Page();
    }

    private async Task<bool> Load()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Enabled = user.TwoFactorEnabled && User.HasClaim("amr", "mfa");
        if (Enabled)
        {
            return true;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Masterplan Dortmund")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Masterplan Dortmund")}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return true;
    }
}
