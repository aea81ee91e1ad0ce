using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Manage;

/// <summary>The Office's view of the programme: the year's budget, the calls, and for one call its applications and ranking.</summary>
public sealed class IndexModel(GrantDesk desk, AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string? ReceiptNumber, string Association, string ProjectTitle, GrantStatus Status, long RequestedCents, long? GrantedCents, DateTimeOffset? DecidedAt);

    public int Year { get; private set; }

    public (long Amount, long Committed, long Left) Budget { get; private set; }

    public List<GrantCall> Calls { get; private set; } = [];

    public Dictionary<int, int> Counts { get; private set; } = [];

    public GrantCall? Selected { get; private set; }

    public List<Row> Applications { get; private set; } = [];

    public List<RankingLine> Ranking { get; private set; } = [];

    public async Task OnGetAsync(int? aufruf, CancellationToken ct)
    {
        Year = CityTime.Today(time).Year;
        Budget = await desk.YearBudgetAsync(Year, ct);
        Calls = await db.GrantCalls.AsNoTracking().OrderByDescending(c => c.Deadline).ToListAsync(ct);
        Counts = await db.GrantApplications.Where(a => a.Status != GrantStatus.Draft).GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Selected = Calls.FirstOrDefault(c => c.Id == aufruf);
        if (Selected is not null)
        {
            Applications = await db.GrantApplications.AsNoTracking().Where(a => a.CallId == Selected.Id && a.Status != GrantStatus.Draft).OrderBy(a => a.Id)
                .Select(a => new Row(a.Id, a.ReceiptNumber, db.Set<Association>().Where(x => x.Id == a.AssociationId).Select(x => x.Name).First(), a.ProjectTitle, a.Status,
                    a.RequestedCents, a.GrantedCents, a.DecidedAt))
                .ToListAsync(ct);
            Ranking = await desk.RankingAsync(Selected.Id, ct);
        }
    }
}
