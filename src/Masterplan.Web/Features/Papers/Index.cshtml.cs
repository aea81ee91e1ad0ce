using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PaperDto> Papers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ToDto().ToListAsync(ct);
}
