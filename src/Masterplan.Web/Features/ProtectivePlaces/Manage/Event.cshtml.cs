using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces.Manage;

/// <summary>A large event (002 lines 123–125): name, start and end in Dortmund time; its help points are places that name it.</summary>
public sealed class EventModel(AppDbContext db, PlaceEditor editor) : PageModel
{
    [BindProperty]
    public EventInput Event { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<ProtectivePlace> HelpPoints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var row = await db.PlaceEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == existing, ct);
            if (row is null)
            {
                return NotFound();
            }

            var (start, end) = (CityTime.Local(row.Starts), CityTime.Local(row.Ends));
            Event = new EventInput
            {
                Name = row.Name, StartDate = DateOnly.FromDateTime(start), StartTime = TimeOnly.FromDateTime(start), EndDate = DateOnly.FromDateTime(end), EndTime = TimeOnly.FromDateTime(end),
            };
            HelpPoints = await db.ProtectivePlaces.AsNoTracking().Where(p => p.EventId == existing).OrderBy(p => p.Name).ToListAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var outcome = await editor.SaveEventAsync(id, Event, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            return Page();
        }

        return Redirect("/verwaltung/schutzorte?gespeichert=" + outcome.Value.ToString(CultureInfo.InvariantCulture));
    }
}
