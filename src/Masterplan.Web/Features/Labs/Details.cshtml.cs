using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>The public page of a lab: district, quarter, state, concept, results and what became of each recommendation.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public NeighbourhoodLab Lab { get; private set; } = null!;

    public IReadOnlyList<LabRecommendation> Recommendations { get; private set; } = [];

    public IReadOnlyList<LabPlace> Places { get; private set; } = [];

    public IReadOnlyDictionary<int, string> FieldTitles { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> MeasureTitles { get; private set; } = new Dictionary<int, string>();

    public bool HasDraw { get; private set; }

    /// <summary>The input calls of this lab: where its concept's digital input happens (004 §5).</summary>
    public IReadOnlyList<(int Id, string Title)> InputCalls { get; private set; } = [];

    /// <summary>The lab's places as a GeoJSON FeatureCollection for the map (<c>?handler=Places</c>); the page lists the same places.</summary>
    public async Task<IActionResult> OnGetPlacesAsync(int id, CancellationToken ct)
    {
        if (!await db.Labs.AnyAsync(l => l.Id == id, ct))
        {
            return NotFound();
        }

        var places = await db.LabPlaces.AsNoTracking().Where(p => p.LabId == id).OrderBy(p => p.Category).ThenBy(p => p.Id).ToListAsync(ct);
        var collection = new
        {
            type = "FeatureCollection",
            features = places.Select(p => new
            {
                type = "Feature",
                geometry = new { type = "Point", coordinates = new[] { p.Longitude, p.Latitude } },
                properties = new { title = $"{HttpContext.Localize(LabsModule.PlaceLabel(p.Category))}: {p.Comment}", category = p.Category.ToString() },
            }),
        };
        return Content(System.Text.Json.JsonSerializer.Serialize(collection), "application/geo+json; charset=utf-8");
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lab is null)
        {
            return NotFound();
        }

        Lab = lab;
        Recommendations = await db.LabRecommendations.AsNoTracking().Where(r => r.LabId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Places = await db.LabPlaces.AsNoTracking().Where(p => p.LabId == id).OrderBy(p => p.Category).ThenBy(p => p.Id).ToListAsync(ct);
        var fieldIds = Recommendations.SelectMany(r => new[] { r.FieldOfActionId, r.NewFieldOfActionId }).OfType<int>().ToList();
        FieldTitles = await db.FieldsOfAction.AsNoTracking().Where(f => fieldIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Title, ct);
        var measureIds = Recommendations.Select(r => r.MeasureId).OfType<int>().ToList();
        MeasureTitles = await db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        HasDraw = await db.InviteeDraws.AnyAsync(d => d.LabId == id, ct);
        InputCalls = (await db.InputCalls.AsNoTracking().Where(c => c.BelongsToKind == ParticipationModule.BelongsToLab && c.BelongsToId == id)
            .OrderBy(c => c.OpensAt).Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();
        return Page();
    }
}
