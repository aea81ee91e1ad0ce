using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// The contribution form: honeypot, minimum fill time and the per-address limit instead of an image CAPTCHA
/// (<see cref="FormGuard"/>, <see cref="PublicForms"/>). Nothing typed is lost on a refusal; "received" is shown
/// only after the commit, on the page the form redirects to.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class SubmitModel(AppDbContext db, Contributions contributions, FormGuard guard, IDataProtectionProvider protection) : PageModel
{
    private readonly IDataProtector _receipts = protection.CreateProtector("Masterplan.Participation.Receipt");

    public InputCall Call { get; private set; } = null!;

    public IReadOnlyList<string> Districts { get; private set; } = [];

    public IReadOnlyList<InputCallQuestion> Questions { get; private set; } = [];

    /// <summary>The answers to the extra questions, by question id (<c>Answers[12]</c>).</summary>
    [BindProperty]
    public Dictionary<int, string?> Answers { get; set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public string? AuthorName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The receipt number chosen when the form was shown, protected: sending the same form again is idempotent.</summary>
    [BindProperty]
    public string? ReceiptToken { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ReceiptToken = _receipts.Protect(HashedCodes.Create().Code);
        if (contributions.Window(Call) is { } closed)
        {
            this.ShowErrors([closed]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await contributions.SubmitAsync(Call, new ContributionInput(Text, District, Theme, AuthorName, Email) { Answers = Answers, Receipt = IssuedReceipt() }, guard.Check(Request.Form), ct);
        if (this.ShowErrors(result))
        {
            return Page();
        }

        // Post/Redirect/Get: the receipt page reads the stored contribution, so it proves the commit; a reload sends nothing.
        return Redirect("/beteiligung/eingegangen?nr=" + Uri.EscapeDataString(result.Value.Receipt));
    }

    /// <summary>The receipt number the form was shown with; a missing or altered token gets a new one when it is stored.</summary>
    private string? IssuedReceipt()
    {
        try
        {
            return string.IsNullOrEmpty(ReceiptToken) ? null : _receipts.Unprotect(ReceiptToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            ReceiptToken = _receipts.Protect(HashedCodes.Create().Code);
            return null;
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await db.InputCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).Select(d => d.Name).ToListAsync(ct);
        Questions = await db.InputCallQuestions.AsNoTracking().Where(q => q.InputCallId == id).OrderBy(q => q.Position).ToListAsync(ct);
        return true;
    }
}
