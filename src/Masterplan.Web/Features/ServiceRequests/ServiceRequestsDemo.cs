using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// Demo reports, marked Demo: one per default category around the city centre, in several statuses, without contact data;
/// extra questions for unsafe places with the demo report's answers, and one district alert.
/// </summary>
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

        // The unsafe-place category asks two extra questions, as the Office would set them up; the demo report answers them.
        var angstraum = categories.GetValueOrDefault("angstraum");
        var questions = new List<ServiceCategoryQuestion>();
        if (angstraum is not null && !await db.ServiceCategoryQuestions.AnyAsync(q => q.CategoryId == angstraum.Id, ct))
        {
            questions.Add(new ServiceCategoryQuestion { CategoryId = angstraum.Id, Position = 1, Kind = ExtraQuestions.Choice, Prompt = "Wann ist es dort unsicher?", Options = "tagsüber\nabends\nnachts", Required = true });
            questions.Add(new ServiceCategoryQuestion { CategoryId = angstraum.Id, Position = 2, Kind = ExtraQuestions.YesNo, Prompt = "Ist der Ort beleuchtet?" });
            db.ServiceCategoryQuestions.AddRange(questions);
            await db.SaveChangesAsync(ct);
        }

        // A confirmed district alert (an example address), so the daily digest has someone to write to.
        if (districts.TryGetValue("Innenstadt-Nord", out var north) && !await db.ServiceRequestAlerts.AnyAsync(ct))
        {
            db.ServiceRequestAlerts.Add(new ServiceRequestAlert
            {
                Email = "nachbarschaft-nordstadt@example.org", DistrictId = north.Id, UnsubscribeToken = HashedCodes.NewLinkToken(), CreatedAt = now.AddDays(-40),
                EmailConfirmedAt = now.AddDays(-40), MailedUntil = now.AddDays(-1),
            });
        }

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
            if (s.Category == "angstraum" && questions.Count == 2)
            {
                db.ServiceRequestAnswers.AddRange(
                    new ServiceRequestAnswer { ServiceRequestId = request.Id, QuestionId = questions[0].Id, Value = "abends" },
                    new ServiceRequestAnswer { ServiceRequestId = request.Id, QuestionId = questions[1].Id, Value = ExtraQuestions.No });
                await db.SaveChangesAsync(ct);
            }

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
