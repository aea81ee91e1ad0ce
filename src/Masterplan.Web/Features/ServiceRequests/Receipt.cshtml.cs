using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>"Received", shown after the redirect: it looks the report up by its receipt number, so it only says so for what is stored.</summary>
public sealed class ReceiptModel(AppDbContext db) : PageModel
{
    public string? Number { get; private set; }

    public ServiceRequest? Report { get; private set; }

    public string CategoryName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? nr, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (nr is null || HashedCodes.HashOfTyped(nr) is not { } hash)
        {
            return NotFound();
        }

        Report = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ReceiptHash == hash, ct);
        if (Report is null)
        {
            return NotFound();
        }

        Number = nr;
        CategoryName = await db.ServiceCategories.Where(c => c.Id == Report.CategoryId).Select(c => c.Name).FirstAsync(ct);
        return Page();
    }
}
