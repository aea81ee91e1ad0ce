using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>The Office's dashboard of milestones (docs/domain.md#milestones): overdue ones with their units and reminders, and those due soon.</summary>
public sealed class MilestonesModel(AppDbContext db, Milestones milestones, BodyTargets bodyTargets, TimeProvider time) : PageModel
{
    public sealed record Upcoming(Milestone Milestone, string MeasureTitle);

    public IReadOnlyList<OverdueMilestone> Overdue { get; private set; } = [];

    public IReadOnlyList<Upcoming> DueSoon { get; private set; } = [];

    /// <summary>Overdue milestones of bodies' goals (003); no reminder mail reaches a body, so the page says so.</summary>
    public IReadOnlyList<OverdueBodyMilestone> BodyOverdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overdue = await milestones.OverdueAsync(ct);
        BodyOverdue = await bodyTargets.OverdueAsync(ct);
        var today = CityTime.Today(time);
        var until = today.AddDays(30);
        DueSoon = (await db.Milestones.AsNoTracking().Where(m => m.DoneDate == null && m.DueDate >= today && m.DueDate <= until)
                .Join(db.Measures, m => m.MeasureId, x => x.Id, (m, x) => new { m, x.Title }).OrderBy(r => r.m.DueDate).ToListAsync(ct))
            .Select(r => new Upcoming(r.m, r.Title)).ToList();
    }
}
