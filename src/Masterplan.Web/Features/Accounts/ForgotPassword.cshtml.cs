using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Shared.Mail;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Asks for a reset link by e-mail; answers the same for known, unknown and disabled addresses.</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ForgotPasswordModel(PasswordResets resets, IOptions<MailOptions> mail, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
    [EmailAddress(ErrorMessage = "Das ist keine gültige E-Mail-Adresse.")]
    [StringLength(320, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public int LifetimeMinutes => (int)Math.Round(options.Value.PasswordResetLifetime.TotalMinutes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await resets.RequestAsync(Email, mail.Value.BaseUrl, ct);
        Sent = true;
        return Page();
    }
}
