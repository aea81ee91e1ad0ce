using System.Security.Claims;
using Masterplan.Documents;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Enforcement.Field;

/// <summary>
/// The receipt just recorded: its code (once, from TempData), a QR code to show the person, and the small PDF for the mobile
/// printer. The PDF is made on a POST that carries the code back; the server checks it against the stored hash.
/// </summary>
public sealed class IssuedModel(EnforcementDesk desk, IOptions<MailOptions> mail) : PageModel
{
    public ReceiptView? Receipt { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public string QrDataUri { get; private set; } = "";

    public string ReceiptUrl => mail.Value.Link("/quittung");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } own)
        {
            return NotFound();
        }

        Code = TempData[CheckModel.CodeKey] as string;
        if (Code is not null && HashedCodes.HashOfTyped(Code) != own.CodeHash)
        {
            Code = null;
        }

        if (Code is not null)
        {
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(QrCode.Png(ReceiptUrl + "?nr=" + Uri.EscapeDataString(Code), pixelsPerModule: 6));
        }

        return Page();
    }

    /// <summary>The receipt as a PDF for the mobile printer; the page's only form.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } own || await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is not { } officer)
        {
            return NotFound();
        }

        if (Code is null || HashedCodes.HashOfTyped(Code) != own.CodeHash)
        {
            Code = null;
            this.ShowError("Code", "Der Code passt nicht zu dieser Quittung.");
            return Page();
        }

        var pdf = PdfRenderer.Render(EnforcementDocuments.Receipt(own.View, Code.Trim().ToUpperInvariant(), officer.ServiceNumber, ReceiptUrl));
        return File(pdf, "application/pdf", $"quittung-{id}.pdf");
    }

    private async Task<(ReceiptView View, string CodeHash)?> LoadAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (await desk.OfficerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is not { } officer)
        {
            return null;
        }

        var own = await desk.OwnReceiptAsync(id, officer.Id, ct);
        Receipt = own?.View;
        return own;
    }
}
