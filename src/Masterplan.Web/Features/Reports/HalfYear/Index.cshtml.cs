using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Reports.HalfYear;

/// <summary>The Office's list of half-year reports.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<HalfYearReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Reports = await db.HalfYearReports.AsNoTracking().OrderByDescending(r => r.To).ThenByDescending(r => r.Id).ToListAsync(ct);
}
