using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants;

/// <summary>A published call: purpose, who may apply, money, deadline, criteria and the documents an application needs.</summary>
public sealed class CallModel(GrantDesk desk, AppDbContext db) : PageModel
{
    public GrantCall Call { get; private set; } = null!;

    public bool Open { get; private set; }

    public string? MeasureTitle { get; private set; }

    public List<string> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await desk.PublicCallAsync(id, ct) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        Open = desk.IsOpen(call);
        MeasureTitle = await db.Set<Measure>().Where(m => m.Id == call.MeasureId && m.IsPublic).Select(m => m.Title).FirstOrDefaultAsync(ct);
        Documents = [.. call.RequiredDocuments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return Page();
    }
}
