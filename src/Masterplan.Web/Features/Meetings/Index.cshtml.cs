using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Upcoming and past meetings: public ones for everybody, plus the non-public ones the viewer may see (<see cref="MeetingViewer"/>).</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];

    public IReadOnlyList<Meeting> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var viewer = await MeetingViewer.OfAsync(db, User, ct);
        var visible = db.Meetings.AsNoTracking().Include(m => m.Organization).VisibleTo(viewer);
        Upcoming = await visible.Where(m => m.End >= now).OrderBy(m => m.Start).Take(50).ToListAsync(ct);
        Past = await visible.Where(m => m.End < now).OrderByDescending(m => m.Start).Take(50).ToListAsync(ct);
    }
}
