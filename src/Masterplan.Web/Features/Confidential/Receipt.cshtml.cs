using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Confidential;

/// <summary>The case number and the mailbox secret, shown once: TempData is read and gone, and the page is not cached.</summary>
public sealed class ReceiptModel : PageModel
{
    public string? Number { get; private set; }

    public string? Secret { get; private set; }

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Number = TempData[IntakePage.NumberKey] as string;
        Secret = TempData[IntakePage.SecretKey] as string;
    }
}
