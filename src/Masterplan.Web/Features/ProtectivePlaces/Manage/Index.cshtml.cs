using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces.Manage;

/// <summary>The Office's overview: places, events, venues waiting for approval, open material orders.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Kind, string? Address, bool IsPublic, bool IsDemo, int Rules, string? EventName);

    public IReadOnlyList<Row> Places { get; private set; } = [];

    public IReadOnlyList<PlaceEvent> Events { get; private set; } = [];

    public int PendingVenues { get; private set; }

    public int OpenOrders { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Places = await db.ProtectivePlaces.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Kind, p.Address, p.IsPublic, p.IsDemo, p.Rules.Count, db.Set<PlaceEvent>().Where(e => e.Id == p.EventId).Select(e => e.Name).FirstOrDefault()))
            .ToListAsync(ct);
        Events = await db.PlaceEvents.AsNoTracking().OrderByDescending(e => e.Starts).ToListAsync(ct);
        PendingVenues = await db.Venues.CountAsync(v => v.Status == ProtectivePlacesModule.Pending, ct);
        OpenOrders = await db.MaterialOrders.CountAsync(o => o.SentAt == null, ct);
    }
}
