using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>All Quartierslabore, newest quarter first (001 "Handlungsfeld 4").</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<NeighbourhoodLab> Labs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Labs = await db.Labs.AsNoTracking().OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).ToListAsync(ct);
}
