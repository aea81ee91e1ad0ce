using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings.Manage;

/// <summary>The Office's meeting dashboard: rule checks, upcoming meetings, minutes in progress, open recommendations.</summary>
public sealed class IndexModel(AppDbContext db, MeetingRules rules, TimeProvider time) : PageModel
{
    public IReadOnlyList<RuleCheck> Checks { get; private set; } = [];

    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];

    public IReadOnlyList<(Meeting Meeting, Minutes? Minutes)> AwaitingMinutes { get; private set; } = [];

    public int OpenRecommendations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Checks = await rules.CheckAsync(ct);
        Upcoming = await db.Meetings.AsNoTracking().Include(m => m.Organization).Where(m => m.Start >= now.AddHours(-12))
            .OrderBy(m => m.Start).Take(30).ToListAsync(ct);
        var held = await db.Meetings.AsNoTracking().Include(m => m.Organization).Where(m => m.State == MeetingState.Held)
            .OrderByDescending(m => m.Start).Take(50).ToListAsync(ct);
        var heldIds = held.Select(m => m.Id).ToList();
        var minutes = await db.Minutes.AsNoTracking().Where(m => heldIds.Contains(m.MeetingId)).ToListAsync(ct);
        AwaitingMinutes = held.Select(m => (m, minutes.FirstOrDefault(x => x.MeetingId == m.Id)))
            .Where(x => x.Item2?.State != MinutesState.Approved).ToList();
        OpenRecommendations = await db.Recommendations.CountAsync(r => r.Status != RecommendationStatus.Implemented && r.Status != RecommendationStatus.Rejected, ct);
    }
}
