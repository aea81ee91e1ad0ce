using Masterplan.Web.Data;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Home;

/// <summary>The start page: what the masterplan is, the next public meetings, the current Quartierslabor and what happened lately.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, IEnumerable<INewsSource> news) : PageModel
{
    public const int MeetingCount = 3;

    public const int NewsCount = 5;

    public sealed record UpcomingMeeting(int Id, string Title, DateTimeOffset Start, string Body, bool Cancelled);

    public IReadOnlyList<UpcomingMeeting> Meetings { get; private set; } = [];

    public NeighbourhoodLab? Lab { get; private set; }

    /// <summary>Whether <see cref="Lab"/> is of this quarter or a later one (else it is the latest that was held).</summary>
    public bool LabIsCurrent { get; private set; }

    public IReadOnlyList<NewsItem> News { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Meeting>().AsNoTracking().VisibleTo(MeetingViewer.Public).Where(m => m.End >= now)
            .OrderBy(m => m.Start).ThenBy(m => m.Id).Take(MeetingCount)
            .Select(m => new { m.Id, m.Title, m.Start, Body = m.Organization.Name, m.State }).ToListAsync(ct);
        Meetings = [.. rows.Select(m => new UpcomingMeeting(m.Id, m.Title, m.Start, m.Body, m.State == MeetingState.Cancelled))];

        // The lab of this quarter, else the next one planned, else the latest: one quarter has one lab (004 §5).
        var today = CityTime.Today(time);
        var quarter = today.Year * 4 + (today.Month - 1) / 3;
        var labs = db.Set<NeighbourhoodLab>().AsNoTracking();
        Lab = await labs.Where(l => l.Year * 4 + l.Quarter - 1 >= quarter).OrderBy(l => l.Year).ThenBy(l => l.Quarter).FirstOrDefaultAsync(ct);
        LabIsCurrent = Lab is not null;
        Lab ??= await labs.OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).FirstOrDefaultAsync(ct);

        News = await NewsFeed.LatestAsync(news, NewsCount, ct);
    }
}
