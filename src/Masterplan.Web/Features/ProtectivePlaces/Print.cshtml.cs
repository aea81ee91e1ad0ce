using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>A printable list of the public places, by district (all or one), with their weekly hours; no map, no script.</summary>
public sealed class PrintModel(AppDbContext db, PlaceFinder finder) : PageModel
{
    public IReadOnlyList<(string District, IReadOnlyList<ListedPlace> Places)> Groups { get; private set; } = [];

    public ILookup<int, OpeningRule> Rules { get; private set; } = Array.Empty<OpeningRule>().ToLookup(r => r.PlaceId);

    public async Task OnGetAsync(string? bezirk, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        int? only = int.TryParse(bezirk, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && districts.Any(d => d.Id == id) ? id : null;
        var places = await finder.FindAsync(new PlaceQuery(DistrictId: only), ct);
        var ids = places.Select(p => p.Place.Id).ToList();
        Rules = (await db.OpeningRules.AsNoTracking().Where(r => ids.Contains(r.PlaceId)).ToListAsync(ct)).OrderBy(r => ((int)r.Day + 6) % 7).ToLookup(r => r.PlaceId);
        Groups = [.. districts.Where(d => only is null || d.Id == only).Select(d => (d.Name, (IReadOnlyList<ListedPlace>)[.. places.Where(p => p.Place.DistrictId == d.Id).OrderBy(p => p.Place.Name)]))
            .Where(g => g.Item2.Count > 0)];
    }
}
