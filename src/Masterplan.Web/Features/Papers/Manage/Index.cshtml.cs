using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers.Manage;

/// <summary>The Office's list of papers, newest first, with how far each Beratungsfolge has got.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string? Reference, string Name, string PaperType, DateOnly Date, int Consultations, int WithResult);

    public IReadOnlyList<Row> Papers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Take(500)
            .Select(p => new Row(p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.Consultations.Count, p.Consultations.Count(c => c.Result != null)))
            .ToListAsync(ct);
}
