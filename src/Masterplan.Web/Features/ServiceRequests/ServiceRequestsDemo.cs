using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>Demo reports, marked Demo: one per default category around the city centre, in several statuses, without contact data.</summary>
internal static class ServiceRequestsDemo
{
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.ServiceRequests.AnyAsync(r => r.IsDemo, ct))
        {
            return false;
        }

        var categories = await db.ServiceCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Name, ct);
        if (categories.Count == 0 || districts.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        (string Category, string District, double Lat, double Lon, string? Address, string Text, int DaysAgo, string Status, string? Note)[] samples =
        [
            ("beleuchtung", "Innenstadt-Nord", 51.52240, 7.46410, "Nordmarkt, Westseite", "Zwei Laternen am Nordmarkt sind seit Tagen aus; abends ist der Weg zur Haltestelle ganz dunkel. (Demo)", 12, ServiceRequestsModule.InProgress, "Der Auftrag ist an die Wartungsfirma gegangen. (Demo)"),
            ("aufzug-rolltreppe", "Innenstadt-West", 51.51780, 7.45920, "Hauptbahnhof, Nordausgang", "Der Aufzug zum Bahnsteig steht still; mit Kinderwagen kommt man nicht hoch. (Demo)", 2, ServiceRequestsModule.Acknowledged, "Die Störung ist weitergegeben. (Demo)"),
            ("verschmutzung-muell", "Eving", 51.54630, 7.48070, null, "Am Spielplatz liegen Scherben und Müllsäcke. (Demo)", 20, ServiceRequestsModule.Fixed, "Der Platz ist gereinigt. Danke für den Hinweis. (Demo)"),
            ("vandalismus-graffiti", "Hörde", 51.48880, 7.50040, "Phoenix-See, Unterführung Ost", "Beschmierte Wände in der Unterführung. (Demo)", 5, ServiceRequestsModule.Open, null),
            ("angstraum", "Innenstadt-Ost", 51.51120, 7.47790, "Fußweg hinter dem Park", "Der Weg ist zugewachsen und abends unübersichtlich; ich gehe dort nicht mehr allein. (Demo)", 30, ServiceRequestsModule.InProgress, "Der Grünschnitt ist beauftragt; die Beleuchtung wird geprüft. (Demo)"),
        ];
        foreach (var s in samples)
        {
            if (!categories.TryGetValue(s.Category, out var category) || !districts.TryGetValue(s.District, out var district))
            {
                continue;
            }

            var created = now.AddDays(-s.DaysAgo).AddMinutes(-37);
            var request = new ServiceRequest
            {
                ReceiptHash = HashedCodes.Create().Hash, CategoryId = category.Id, Description = s.Text, Latitude = s.Lat, Longitude = s.Lon, Address = s.Address,
                DistrictId = district.Id, Status = s.Status, ClosedAt = ServiceRequestsModule.IsFinal(s.Status) ? created.AddDays(3) : null, IsDemo = true,
                Created = created, Modified = s.Note is null ? created : created.AddDays(1),
            };
            db.ServiceRequests.Add(request);
            await db.SaveChangesAsync(ct);
            if (s.Note is not null)
            {
                db.ServiceRequestUpdates.Add(new ServiceRequestUpdate
                {
                    ServiceRequestId = request.Id, Status = s.Status, Note = s.Note, At = created.AddDays(1), ByName = "Demo",
                });
                await db.SaveChangesAsync(ct);
            }
        }

        return true;
    }
}
