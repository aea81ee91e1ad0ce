using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>Every input call: open ones first, then those still to come, then the closed ones (004 §5: the input is published).</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<InputCall> Open { get; private set; } = [];

    public IReadOnlyList<InputCall> Upcoming { get; private set; } = [];

    public IReadOnlyList<InputCall> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var calls = await db.InputCalls.AsNoTracking().ToListAsync(ct);
        Open = calls.Where(c => c.OpensAt <= now && now < c.ClosesAt).OrderBy(c => c.ClosesAt).ToList();
        Upcoming = calls.Where(c => now < c.OpensAt).OrderBy(c => c.OpensAt).ToList();
        Closed = calls.Where(c => c.ClosesAt <= now).OrderByDescending(c => c.ClosesAt).ToList();
    }
}
