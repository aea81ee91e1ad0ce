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
        var moves = LocalVersionMoves.Count; // read before the version: a commit after it counts as unseen
        var shown = snapshot.Current is { } kept && kept.Quarter == quarter && now <= kept.ValidUntil ? kept : null;
        if (shown is null || shown.Moves != moves || System.Diagnostics.Stopwatch.GetElapsedTime(shown.CheckedAt) > StartPageSnapshot.Recheck)
        {
            var version = await db.DataVersionAsync(NewsFeed.VersionName, ct) ?? 0;
            shown = shown?.Version == version
                ? shown with { Moves = moves, CheckedAt = System.Diagnostics.Stopwatch.GetTimestamp() }
                : await ReadAsync(version, now, quarter, moves, ct);
            snapshot.Current = shown;
        }

        (Meetings, Lab, LabIsCurrent, News) = (shown.Meetings, shown.Lab, shown.LabIsCurrent, shown.News);
    }

    private async Task<StartPageSnapshot.Content> ReadAsync(int version, DateTimeOffset now, int quarter, long moves, CancellationToken ct)
    {
        var checkedAt = System.Diagnostics.Stopwatch.GetTimestamp();
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
            await NewsFeed.LatestAsync(news, NewsCount, ct), moves, checkedAt);
    }
}

/// <summary>
/// What the start page read last, kept while the <see cref="DataVersion"/> of what it shows stands, the quarter is the same and
/// no listed meeting has ended: a change on any instance moves the version in its transaction. The version itself is read again
/// after a commit in this process that moved any version (<see cref="LocalVersionMoves"/>), so a change made here shows at once,
/// and otherwise at most once per <see cref="Recheck"/>, so a change made on another instance shows within it (the database
/// round trip was most of a request's time).
/// </summary>
public sealed class StartPageSnapshot
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    /// <param name="Moves">The <see cref="LocalVersionMoves"/> count read before the version.</param>
    /// <param name="CheckedAt">When the version was last read (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
    public sealed record Content(
        int Version, int Quarter, DateTimeOffset ValidUntil, IReadOnlyList<IndexModel.UpcomingMeeting> Meetings, NeighbourhoodLab? Lab, bool LabIsCurrent,
        IReadOnlyList<NewsItem> News, long Moves, long CheckedAt);

    private Content? current;

    public Content? Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }
}
