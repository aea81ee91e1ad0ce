using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Upcoming and past meetings: public ones for everybody, plus the non-public ones the viewer may see (<see cref="MeetingViewer"/>).</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<MailOptions> mail) : PageModel
{
    /// <summary>The calendar of all public meetings at the platform's configured address (never the request's Host header).</summary>
    public string FeedAddress => mail.Value.Link(MeetingsModule.PublicFeedPath);

    /// <summary>The same address for calendar programs that subscribe when a webcal: link is opened.</summary>
    public string WebcalAddress => "webcal://" + FeedAddress[(FeedAddress.IndexOf("://", StringComparison.Ordinal) + 3)..];

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
