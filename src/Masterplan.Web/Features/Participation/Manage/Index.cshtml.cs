using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation.Manage;

/// <summary>The Office's list of input calls with what waits for moderation.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(InputCall Call, int Pending, int Published, int Rejected, int Unanswered);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var calls = await db.InputCalls.AsNoTracking().OrderByDescending(c => c.OpensAt).ToListAsync(ct);
        var counts = await db.Contributions.GroupBy(c => new { c.InputCallId, c.Moderation, Unanswered = c.Answer == null })
            .Select(g => new { g.Key.InputCallId, g.Key.Moderation, g.Key.Unanswered, Count = g.Count() }).ToListAsync(ct);
        int Count(int call, string moderation) => counts.Where(c => c.InputCallId == call && c.Moderation == moderation).Sum(c => c.Count);
        Rows = calls.Select(c => new Row(c, Count(c.Id, ParticipationModule.Pending), Count(c.Id, ParticipationModule.Published), Count(c.Id, ParticipationModule.Rejected),
            counts.Where(x => x.InputCallId == c.Id && x.Moderation == ParticipationModule.Published && x.Unanswered).Sum(x => x.Count))).ToList();
    }
}
