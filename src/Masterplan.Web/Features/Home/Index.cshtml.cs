using Masterplan.Web.Data;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Home;

/// <summary>The start page: what the masterplan is, the next public meetings, the current Quartierslabor and what happened lately.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, IEnumerable<INewsSource> news, StartPageSnapshot snapshot) : PageModel
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
        var today = CityTime.Today(time);
        var quarter = today.Year * 4 + (today.Month - 1) / 3;
        var version = await db.DataVersionAsync(NewsFeed.VersionName, ct) ?? 0;
        var shown = snapshot.Current;
        if (shown is null || shown.Version != version || shown.Quarter != quarter || now > shown.ValidUntil)
        {
            shown = await ReadAsync(version, now, quarter, ct);
            snapshot.Current = shown;
        }

        (Meetings, Lab, LabIsCurrent, News) = (shown.Meetings, shown.Lab, shown.LabIsCurrent, shown.News);
    }

    private async Task<StartPageSnapshot.Content> ReadAsync(int version, DateTimeOffset now, int quarter, CancellationToken ct)
    {
        var rows = await db.Set<Meeting>().AsNoTracking().VisibleTo(MeetingViewer.Public).Where(m => m.End >= now)
            .OrderBy(m => m.Start).ThenBy(m => m.Id).Take(MeetingCount)
            .Select(m => new { m.Id, m.Title, m.Start, m.End, Body = m.Organization.Name, m.State }).ToListAsync(ct);

        // The lab of this quarter, else the next one planned, else the latest: one quarter has one lab (004 §5).
        var labs = db.Set<NeighbourhoodLab>().AsNoTracking();
        var lab = await labs.Where(l => l.Year * 4 + l.Quarter - 1 >= quarter).OrderBy(l => l.Year).ThenBy(l => l.Quarter).FirstOrDefaultAsync(ct);
        var current = lab is not null;
        lab ??= await labs.OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).FirstOrDefaultAsync(ct);

        // Valid until the first listed meeting ends (then the next one moves up) or anything shown changes (the version).
        return new StartPageSnapshot.Content(
            version, quarter, rows.Count == 0 ? DateTimeOffset.MaxValue : rows.Min(m => m.End),
            [.. rows.Select(m => new UpcomingMeeting(m.Id, m.Title, m.Start, m.Body, m.State == MeetingState.Cancelled))], lab, current,
            await NewsFeed.LatestAsync(news, NewsCount, ct));
    }
}

/// <summary>
/// What the start page read last, kept while the <see cref="DataVersion"/> of what it shows stands, the quarter is the same and
/// no listed meeting has ended: a change on any instance moves the version in its transaction, so the page shows it at once.
/// </summary>
public sealed class StartPageSnapshot
{
    public sealed record Content(
        int Version, int Quarter, DateTimeOffset ValidUntil, IReadOnlyList<IndexModel.UpcomingMeeting> Meetings, NeighbourhoodLab? Lab, bool LabIsCurrent,
        IReadOnlyList<NewsItem> News);

    private Content? current;

    public Content? Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }
}
