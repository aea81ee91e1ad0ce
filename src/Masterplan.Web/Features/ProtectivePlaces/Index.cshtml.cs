using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>
/// "Wo bekomme ich jetzt Hilfe?": the emergency numbers first, then the places open now nearest to a typed address (or
/// "my location", or typed coordinates), then the others; filters by kind and district. A plain GET form, so it works
/// without JavaScript; an unknown or ambiguous address gives suggestions and the list without a point, never an error page.
/// The list comes first, the map beside it (below it on a phone); <c>karte=false</c> leaves the map out for slow connections.
/// </summary>
public sealed class IndexModel(AppDbContext db, PlaceFinder finder, Locations locations, TimeProvider time) : PageModel
{
    public const int Shown = 25;

    [BindProperty(SupportsGet = true)]
    public LocationInput Ort { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "art")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "bezirk")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "offen")]
    public bool OpenOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "karte")]
    public bool ShowMap { get; set; } = true;

    /// <summary>This page with the same filters, with or without the map.</summary>
    public string MapSwitchLink(bool show) => Request.Path + QueryLinks.With(Request.Query, "karte", show ? null : "false").ToUriComponent();

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public IReadOnlyList<ListedPlace> Places { get; private set; } = [];

    public int Total { get; private set; }

    public ResolvedLocation? Point { get; private set; }

    public DateTime LocalNow { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        LocalNow = CityTime.Local(time.GetUtcNow());
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        string? kind = null;
        int? districtId = null;
        if (!string.IsNullOrEmpty(Kind))
        {
            if (ProtectivePlacesModule.Kinds.Contains(Kind))
            {
                kind = Kind;
            }
            else
            {
                this.ShowError("art", "Diese Art von Ort gibt es nicht; es werden alle Arten gezeigt.");
            }
        }

        if (!string.IsNullOrEmpty(District))
        {
            if (int.TryParse(District, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && Districts.Any(d => d.Id == id))
            {
                districtId = id;
            }
            else
            {
                this.ShowError("bezirk", "Diesen Stadtbezirk gibt es nicht; es werden alle Stadtbezirke gezeigt.");
            }
        }

        if (Ort.Choice is not null || !string.IsNullOrWhiteSpace(Ort.Address) || !string.IsNullOrWhiteSpace(Ort.Latitude) || !string.IsNullOrWhiteSpace(Ort.Longitude))
        {
            var resolved = await locations.ResolveAsync(Ort, nameof(Ort), districtRequired: false, ct);
            if (!this.ShowErrors(resolved))
            {
                Point = resolved.Value;
            }
        }

        Places = await finder.FindAsync(new PlaceQuery(kind, districtId, Point?.Latitude, Point?.Longitude, OpenOnly), ct, Shown);
        Total = finder.Total;
    }

    /// <summary>The map's GeoJSON: the same filters and, with a point, the same nearest places as the list.</summary>
    public string MapLink
    {
        get
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var q = new List<string>();
            if (Kind is { Length: > 0 } k && ProtectivePlacesModule.Kinds.Contains(k))
            {
                q.Add("art=" + Uri.EscapeDataString(k));
            }

            if (District is { Length: > 0 } && Districts.Any(d => d.Id.ToString(inv) == District))
            {
                q.Add("bezirk=" + District);
            }

            if (Point is { } p)
            {
                q.Add($"nah={p.Latitude.ToString("0.######", inv)},{p.Longitude.ToString("0.######", inv)}&max={Shown}");
            }

            return "/schutzorte/orte.geojson" + (q.Count > 0 ? "?" + string.Join('&', q) : "");
        }
    }
}
