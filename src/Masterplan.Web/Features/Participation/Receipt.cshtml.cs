using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// "Received", shown after the redirect: it looks the contribution up by its receipt number, so it only says
/// "received" for what is stored. It shows no text: the number in the address is all it needs.
/// </summary>
public sealed class ReceiptModel(AppDbContext db) : PageModel
{
    public string? Number { get; private set; }

    public Contribution? Contribution { get; private set; }

    public InputCall? Call { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? nr, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (nr is null || HashedCodes.HashOfTyped(nr) is not { } hash)
        {
            return NotFound();
        }

        Contribution = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(c => c.ReceiptHash == hash, ct);
        if (Contribution is null)
        {
            return NotFound();
        }

        Number = nr;
        Call = await db.InputCalls.AsNoTracking().FirstAsync(c => c.Id == Contribution.InputCallId, ct);
        return Page();
    }
}
