using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public PaperDto Paper { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> AmendedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().Where(p => p.Id == id).ToDto().FirstOrDefaultAsync(ct);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        AmendedBy = (await db.Papers.AsNoTracking().Where(p => p.AmendsPaperId == id).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        return Page();
    }
}
