using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Reports.Review;

/// <summary>The half-year reports for the Lenkungskreis: those waiting for approval first, then the approved and sent ones.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<HalfYearReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Reports = (await db.HalfYearReports.AsNoTracking().Where(r => r.Status != HalfYearStatus.Draft || r.Version > 1).ToListAsync(ct))
            .OrderBy(r => r.Status == HalfYearStatus.InReview ? 0 : 1).ThenByDescending(r => r.To).ThenByDescending(r => r.Id).ToList();
}
