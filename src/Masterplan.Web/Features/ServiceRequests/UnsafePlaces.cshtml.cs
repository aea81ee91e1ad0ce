using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// Unsafe places per Stadtbezirk, for residents, the labs and the Lenkungskreis: the public reports of the categories linked
/// to the field of action "Gefahrenorte, Angsträume und Beleuchtung" (1.2.3) counted by status, and the places the
/// Quartierslabore mapped as unsafe; a heat map over both next to the table (the table is the way to the numbers without
/// the map). Only counts and points: no descriptions, names or addresses.
/// </summary>
public sealed class UnsafePlacesModel(AppDbContext db) : PageModel
{
    /// <summary>The catalogue's field of unsafe places (Angsträume), by its reference data key (stable when renumbered).</summary>
    public const string FieldKey = "field:1.2.3";

    /// <summary>The most reports the heat map reads (the newest); the table counts all.</summary>
    public const int MapReports = 2000;

    public sealed record Row(int DistrictId, string District, IReadOnlyDictionary<string, int> ByStatus, int Reports, int LabPlaces);

    public IReadOnlyList<string> CategoryNames { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var categories = await CategoriesAsync(ct);
        CategoryNames = [.. categories.Select(c => c.Name)];
        var ids = categories.Select(c => c.Id).ToList();

        // One grouped query over the public reports of those categories.
        var counts = await db.ServiceRequests.AsNoTracking().Where(r => r.IsPublic && ids.Contains(r.CategoryId))
            .GroupBy(r => new { r.DistrictId, r.Status }).Select(g => new { g.Key.DistrictId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var labs = (await PublicLabPlaces.Query(db, PlaceCategory.Unsafe).ToListAsync(ct)).GroupBy(p => p.District).Select(g => new { District = g.Key, Count = g.Count() }).ToList();
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        Rows = [.. districts.Select(d =>
        {
            var byStatus = ServiceRequestsModule.Statuses.ToDictionary(s => s, s => counts.Where(c => c.DistrictId == d.Id && c.Status == s).Sum(c => c.Count));
            return new Row(d.Id, d.Name, byStatus, byStatus.Values.Sum(), labs.Where(l => string.Equals(l.District, d.Name, StringComparison.OrdinalIgnoreCase)).Sum(l => l.Count));
        })];
    }

    /// <summary>The points of the heat map: the newest public reports of those categories and every unsafe place of a lab. No names, no texts.</summary>
    public async Task<IActionResult> OnGetMapAsync(CancellationToken ct)
    {
        var ids = (await CategoriesAsync(ct)).Select(c => c.Id).ToList();
        var reports = await db.ServiceRequests.AsNoTracking().Where(r => r.IsPublic && ids.Contains(r.CategoryId)).OrderByDescending(r => r.Created).ThenByDescending(r => r.Id)
            .Take(MapReports).Select(r => new { r.Id, r.Latitude, r.Longitude }).ToListAsync(ct);
        var places = await PublicLabPlaces.Query(db, PlaceCategory.Unsafe).ToListAsync(ct);
        var t = OutcomeAdapters.Localizer(HttpContext);
        var features = reports.Select(r => Feature(r.Latitude, r.Longitude, "report", t["Meldung Nr. {0}", r.Id]))
            .Concat(places.Select(p => Feature(p.Latitude, p.Longitude, "lab", t["Quartierslabor {0}: unsicherer Ort", p.LabTitle])));
        return Content(System.Text.Json.JsonSerializer.Serialize(new { type = "FeatureCollection", features }), "application/geo+json; charset=utf-8");
    }

    private static object Feature(double latitude, double longitude, string kind, string title) => new
    {
        type = "Feature",
        geometry = new { type = "Point", coordinates = new[] { longitude, latitude } },
        properties = new { kind, title },
    };

    private async Task<List<ServiceCategory>> CategoriesAsync(CancellationToken ct)
    {
        var field = await db.Set<Catalogue.FieldOfAction>().Where(f => f.SeedKey == FieldKey).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        return field is null ? [] : await db.ServiceCategories.AsNoTracking().Where(c => c.FieldOfActionId == field).OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
    }
}
