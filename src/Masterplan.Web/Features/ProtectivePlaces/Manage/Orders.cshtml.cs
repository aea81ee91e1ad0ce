using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces.Manage;

/// <summary>Campaign material the venues ordered (002 lines 129–130); the Office marks an order as sent.</summary>
public sealed class OrdersModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Venue, string? Address, int Posters, int Stickers, int Flyers, DateTimeOffset OrderedAt, DateTimeOffset? SentAt);

    public IReadOnlyList<Row> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Orders = await db.MaterialOrders.AsNoTracking().OrderBy(o => o.SentAt != null).ThenByDescending(o => o.OrderedAt).Take(500)
            .Select(o => new Row(o.Id, db.Set<Venue>().Where(v => v.Id == o.VenueId).Select(v => v.Name).First(), db.Set<Venue>().Where(v => v.Id == o.VenueId).Select(v => v.Address).First(),
                o.Posters, o.Stickers, o.Flyers, o.OrderedAt, o.SentAt)).ToListAsync(ct);

    public async Task<IActionResult> OnPostSentAsync(int id, CancellationToken ct)
    {
        var order = await db.MaterialOrders.FirstOrDefaultAsync(o => o.Id == id && o.SentAt == null, ct);
        if (order is null)
        {
            return NotFound();
        }

        order.SentAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Redirect("/verwaltung/schutzorte/material");
    }
}
