using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.OParl;

/// <summary>
/// The OParl 1.1 API against the official schemas and the rules they do not carry: every URL resolves, back links match
/// forward links, a crawl reaches every public object once and nothing else, updates and deletions reach a client that
/// asks with <c>modified_since</c>, and bad input gets the spec's error object.
/// </summary>
public class OParlTests
{
    private const string Api = "/oparl/v1";

    private sealed record Scene(
        int Organization, int Paper, int FirstConsultation, int PublicMeeting, int SecretMeeting, int LinkedItem, int SpareItem, int SecretItem,
        int ItemDocument, int MeetingDocument, int ConsentingPerson, int RefusingPerson, int ItemOfSecretMeeting, int PaperMainFile, int PaperAttachment,
        IReadOnlyList<string> Plants, byte[] Pdf);

    /// <summary>
    /// A public meeting of the body that first consults paper 26093-22, its first item treating the paper, with public and
    /// non-public items and documents, a non-public meeting, and two members: one who consented to publication and one who
    /// did not. Every non-public text and every personal detail is a unique planted string.
    /// </summary>
    private static async Task<Scene> BuildAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plants = new List<string>();
        string Plant(string place)
        {
            var text = $"Geheim{place}{Guid.NewGuid():N}";
            plants.Add(text);
            return text;
        }

