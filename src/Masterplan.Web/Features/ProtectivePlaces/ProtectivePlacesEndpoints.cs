using System.Globalization;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>Open data of the public places: GeoJSON (also the map's source), CSV, and an iCalendar feed of the events with help points.</summary>
internal static class ProtectivePlacesEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/schutzorte").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/orte.geojson", async (PlaceFinder finder, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var query = await ParseAsync(http, db, ct);
            if (query is null)
            {
                return BadRequest(http);
            }

            var t = OutcomeAdapters.Localizer(http);
            int? limit = int.TryParse(http.Request.Query["max"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : null;
            var places = await finder.FindAsync(query, ct, limit);

            var collection = new
            {
                type = "FeatureCollection",
                features = places.Select(l => new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { l.Place.Longitude, l.Place.Latitude } },
                    properties = new
                    {
                        id = l.Place.Id,
                        title = $"{l.Place.Name} – {t[ProtectivePlacesModule.KindLabel(l.Place.Kind)]}",
                        name = l.Place.Name,
                        kind = l.Place.Kind,
                        address = l.Place.Address,
                        phone = l.Place.Phone,
                        open = l.Status.Open,
                        url = "/schutzorte/" + l.Place.Id.ToString(CultureInfo.InvariantCulture),
                    },
                }),
            };
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Text(JsonSerializer.Serialize(collection), "application/geo+json; charset=utf-8");
        });
        group.MapGet("/orte.csv", async (PlaceFinder finder, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var query = await ParseAsync(http, db, ct);
            if (query is null)
            {
                return BadRequest(http);
            }

            var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
            var places = (await finder.FindAsync(query, ct)).OrderBy(l => l.Place.Id);
            var inv = CultureInfo.InvariantCulture;
            IEnumerable<IEnumerable<string?>> rows =
            [
                ["id", "name", "art", "adresse", "stadtbezirk", "breite", "laenge", "telefon", "hilfe", "stufenlos", "barrierefreies_wc", "ruhiger_raum", "sprachen", "veranstaltung", "jetzt_geoeffnet"],
                .. places.Select(l => new[]
                {
                    l.Place.Id.ToString(inv), l.Place.Name, l.Place.Kind, l.Place.Address, l.Place.DistrictId is { } d ? districts.GetValueOrDefault(d) : null,
                    l.Place.Latitude.ToString("0.000000", inv), l.Place.Longitude.ToString("0.000000", inv), l.Place.Phone, l.Place.Help,
                    Bool(l.Place.StepFree), Bool(l.Place.AccessibleToilet), Bool(l.Place.QuietRoom), l.Place.Languages, l.EventName, Bool(l.Status.Open),
                }),
            ];
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.File(CsvTable.Write(rows), "text/csv; charset=utf-8", "schutzorte.csv");
        });
        group.MapGet("/veranstaltungen.ics", async (AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            // Events that have not ended, with their public help points (names and addresses only).
            var events = await db.PlaceEvents.AsNoTracking().Where(e => e.Ends > now.AddDays(-30)).OrderBy(e => e.Starts).ToListAsync(ct);
            var ids = events.Select(e => e.Id).ToList();
            var points = (await db.ProtectivePlaces.AsNoTracking().Where(p => p.IsPublic && p.EventId != null && ids.Contains(p.EventId.Value))
                .Select(p => new { p.EventId, p.Name, p.Address }).ToListAsync(ct)).ToLookup(p => p.EventId!.Value);
            var entries = events.Where(e => points[e.Id].Any()).Select(e => new CalendarEntry(
                $"schutzorte-veranstaltung-{e.Id}@masterplan.dortmund.de", e.Sequence, $"Anlaufstellen: {e.Name}",
                string.Join("; ", points[e.Id].Select(p => p.Address is null ? p.Name : $"{p.Name}, {p.Address}")),
                "Anlaufstellen und Schutzräume während der Veranstaltung: " + string.Join("; ", points[e.Id].Select(p => p.Name)) + ". Im Notfall: Polizei 110, Feuerwehr und Rettungsdienst 112.",
                e.Starts, e.Ends));
            return Results.Text(CalendarWriter.Publish("Schutzorte bei Großveranstaltungen – Dortmund", entries, now), CalendarWriter.MediaType + "; charset=utf-8");
        });
    }

    private static string Bool(bool value) => value ? "ja" : "nein";

    private static IResult BadRequest(HttpContext http)
    {
        var t = OutcomeAdapters.Localizer(http);
        return Results.Problem(t["Unbekannte Art, unbekannter Stadtbezirk oder ein Punkt außerhalb Dortmunds. Erlaubt sind art={0}, bezirk mit der Nummer eines Stadtbezirks und nah=Breite,Länge.", string.Join(", ", ProtectivePlacesModule.Kinds)],
            statusCode: StatusCodes.Status400BadRequest, title: t["Ungültige Anfrage"]);
    }

    /// <summary>The filters art and bezirk; null when one is unknown.</summary>
    internal static async Task<PlaceQuery?> ParseAsync(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var kind = http.Request.Query["art"].ToString();
        var district = http.Request.Query["bezirk"].ToString();
        int? districtId = null;
        if (kind.Length > 0 && !ProtectivePlacesModule.Kinds.Contains(kind))
        {
            return null;
        }

        if (district.Length > 0)
        {
            if (!int.TryParse(district, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !await db.Districts.AnyAsync(d => d.Id == id, ct))
            {
                return null;
            }

            districtId = id;
        }

        double? lat = null, lon = null;
        var near = http.Request.Query["nah"].ToString();
        if (near.Length > 0)
        {
            var parts = near.Split(',');
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) || !Geo.GeoArea.Contains(a, b))
            {
                return null;
            }

            (lat, lon) = (a, b);
        }

        return new PlaceQuery(kind.Length > 0 ? kind : null, districtId, lat, lon);
    }
}
