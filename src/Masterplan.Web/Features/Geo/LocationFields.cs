using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Geo;

/// <summary>What <c>_LocationFields.cshtml</c> renders.</summary>
public sealed record LocationFieldsView(
    string Prefix, LocationInput Input, string Legend, bool AskDistrict, IReadOnlyList<(int Id, string Name)> Districts, MapOptions Map);

/// <summary>
/// The location part of a form: address with suggestions, choices for an ambiguous address, "Meine Position", a map on which a
/// click or drag sets the point, latitude and longitude to type, and the district while no boundaries exist. Without JavaScript
/// only the map and the position button are missing; the server resolves the address (<see cref="Locations"/>). Use it as
/// <c>@await Component.InvokeAsync("LocationFields", new { prefix = "Place", input = Model.Place })</c>.
/// </summary>
public sealed class LocationFieldsViewComponent(AppDbContext db, DistrictBoundaries boundaries, IOptions<MapOptions> map) : ViewComponent
{
    /// <param name="prefix">The name the page binds the <see cref="LocationInput"/> to.</param>
    /// <param name="withDistrict">Ask for the district when no boundaries are imported (the form needs one).</param>
    /// <param name="legend">The German legend of the fieldset.</param>
    public async Task<IViewComponentResult> InvokeAsync(string prefix, LocationInput? input, bool withDistrict = false, string legend = "Ort")
    {
        var ct = HttpContext.RequestAborted;
        var askDistrict = withDistrict && !await boundaries.ExistAsync(db, ct);
        var districts = askDistrict
            ? (await db.Districts.AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList()
            : [];
        return View("/Features/Geo/_LocationFields.cshtml", new LocationFieldsView(prefix, input ?? new LocationInput(), legend, askDistrict, districts, map.Value));
    }
}

/// <summary>What <c>_MapView.cshtml</c> renders: a read-only map of the points of a GeoJSON URL, next to a list or table.</summary>
/// <param name="GeoJsonUrl">A local URL answering a GeoJSON FeatureCollection of Points (property <c>title</c> for the popup).</param>
/// <param name="Label">The map's accessible name; say where the same points are listed.</param>
/// <param name="ListId">The id of the list or table with the same points, linked from the map's description.</param>
/// <param name="Heat">Also draw a heat layer of the points.</param>
/// <param name="FollowViewport">Load the points again for the visible box (<c>bbox=south,west,north,east</c>) after the map is moved or zoomed.</param>
public sealed record MapView(string GeoJsonUrl, string Label, string ListId, bool Heat = false, bool FollowViewport = false);
