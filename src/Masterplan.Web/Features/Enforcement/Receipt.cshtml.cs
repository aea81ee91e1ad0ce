using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>
/// The person's page: the code from the receipt (typed, or from the QR code) shows the receipt without the officer; the person
/// can answer once, anonymously, and is offered the complaints office, with the code only if they choose to take it along.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ReceiptModel(EnforcementDesk desk, FormGuard guard) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nr")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "danke")]
    public bool Thanked { get; set; }

    [BindProperty]
    public FeedbackInput Feedback { get; set; } = new();

    public ReceiptView? Receipt { get; private set; }

    public bool NotFoundCode { get; private set; }

    /// <summary>The code as the person can carry it to the complaints office (canonical spelling).</summary>
    public string? CanonicalCode => Code is { } c && Masterplan.Algorithms.Invitations.InvitationCode.TryNormalize(c, out var canonical) ? canonical : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Receipt = await desk.FindAsync(Code, ct);
            NotFoundCode = Receipt is null;
            if (NotFoundCode)
            {
                this.ShowError("nr", "Zu diesem Code gibt es keine Quittung. Bitte prüfen Sie die Schreibweise.");
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var outcome = await desk.GiveFeedbackAsync(Code, Feedback, guard.Check(Request.Form), ct);
        if (this.ShowErrors(outcome, field => field == "Code" ? "nr" : field))
        {
            Receipt = await desk.FindAsync(Code, ct);
            NotFoundCode = Receipt is null;
            return Page();
        }

        return Redirect("/quittung?nr=" + Uri.EscapeDataString(CanonicalCode ?? "") + "&danke=true");
    }
}
