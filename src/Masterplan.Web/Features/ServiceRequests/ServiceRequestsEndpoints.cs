using System.Globalization;
using System.Text;
using System.Xml;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>The public photo address (re-encoded bytes of published photos only) and the Atom feed with the list's filters.</summary>
internal static class ServiceRequestsEndpoints
{
    public const int FeedSize = 50;

    /// <summary>The most points the public map gets for one viewport.</summary>
    public const int MapPoints = 500;

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/meldungen").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/{id:int}/fotos/{photoId:int}", async (int id, int photoId, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var jpeg = await db.ServiceRequestPhotos.AsNoTracking()
                .Where(p => p.Id == photoId && p.ServiceRequestId == id && p.Moderation == ServiceRequestsModule.PhotoPublished
                    && db.Set<ServiceRequest>().Any(r => r.Id == id && r.IsPublic))
                .Select(p => p.Jpeg).FirstOrDefaultAsync(ct);
            if (jpeg is null)
            {
                return Results.NotFound();
            }

            // Short: a photo taken down again must not stay in caches for long.
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(jpeg, "image/jpeg");
        });
        // The public map: the list's filters, through the spatial index for the box (default: all of Dortmund), newest first,
        // at most MapPoints; public fields only.
        group.MapGet("/karte.geojson", async (AppDbContext db, ServiceRequestMap map, HttpContext http, CancellationToken ct) =>
        {
            var filter = await ServiceRequestFilter.ParseAsync(http.Request.Query, db, ct);
            var t = OutcomeAdapters.Localizer(http);
            var box = Box(http.Request.Query["bbox"].ToString());
            if (filter.Kind != OutcomeKind.Done || box is null)
            {
                var messages = filter.Errors.Select(e => e.Localize(t)).ToList();
                if (box is null)
                {
                    messages.Add(t["bbox muss vier Zahlen sein: Süd, West, Nord, Ost (z. B. 51.41,7.30,51.60,7.64)."]);
                }

                return Results.Problem(string.Join(" ", messages), statusCode: StatusCodes.Status400BadRequest, title: t["Ungültige Anfrage"]);
            }

            var points = await map.InBoxAsync(box, filter.Value!, MapPoints, ct);
            var names = await db.ServiceCategories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            var collection = new
            {
                type = "FeatureCollection",
                features = points.Select(p => new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { p.Longitude, p.Latitude } },
                    properties = new
                    {
                        id = p.Id,
                        title = $"{t["Nr. {0}", p.Id]}: {names.GetValueOrDefault(p.CategoryId)} – {t[ServiceRequestsModule.StatusLabel(p.Status)]}",
                        status = p.Status,
                    },
                }),
            };
            return Results.Text(System.Text.Json.JsonSerializer.Serialize(collection), "application/geo+json; charset=utf-8");
        });
        group.MapGet("/feed.atom", async (AppDbContext db, HttpContext http, IOptions<MailOptions> mail, CancellationToken ct) =>
        {
            var filter = await ServiceRequestFilter.ParseAsync(http.Request.Query, db, ct);
            if (filter.Kind != OutcomeKind.Done)
            {
                var t = OutcomeAdapters.Localizer(http);
                return Results.Text(string.Join("\n", filter.Errors.Select(e => e.Localize(t))), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var rows = await PublicServiceRequests.Query(db, filter.Value).Take(FeedSize).ToListAsync(ct);
            return Results.Text(Atom(rows, filter.Value!, mail.Value, OutcomeAdapters.Localizer(http)), "application/atom+xml; charset=utf-8");
        });
    }

    /// <summary>"south,west,north,east" in degrees (decimal points), or the city's extent when empty; null when malformed.</summary>
    private static BoundingBox? Box(string text)
    {
        if (text.Length == 0)
        {
            return new BoundingBox(Geo.GeoArea.MinLatitude, Geo.GeoArea.MinLongitude, Geo.GeoArea.MaxLatitude, Geo.GeoArea.MaxLongitude);
        }

        var parts = text.Split(',');
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (values.Count != 4 || values.Any(v => v is null) || values[0] > values[2] || values[1] > values[3])
        {
            return null;
        }

        return new BoundingBox(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value);
    }

    /// <summary>An Atom 1.0 feed (RFC 4287) of the reports: public fields only.</summary>
    private static string Atom(List<PublicServiceRequest> rows, ServiceRequestFilter filter, MailOptions links, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        var query = filter.ToQuery();
        var self = links.Link("/meldungen/feed.atom" + (query.Length > 0 ? "?" + query : ""));
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", t["Meldungen – Masterplan Kommunale Sicherheit Dortmund"]);
            w.WriteElementString("id", self);
            w.WriteElementString("updated", Stamp(rows.Count > 0 ? rows.Max(r => r.Modified) : DateTimeOffset.UnixEpoch));
            Link(w, "self", self, "application/atom+xml");
            Link(w, "alternate", links.Link("/meldungen" + (query.Length > 0 ? "?" + query : "")), "text/html");
            w.WriteStartElement("author");
            w.WriteElementString("name", "Stadt Dortmund");
            w.WriteEndElement();
            foreach (var r in rows)
            {
                var page = links.Link("/meldungen/" + r.Id.ToString(CultureInfo.InvariantCulture));
                w.WriteStartElement("entry");
                w.WriteElementString("title", $"{t["Nr. {0}", r.Id]}: {r.CategoryName} ({r.DistrictName}) – {t[ServiceRequestsModule.StatusLabel(r.Status)]}");
                w.WriteElementString("id", page);
                w.WriteElementString("published", Stamp(r.Created));
                w.WriteElementString("updated", Stamp(r.Modified));
                Link(w, "alternate", page, "text/html");
                w.WriteStartElement("category");
                w.WriteAttributeString("term", r.CategoryCode);
                w.WriteAttributeString("label", r.CategoryName);
                w.WriteEndElement();
                w.WriteStartElement("content");
                w.WriteAttributeString("type", "text");
                w.WriteString(r.Description + (r.StatusNote is { } note ? "\n\n" + note : ""));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