        var paper = await db.Papers.Include(p => p.Consultations).SingleAsync(p => p.Reference == "26093-22");
        var first = paper.Consultations.OrderBy(c => c.Position).First();
        var start = new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero);
        Meeting NewMeeting(string title, bool isPublic) => new()
        {
            OrganizationId = first.OrganizationId, Title = title, Start = start, End = start.AddHours(2), State = MeetingState.Scheduled, IsPublic = isPublic,
            CalendarUid = $"{Guid.NewGuid()}@test", Room = "Raum 1",
        };
        var open = NewMeeting("Sitzung mit Masterplan", true);
        var secret = NewMeeting(Plant("Sitzung"), false);
        db.Meetings.AddRange(open, secret);
        await db.SaveChangesAsync();

        AgendaItem Item(Meeting m, string number, string title, bool isPublic) =>
            new() { MeetingId = m.Id, Number = number, SortKey = AgendaNumber.SortKey(number), Title = title, IsPublic = isPublic };
        var linked = Item(open, "1", "Masterplan Kommunale Sicherheit", true);
        linked.Links.Add(new AgendaLink { Kind = AgendaLinkKind.Paper, TargetId = paper.Id, Label = "26093-22" });
        var secretItem = Item(open, "2", Plant("Punkt"), false);
        secretItem.Text = Plant("Punkttext");
        var spare = Item(open, "3", "Verschiedenes", true);
        var inSecretMeeting = Item(secret, "1", Plant("PunktInGeheimerSitzung"), true);
        db.AgendaItems.AddRange(linked, secretItem, spare, inSecretMeeting);
        await db.SaveChangesAsync();

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% OParl test\n%%EOF\n");
        MeetingDocument Document(Meeting m, AgendaItem? item, string title, bool isPublic) => new()
        {
            MeetingId = m.Id, AgendaItemId = item?.Id, Title = title, FileName = "anlage.pdf", MediaType = "application/pdf", Size = pdf.Length,
            Sha512 = Convert.ToHexString(SHA512.HashData(pdf)), IsPublic = isPublic, Kind = MeetingDocumentKind.Attachment,
            UploadedAt = app.Clock.GetUtcNow(), UploadedBy = Plant("Hochgeladen"), Content = new DocumentContent { Data = pdf },
        };
        var itemDocument = Document(open, linked, "Anlage zum Masterplan", true);
        var meetingDocument = Document(open, null, "Einladung", true);
        db.MeetingDocuments.AddRange(itemDocument, meetingDocument, Document(open, null, Plant("Dokument"), false),
            Document(open, secretItem, Plant("DokumentUnterGeheimemPunkt"), true), Document(secret, null, Plant("DokumentInGeheimerSitzung"), true));

        var consenting = new Person { GivenName = "Erika", FamilyName = "Mustermann", Email = Plant("Mail") + "@example.org", PublicConsent = true };
        var refusing = new Person { GivenName = Plant("Vorname"), FamilyName = Plant("Nachname"), Email = Plant("Mail2") + "@example.org", PublicConsent = false };
        db.Persons.AddRange(consenting, refusing);
        await db.SaveChangesAsync();
        db.Memberships.AddRange(
            new Membership { PersonId = consenting.Id, OrganizationId = first.OrganizationId, Role = "Mitglied", StartDate = new(2025, 1, 1) },
            new Membership { PersonId = refusing.Id, OrganizationId = first.OrganizationId, Role = "Mitglied", StartDate = new(2025, 1, 1) });

        // The paper's files: an uploaded attachment first, then the PDF generated from the paper, which is its main file.
        PaperFile PaperFile(string title, bool generated) => new()
        {
            PaperId = paper.Id, Title = title, FileName = $"{title}.pdf", MediaType = "application/pdf", Size = pdf.Length,
            Sha512 = Convert.ToHexString(SHA512.HashData(pdf)), IsGenerated = generated, AddedAt = app.Clock.GetUtcNow(), AddedBy = Plant("Hinzugefuegt"),
            Content = new PaperFileContent { Data = pdf },
        };
        var attachment = PaperFile("Anlage Stellungnahme", false);
        var main = PaperFile("Beschlussvorlage 26093-22", true);
        db.PaperFiles.AddRange(attachment, main);
        await db.SaveChangesAsync();
        return new Scene(first.OrganizationId, paper.Id, first.Id, open.Id, secret.Id, linked.Id, spare.Id, secretItem.Id, itemDocument.Id, meetingDocument.Id,
            consenting.Id, refusing.Id, inSecretMeeting.Id, main.Id, attachment.Id, plants, pdf);
    }

    private static string Url(string type, int id) => $"{OParlCrawler.Base}{Api}/{type}/{id}";

    private static List<string> Ids(IEnumerable<JsonObject> objects) => [.. objects.Select(o => (string)o["id"]!)];

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(x => (string)x!)],
        JsonValue v => [(string)v!],
        _ => [],
    };

    [Theory, Engines]
    public async Task A_crawl_validates_every_object_reaches_each_public_one_once_and_finds_nothing_else(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var scene = await BuildAsync(app);
        var client = Users.Client(app);
        var crawler = new OParlCrawler(client);

        await crawler.CrawlAsync();

        // Each public object once in its list, and exactly the public ones.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var expected = new Dictionary<string, List<string>>
            {
                ["organization"] = [.. (await db.Organizations.Select(o => o.Id).ToListAsync()).Select(id => Url("organization", id))],
                ["person"] = [.. (await db.Persons.Where(p => p.PublicConsent).Select(p => p.Id).ToListAsync()).Select(id => Url("person", id))],
                ["membership"] = [.. (await db.Memberships.Where(m => m.Person.PublicConsent).Select(m => m.Id).ToListAsync()).Select(id => Url("membership", id))],
                ["meeting"] = [.. (await db.Meetings.Where(m => m.IsPublic).Select(m => m.Id).ToListAsync()).Select(id => Url("meeting", id))],
                ["agendaItem"] = [.. (await db.AgendaItems.Where(i => i.IsPublic && i.Meeting.IsPublic).Select(i => i.Id).ToListAsync()).Select(id => Url("agendaItem", id))],
                ["file"] = [Url("file", scene.ItemDocument), Url("file", scene.MeetingDocument),
                    .. (await db.PaperFiles.Select(f => f.Id).ToListAsync()).Select(id => Url("paperFile", id))],
                ["paper"] = [.. (await db.Papers.Select(p => p.Id).ToListAsync()).Select(id => Url("paper", id))],
                ["consultation"] = [.. (await db.Consultations.Select(c => c.Id).ToListAsync()).Select(id => Url("consultation", id))],
                ["locationList"] = [.. (await db.Districts.Select(d => d.Id).ToListAsync()).Select(id => Url("location", id))],
                ["legislativeTermList"] = [Url("legislativeTerm", 1), Url("legislativeTerm", 2)],
            };
            foreach (var (list, ids) in expected)
            {
                var found = Ids(crawler.Lists[list]);
                Assert.True(found.Count == found.Distinct().Count(), $"{list} lists an object twice");
                Assert.Equal(ids.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
            }

            Assert.Contains(Url("person", scene.ConsentingPerson), Ids(crawler.Lists["person"]));
            Assert.DoesNotContain(Url("person", scene.RefusingPerson), Ids(crawler.Lists["person"]));
            Assert.Equal([Url("agendaItem", scene.LinkedItem), Url("agendaItem", scene.SpareItem)], Ids(crawler.Lists["agendaItem"]).Where(i => i.Contains(
                $"/{scene.LinkedItem}", StringComparison.Ordinal) || i.Contains($"/{scene.SpareItem}", StringComparison.Ordinal) || i.Contains($"/{scene.SecretItem}", StringComparison.Ordinal)));
        }

        // Every object by its own URL is the object the list gave; every URL anywhere in the API resolves.
        var byId = crawler.Lists.Values.SelectMany(l => l).Append(crawler.Body).ToDictionary(o => (string)o["id"]!);
        foreach (var (id, listed) in byId)
        {
            var alone = await crawler.GetAsync(id);
            Assert.True(JsonNode.DeepEquals(listed, alone), $"{id} differs between its list and its own URL");
        }

        var urls = crawler.Answers.Values.SelectMany(a => OParlCrawler.Urls(JsonNode.Parse(a))).Distinct().ToList();
        foreach (var url in urls.Where(u => !crawler.Answers.ContainsKey(OParlCrawler.PathOf(u))))
        {
            var path = OParlCrawler.PathOf(url);
            if (path.StartsWith(Api, StringComparison.Ordinal) && !path.EndsWith("/content", StringComparison.Ordinal))
            {
                await crawler.GetAsync(path);
            }
            else
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            }
        }

        // Embedded objects are the same objects as at their own URL (Location inside an organization, memberships inside persons …).
        foreach (var embedded in crawler.Answers.Values.SelectMany(a => OParlCrawler.Objects(JsonNode.Parse(a))))
        {
            var id = (string)embedded["id"]!;
            Assert.True(byId.TryGetValue(id, out var own) || id.EndsWith("/oparl/v1/", StringComparison.Ordinal), $"{id} is embedded but in no list");
            Assert.True(own is null || JsonNode.DeepEquals(own, embedded), $"{id} differs where it is embedded");
        }

        // Back links match forward links.
        var lists = crawler.Lists;
        var bodyId = (string)crawler.Body["id"]!;
        foreach (var list in new[] { "organization", "person", "paper" })
        {
            Assert.All(lists[list], o => Assert.Equal(bodyId, (string)o["body"]!));
        }

        Assert.All(lists["legislativeTermList"], t => Assert.Equal(bodyId, (string)t["body"]!));
        var memberships = lists["membership"].ToDictionary(m => (string)m["id"]!);
        foreach (var organization in lists["organization"])
        {
            var id = (string)organization["id"]!;
            Assert.Equal(memberships.Values.Where(m => (string)m["organization"]! == id).Select(m => (string)m["id"]!).Order(StringComparer.Ordinal),
                Strings(organization["membership"]).Order(StringComparer.Ordinal));
            Assert.Equal(lists["meeting"].Where(m => Strings(m["organization"]).Contains(id)).Select(m => (string)m["id"]!),
                Ids(crawler.SubLists[(string)organization["meeting"]!]));
            Assert.Equal(lists["consultation"].Where(c => Strings(c["organization"]).Contains(id)).Select(c => (string)c["id"]!),
                Ids(crawler.SubLists[(string)organization["consultation"]!]));
            if (organization["location"] is JsonObject location)
            {
                Assert.Contains(id, Strings(location["organizations"]));
            }
        }

        foreach (var location in lists["locationList"])
        {
            foreach (var organization in Strings(location["organizations"]))
            {
                Assert.Equal((string)location["id"]!, (string?)byId[organization]["location"]?["id"]);
            }
        }

        foreach (var person in lists["person"])
        {
            var embedded = ((JsonArray?)person["membership"])?.Select(m => (string)m!["id"]!).ToList() ?? [];
            Assert.Equal(memberships.Values.Where(m => (string)m["person"]! == (string)person["id"]!).Select(m => (string)m["id"]!).Order(StringComparer.Ordinal),
                embedded.Order(StringComparer.Ordinal));
        }

        var items = lists["agendaItem"].ToDictionary(i => (string)i["id"]!);
        var files = lists["file"].ToDictionary(f => (string)f["id"]!);
        foreach (var meeting in lists["meeting"])
        {
            var id = (string)meeting["id"]!;
            Assert.Equal(items.Values.Where(i => (string)i["meeting"]! == id).Select(i => (string)i["id"]!).Order(StringComparer.Ordinal),
                (((JsonArray?)meeting["agendaItem"])?.Select(i => (string)i!["id"]!) ?? []).Order(StringComparer.Ordinal));
            Assert.Equal(files.Values.Where(f => Strings(f["meeting"]).Contains(id) && f["agendaItem"] is null).Select(f => (string)f["id"]!).Order(StringComparer.Ordinal),
                (((JsonArray?)meeting["auxiliaryFile"])?.Select(f => (string)f!["id"]!) ?? []).Order(StringComparer.Ordinal));
        }

        foreach (var item in items.Values)
        {
            Assert.Equal(files.Values.Where(f => Strings(f["agendaItem"]).Contains((string)item["id"]!)).Select(f => (string)f["id"]!).Order(StringComparer.Ordinal),
                (((JsonArray?)item["auxiliaryFile"])?.Select(f => (string)f!["id"]!) ?? []).Order(StringComparer.Ordinal));
            if (item["consultation"] is JsonValue consultation)
            {
                var c = byId[(string)consultation!];
                Assert.Equal((string)item["id"]!, (string?)c["agendaItem"]);
                Assert.Equal((string)item["meeting"]!, (string?)c["meeting"]);
            }
        }

        var papers = lists["paper"].ToDictionary(p => (string)p["id"]!);
        foreach (var consultation in lists["consultation"])
        {
            var paper = papers[(string)consultation["paper"]!];
            Assert.Contains((string)consultation["id"]!, ((JsonArray)paper["consultation"]!).Select(c => (string)c!["id"]!));
            if (consultation["agendaItem"] is JsonValue item)
            {
                Assert.Equal((string)consultation["id"]!, (string?)items[(string)item!]["consultation"]);
            }
        }

        foreach (var paper in papers.Values)
        {
            Assert.All(((JsonArray)paper["consultation"]!).Select(c => (string)c!["paper"]!), p => Assert.Equal((string)paper["id"]!, p));
            var paperFiles = (paper["mainFile"] is JsonObject m ? [(string)m["id"]!] : new List<string>())
                .Concat(((JsonArray?)paper["auxiliaryFile"])?.Select(f => (string)f!["id"]!) ?? []).ToList();
            Assert.Equal(files.Values.Where(f => Strings(f["paper"]).Contains((string)paper["id"]!)).Select(f => (string)f["id"]!).Order(StringComparer.Ordinal),
                paperFiles.Order(StringComparer.Ordinal));
            foreach (var related in Strings(paper["relatedPaper"]))
            {
                Assert.Contains((string)paper["id"]!, Strings(papers[related]["relatedPaper"]));
            }
        }

        // The paper's files: the generated PDF is its main file, the upload an auxiliary one, each with its checksum and back link.
        var withFiles = papers[Url("paper", scene.Paper)];
        Assert.Equal(Url("paperFile", scene.PaperMainFile), (string?)withFiles["mainFile"]?["id"]);
        Assert.Equal([Url("paperFile", scene.PaperAttachment)], ((JsonArray)withFiles["auxiliaryFile"]!).Select(f => (string)f!["id"]!));
        var mainFile = files[Url("paperFile", scene.PaperMainFile)];
        Assert.Equal([Url("paper", scene.Paper)], Strings(mainFile["paper"]));
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(scene.Pdf)), (string?)mainFile["sha512Checksum"]);
        Assert.Equal(scene.Pdf.Length, (int)mainFile["size"]!);
        Assert.Equal("application/pdf", (string?)mainFile["mimeType"]);

        // The paper on the agenda: its first consultation is scheduled at the linked item of the public meeting.
        var first = byId[Url("consultation", scene.FirstConsultation)];
        Assert.Equal(Url("agendaItem", scene.LinkedItem), (string?)first["agendaItem"]);
        Assert.Equal(Url("meeting", scene.PublicMeeting), (string?)first["meeting"]);
        Assert.Single(lists["consultation"], c => c["agendaItem"] is not null);

        // Nothing non-public and no personal data anywhere in the API.
        var leaks = (from a in crawler.Answers from p in scene.Plants where a.Value.Contains(p, StringComparison.Ordinal) select $"{p} in {a.Key}").ToList();
        Assert.True(leaks.Count == 0, "The API shows what it must not:\n" + string.Join('\n', leaks));
        Assert.DoesNotContain(crawler.Answers.Values, a => a.Contains("\"email\"", StringComparison.Ordinal) || a.Contains("@example.org", StringComparison.Ordinal));
        Assert.Equal((int)HttpStatusCode.NotFound, (int)(await client.GetAsync($"{Api}/meeting/{scene.SecretMeeting}")).StatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, (int)(await client.GetAsync($"{Api}/agendaItem/{scene.SecretItem}")).StatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, (int)(await client.GetAsync($"{Api}/person/{scene.RefusingPerson}")).StatusCode);
    }

    [Theory, Engines]
    public async Task Modified_since_returns_exactly_what_changed_through_the_app_and_deleted_objects_as_deleted(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var scene = await BuildAsync(app);
        var crawler = new OParlCrawler(Users.Client(app));
        await crawler.CrawlAsync();
        var latest = crawler.Answers.Values.SelectMany(a => OParlCrawler.Objects(JsonNode.Parse(a)))
            .Max(o => DateTimeOffset.Parse((string)o["modified"]!, CultureInfo.InvariantCulture)).ToUniversalTime();
        if (app.Clock.GetUtcNow() < latest.AddSeconds(2))
        {
            app.Clock.SetUtcNow(latest.AddSeconds(2));
        }

        var since = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var changedAt = app.Clock.GetUtcNow();
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "geschaeftsstelle@stadtdo.de", Roles.Office));

        // The Office renames the item that treats the paper and removes another one, on the agenda page.
        var agenda = $"/verwaltung/sitzungen/{scene.PublicMeeting}/tagesordnung";
        var renamed = await office.PostFormAsync($"{agenda}?handler=Item", new()
        {
            ["ItemId"] = scene.LinkedItem.ToString(CultureInfo.InvariantCulture), ["Number"] = "1", ["ItemTitle"] = "Masterplan, Halbjahresbericht", ["ItemIsPublic"] = "true",
        }, agenda);
        Assert.Equal(agenda, renamed.Headers.Location?.OriginalString);
        var removed = await office.PostFormAsync($"{agenda}?handler=DeleteItem", new() { ["itemId"] = scene.SpareItem.ToString(CultureInfo.InvariantCulture) }, agenda);
        Assert.Equal(agenda, removed.Headers.Location?.OriginalString);

        // Removing what never was public leaves no trace: an item of the non-public meeting, the membership of the person who did not consent.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(i => i.Id == scene.ItemOfSecretMeeting));
            db.Memberships.Remove(await db.Memberships.SingleAsync(m => m.PersonId == scene.RefusingPerson));
            await db.SaveChangesAsync();
        }

        var filter = "?modified_since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
        var update = new OParlCrawler(Users.Client(app));
        await update.CrawlAsync(filter);
        Assert.Equal([Url("agendaItem", scene.LinkedItem), Url("agendaItem", scene.SpareItem)], Ids(update.Lists["agendaItem"]));
        Assert.Equal("Masterplan, Halbjahresbericht", (string?)update.Lists["agendaItem"][0]["name"]);
        Assert.Equal([Url("meeting", scene.PublicMeeting)], Ids(update.Lists["meeting"]));
        foreach (var list in OParlCrawler.BodyLists.Except(["agendaItem", "meeting"]))
        {
            Assert.True(update.Lists[list].Count == 0, $"{list} reports changes nobody made: {string.Join(", ", Ids(update.Lists[list]))}");
        }

        // The removed item stays as deleted, with the time of the deletion and its creation kept.
        var deleted = update.Lists["agendaItem"][1];
        Assert.Equal(["id", "type", "created", "modified", "deleted"], deleted.Select(p => p.Key));
        Assert.True((bool)deleted["deleted"]!);
        Assert.Equal(changedAt.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), (string?)deleted["modified"]);
        Assert.Equal((string?)crawler.Lists["agendaItem"].Single(i => (string)i["id"]! == Url("agendaItem", scene.SpareItem))["created"], (string?)deleted["created"]);
        Assert.True(JsonNode.DeepEquals(deleted, await update.GetAsync(Url("agendaItem", scene.SpareItem))));

        Assert.Equal(HttpStatusCode.NotFound, (await Users.Client(app).GetAsync($"{Api}/agendaItem/{scene.ItemOfSecretMeeting}")).StatusCode);

        // Without modified_since a deleted object is not listed; the meeting no longer embeds it.
        var full = await crawler.ListAsync((string)crawler.Body["agendaItem"]!);
        Assert.DoesNotContain(Url("agendaItem", scene.SpareItem), Ids(full));
        var meeting = await crawler.GetAsync(Url("meeting", scene.PublicMeeting));
        Assert.Equal([Url("agendaItem", scene.LinkedItem)], ((JsonArray)meeting["agendaItem"]!).Select(i => (string)i!["id"]!));

        // modified_until before the change leaves it out again.
        var before = await crawler.ListAsync((string)crawler.Body["agendaItem"]! + filter + "&modified_until="
            + Uri.EscapeDataString(since.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)));
        Assert.Empty(before);

        // A meeting made non-public counts as deleted for clients (OParl's depublication).
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Meetings.SingleAsync(m => m.Id == scene.PublicMeeting)).IsPublic = false;
            await db.SaveChangesAsync();
        }

        var gone = await crawler.GetAsync(Url("meeting", scene.PublicMeeting));
        Assert.True((bool)gone["deleted"]!);
        Assert.Null(gone["name"]);
        Assert.Contains(Url("meeting", scene.PublicMeeting), Ids(await crawler.ListAsync((string)crawler.Body["meeting"]! + filter)));
        Assert.Contains(Url("meeting", scene.PublicMeeting), Ids(await crawler.ListAsync($"{Url("organization", scene.Organization)}/meeting{filter}")));
        Assert.DoesNotContain(Url("meeting", scene.PublicMeeting), Ids(await crawler.ListAsync((string)crawler.Body["meeting"]!)));
    }

    [Theory, Engines]
    public async Task An_object_read_again_shows_an_edit_and_a_deletion_at_once_however_it_was_read_before(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var scene = await BuildAsync(app);
        var crawler = new OParlCrawler(Users.Client(app));

        // Read as a strict client reads: the meeting list (the items embedded in their meeting), then each item by its URL, twice.
        async Task<List<JsonObject>> EmbeddedItemsAsync() =>
            [.. (await crawler.ListAsync($"{Url("organization", scene.Organization)}/meeting"))
                .Single(m => (string)m["id"]! == Url("meeting", scene.PublicMeeting))["agendaItem"]!.AsArray().Select(i => i!.AsObject())];
        var embedded = await EmbeddedItemsAsync();
        foreach (var item in embedded)
        {
            var single = await crawler.GetAsync((string)item["id"]!);
            Assert.True(JsonNode.DeepEquals(item, single), $"{item["id"]} differs from its list form");
            Assert.True(JsonNode.DeepEquals(single, await crawler.GetAsync((string)item["id"]!)));
        }

        // The Office renames one item and removes another on the agenda page.
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "geschaeftsstelle@stadtdo.de", Roles.Office));
        var agenda = $"/verwaltung/sitzungen/{scene.PublicMeeting}/tagesordnung";
        var renamed = await office.PostFormAsync($"{agenda}?handler=Item", new()
        {
            ["ItemId"] = scene.LinkedItem.ToString(CultureInfo.InvariantCulture), ["Number"] = "1", ["ItemTitle"] = "Masterplan, Halbjahresbericht", ["ItemIsPublic"] = "true",
        }, agenda);
        Assert.Equal(agenda, renamed.Headers.Location?.OriginalString);
        Assert.Equal("Masterplan, Halbjahresbericht", (string?)(await crawler.GetAsync(Url("agendaItem", scene.LinkedItem)))["name"]);
        Assert.Equal("Masterplan, Halbjahresbericht", (string?)(await EmbeddedItemsAsync()).Single(i => (string)i["id"]! == Url("agendaItem", scene.LinkedItem))["name"]);

        var removed = await office.PostFormAsync($"{agenda}?handler=DeleteItem", new() { ["itemId"] = scene.SpareItem.ToString(CultureInfo.InvariantCulture) }, agenda);
        Assert.Equal(agenda, removed.Headers.Location?.OriginalString);
        Assert.True((bool)(await crawler.GetAsync(Url("agendaItem", scene.SpareItem)))["deleted"]!);
        Assert.Equal([Url("agendaItem", scene.LinkedItem)], Ids(await EmbeddedItemsAsync()));

        // The meeting made non-public: gone at once from its URL and its lists, and so are its items.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Meetings.SingleAsync(m => m.Id == scene.PublicMeeting)).IsPublic = false;
            await db.SaveChangesAsync();
        }

        Assert.True((bool)(await crawler.GetAsync(Url("meeting", scene.PublicMeeting)))["deleted"]!);
        Assert.True((bool)(await crawler.GetAsync(Url("agendaItem", scene.LinkedItem)))["deleted"]!);
        Assert.DoesNotContain(Url("meeting", scene.PublicMeeting), Ids(await crawler.ListAsync($"{Url("organization", scene.Organization)}/meeting")));
    }

    private static string Since(DateTimeOffset since) =>
        "?modified_since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));

    private static string Stamp(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [Theory, Engines]
    public async Task What_was_public_only_through_a_meeting_or_a_person_is_deleted_with_it_and_comes_back_with_it(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var scene = await BuildAsync(app);
        var crawler = new OParlCrawler(Users.Client(app));
        var membership = (await crawler.GetAsync(Url("person", scene.ConsentingPerson)))["membership"]![0]!["id"]!.GetValue<string>();
        var itemFile = await crawler.GetAsync(Url("file", scene.ItemDocument));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var changedAt = app.Clock.GetUtcNow();

        // The meeting is made non-public: its public items and files are deleted for clients too, not silently gone.
        async Task SetAsync(Func<AppDbContext, Task> change)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await change(db);
            await db.SaveChangesAsync();
        }

        await SetAsync(async db => (await db.Meetings.SingleAsync(m => m.Id == scene.PublicMeeting)).IsPublic = false);
        var shownThrough = new[]
        {
            Url("meeting", scene.PublicMeeting), Url("agendaItem", scene.LinkedItem), Url("agendaItem", scene.SpareItem), Url("file", scene.ItemDocument),
            Url("file", scene.MeetingDocument),
        };
        foreach (var url in shownThrough)
        {
            var gone = await crawler.GetAsync(url);
            Assert.Equal(["id", "type", "created", "modified", "deleted"], gone.AsObject().Select(p => p.Key));
            Assert.Equal(Stamp(changedAt), (string?)gone["modified"]);
        }

        Assert.Equal((string?)itemFile["created"], (string?)(await crawler.GetAsync(Url("file", scene.ItemDocument)))["created"]);

        // The consultation the linked item treated no longer names it or its meeting, and says so in its time (and its paper's).
        var consultation = await crawler.GetAsync(Url("consultation", scene.FirstConsultation));
        Assert.Null(consultation["agendaItem"]);
        Assert.Null(consultation["meeting"]);
        Assert.Equal(Stamp(changedAt), (string?)consultation["modified"]);
        Assert.Equal(Stamp(changedAt), (string?)(await crawler.GetAsync(Url("paper", scene.Paper)))["modified"]);

        var update = new OParlCrawler(Users.Client(app));
        await update.CrawlAsync(Since(since));
        Assert.Contains(Url("consultation", scene.FirstConsultation), Ids(update.Lists["consultation"]));
        Assert.Contains(Url("paper", scene.Paper), Ids(update.Lists["paper"]));
        Assert.Equal([Url("agendaItem", scene.LinkedItem), Url("agendaItem", scene.SpareItem)], Ids(update.Lists["agendaItem"]));
        Assert.Equal([Url("file", scene.ItemDocument), Url("file", scene.MeetingDocument)], Ids(update.Lists["file"]));
        Assert.All(update.Lists["agendaItem"].Concat(update.Lists["file"]), o => Assert.True((bool)o["deleted"]!));

        // What never was public stays unknown, even now.
        Assert.Equal(HttpStatusCode.NotFound, (await Users.Client(app).GetAsync($"{Api}/agendaItem/{scene.SecretItem}")).StatusCode);

        // Public again: the items and files are back as they were, and their tombstones are gone.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SetAsync(async db => (await db.Meetings.SingleAsync(m => m.Id == scene.PublicMeeting)).IsPublic = true);
        Assert.Equal("Masterplan Kommunale Sicherheit", (string?)(await crawler.GetAsync(Url("agendaItem", scene.LinkedItem)))["name"]);
        Assert.Equal(Url("agendaItem", scene.LinkedItem), (string?)(await crawler.GetAsync(Url("consultation", scene.FirstConsultation)))["agendaItem"]);
        Assert.True(JsonNode.DeepEquals(itemFile, await crawler.GetAsync(Url("file", scene.ItemDocument))));
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tombstones.AnyAsync(t => t.EntityType != "Meeting" && t.Deleted >= since));
        }

        // A person who withdraws consent takes their memberships along; the organization that listed them changed.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var withdrawnAt = app.Clock.GetUtcNow();
        await SetAsync(async db => (await db.Persons.SingleAsync(p => p.Id == scene.ConsentingPerson)).PublicConsent = false);
        var deletedMembership = await crawler.GetAsync(membership);
        Assert.True((bool)deletedMembership["deleted"]!);
        Assert.Equal(Stamp(withdrawnAt), (string?)deletedMembership["modified"]);
        Assert.Equal([membership], Ids(await crawler.ListAsync($"{Api}/body/1/membership{Since(since)}")));
        var organization = await crawler.GetAsync(Url("organization", scene.Organization));
        Assert.DoesNotContain(membership, Strings(organization["membership"]));
        Assert.Equal(Stamp(withdrawnAt), (string?)organization["modified"]);

        // Consent given again: the membership is back.
        await SetAsync(async db => (await db.Persons.SingleAsync(p => p.Id == scene.ConsentingPerson)).PublicConsent = true);
        Assert.Null((await crawler.GetAsync(membership))["deleted"]);
        Assert.Contains(membership, Strings((await crawler.GetAsync(Url("organization", scene.Organization)))["membership"]));
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var scene = await BuildAsync(app);
        var client = Users.Client(app);
        foreach (var (path, status) in new[]
        {
            ($"{Api}/", HttpStatusCode.OK), ($"{Api}/body/1/meeting?limit=5", HttpStatusCode.OK), ($"{Api}/meeting/{scene.PublicMeeting}", HttpStatusCode.OK),
            ($"{Api}/paperFile/{scene.PaperMainFile}", HttpStatusCode.OK), ($"{Api}/meeting/{scene.SecretMeeting}", HttpStatusCode.NotFound),
            ($"{Api}/body/1/meeting?limit=0", HttpStatusCode.BadRequest),
        })
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(status == head.StatusCode, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(status, get.StatusCode);
            Assert.Equal("application/json; charset=utf-8", head.Content.Headers.ContentType?.ToString());
            Assert.Equal("*", head.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        }

        // A file's content: its length and type, without the bytes.
        var content = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{Api}/paperFile/{scene.PaperMainFile}/content"));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(scene.Pdf.Length, content.Content.Headers.ContentLength);
        Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await content.Content.ReadAsByteArrayAsync());
    }

    [Theory, Engines]
    public async Task Lists_page_with_limit_and_keep_their_filters_in_every_link(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var crawler = new OParlCrawler(Users.Client(app));
        var all = await crawler.ListAsync($"{Api}/body/1/organization");
        var query = "?created_since=2000-01-01T00%3A00%3A00%2B01%3A00&limit=7";
        var paged = await crawler.ListAsync($"{Api}/body/1/organization{query}");
        Assert.Equal(Ids(all), Ids(paged));
        Assert.True(all.Count > 7);
        var first = await crawler.GetAsync($"{Api}/body/1/organization{query}");
        var second = await crawler.GetAsync((string)first["links"]!["next"]!);
        foreach (var link in new[] { "first", "self", "next" })
        {
            var url = (string?)second["links"]![link];
            Assert.True(url is not null && url.Contains("created_since=2000-01-01T00%3A00%3A00%2B01%3A00", StringComparison.Ordinal) && url.Contains("limit=7", StringComparison.Ordinal),
                $"{link}: {url}");
        }

        // The next page continues after the last object of this one (keyset), in the order of ids.
        var lastId = ((string)second["data"]![6]!["id"]!).Split('/')[^1];
        Assert.Equal(OParlCrawler.Base + $"{Api}/body/1/organization{query}&after=0-{lastId}", (string?)second["links"]!["next"]);
        Assert.Equal(Ids(all).Skip(7).Take(7), Ids(second["data"]!.AsArray().Select(o => (JsonObject)o!)));
        Assert.Equal(7, (int)second["pagination"]!["elementsPerPage"]!);

        // A '+' sent unencoded arrives as a space and is still read as the offset's sign.
        Assert.Equal(all.Count, ((JsonArray)(await crawler.GetAsync($"{Api}/body/1/organization?created_since=2000-01-01T00:00:00+01:00&limit=1000"))["data"]!).Count);
        Assert.Empty(((JsonArray)(await crawler.GetAsync($"{Api}/body/1/organization?created_since=2199-01-01T00:00:00Z"))["data"]!));
    }

    [Theory]
    [InlineData("/oparl/v1/meeting/987654", 404)]
    [InlineData("/oparl/v1/nothing/1", 404)]
    [InlineData("/oparl/v1/body/1/nothing", 404)]
    [InlineData("/oparl/v1/body/987654", 404)]
    [InlineData("/oparl/v1/body/987654/meeting", 404)]
    [InlineData("/oparl/v1/organization/987654/meeting", 404)]
    [InlineData("/oparl/v1/file/987654/content", 404)]
    [InlineData("/oparl/v1/legislativeTerm/3", 404)]
    [InlineData("/oparl/v1/no/such/path", 404)]
    [InlineData("/oparl/v1/body/1/meeting?modified_since=2024-01-01", 400)]
    [InlineData("/oparl/v1/body/1/meeting?modified_since=2024-13-01T00:00:00%2B01:00", 400)]
    [InlineData("/oparl/v1/body/1/meeting?created_since=gestern", 400)]
    [InlineData("/oparl/v1/body/1/meeting?created_until=1800-01-01T00:00:00Z", 400)]
    [InlineData("/oparl/v1/body/1/meeting?modified_until=2024-01-01T00:00:00%2B01:00&modified_until=2024-01-02T00:00:00%2B01:00", 400)]
    [InlineData("/oparl/v1/body/1/meeting?limit=0", 400)]
    [InlineData("/oparl/v1/body/1/meeting?limit=1001", 400)]
    [InlineData("/oparl/v1/body/1/meeting?limit=-5", 400)]
    [InlineData("/oparl/v1/body/1/meeting?limit=zehn", 400)]
    [InlineData("/oparl/v1/body/1/meeting?page=0", 400)]
    [InlineData("/oparl/v1/body/1/meeting?page=2", 400)]
    [InlineData("/oparl/v1/body/1/meeting?after=zehn", 400)]
    [InlineData("/oparl/v1/body/1/meeting?after=0-1&after=0-2", 400)]
    [InlineData("/oparl/v1/organization/1/consultation?limit=99999999999", 400)]
    public async Task Bad_requests_get_the_error_object_of_the_spec(string url, int status)
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var error = await new OParlCrawler(Users.Client(app)).GetAsync(url, (HttpStatusCode)status);
        Assert.Equal("https://schema.oparl.org/1.1/Error", (string?)error["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["debug"]));
    }

    [Fact]
    public async Task Only_GET_is_allowed_and_the_answer_is_still_OParl()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var response = await Users.Client(app).PostAsync($"{Api}/", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("https://schema.oparl.org/1.1/Error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory, Engines]
    public async Task A_file_is_shown_at_its_access_URL_and_downloaded_at_its_download_URL_with_its_checksum(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var scene = await BuildAsync(app);
        var client = Users.Client(app);
        foreach (var (url, name) in new[] { (Url("file", scene.ItemDocument), "anlage.pdf"), (Url("paperFile", scene.PaperAttachment), "Anlage Stellungnahme.pdf") })
        {
            var file = await new OParlCrawler(client).GetAsync(url);
            Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(scene.Pdf)), (string?)file["sha512Checksum"]);
            Assert.Equal(scene.Pdf.Length, (int)file["size"]!);
            Assert.Equal("application/pdf", (string?)file["mimeType"]);

            var access = await client.GetAsync(OParlCrawler.PathOf((string)file["accessUrl"]!));
            Assert.Equal(HttpStatusCode.OK, access.StatusCode);
            Assert.Equal(scene.Pdf, await access.Content.ReadAsByteArrayAsync());
            Assert.NotEqual("attachment", access.Content.Headers.ContentDisposition?.DispositionType);

            var download = await client.GetAsync(OParlCrawler.PathOf((string)file["downloadUrl"]!));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(scene.Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }
    }
}
