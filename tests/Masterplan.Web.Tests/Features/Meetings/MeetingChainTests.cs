using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Ical.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// The whole chain of a meeting (docs/domain.md#meetings): schedule → invite (mail + ICS) → agenda → attendance with a deputy → quorum →
/// vote → recommendation → minutes circulated → approved at the next meeting, frozen as PDF and DOCX.
/// </summary>
public class MeetingChainTests
{
    internal sealed record Body(int OrganizationId, int Anna, int Bernd, int Clara, int Dieter, int Eva, int BerndPerson);

    /// <summary>A working group with three voting seats, a deputy for the first and an advisory member, all with e-mail.</summary>
    internal static async Task<Body> CreateBodyAsync(AppFactory app, string name = "AG Sitzungstest")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parent = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var body = new Organization { Name = name, Kind = OrganizationKind.WorkingGroup, ParentId = parent.Id, StartDate = new DateOnly(2026, 1, 1) };
        db.Organizations.Add(body);
        Membership Seat(string given, string family, VotingRight right, Membership? deputyFor = null) => new()
        {
            Person = new Person { GivenName = given, FamilyName = family, Email = $"{given.ToLowerInvariant()}@example.org" },
            Organization = body, VotingRight = right, StartDate = new DateOnly(2026, 1, 1), DeputyFor = deputyFor,
        };
        var anna = Seat("Anna", "Arndt", VotingRight.Voting);
        var bernd = Seat("Bernd", "Brandt", VotingRight.Voting);
        var clara = Seat("Clara", "Conrad", VotingRight.Voting);
        var dieter = Seat("Dieter", "Dahl", VotingRight.Voting, anna);
        var eva = Seat("Eva", "Ebert", VotingRight.Advisory);
        db.Memberships.AddRange(anna, bernd, clara, dieter, eva);
        await db.SaveChangesAsync();
        return new Body(body.Id, anna.Id, bernd.Id, clara.Id, dieter.Id, eva.Id, bernd.PersonId);
    }

    internal static string NewMailFolder() => Path.Combine(Path.GetTempPath(), "masterplan-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>The mails written so far, after the app's outbox has sent what it holds.</summary>
    internal static async Task<List<MimeMessage>> MailsAsync(AppFactory app, string folder, int skip = 0)
    {
        await app.SendQueuedMailAsync();
        return await MailsAsync(folder, skip);
    }

    internal static async Task<List<MimeMessage>> MailsAsync(string folder, int skip = 0)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").OrderBy(f => f, StringComparer.Ordinal).Skip(skip) : [];
        var list = new List<MimeMessage>();
        foreach (var file in files)
        {
            list.Add(await MimeMessage.LoadAsync(file));
        }

        return list;
    }

    internal static Ical.Net.Calendar Ics(MimeMessage message)
    {
        var part = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
    }

    internal static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last(), CultureInfo.InvariantCulture);

    [Theory, Engines]
    public async Task The_whole_chain_from_scheduling_to_approved_minutes(DatabaseProvider engine)
    {
        var mail = NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail });
        var body = await CreateBodyAsync(app);
        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, officeUser);

        // Schedule: bad input first, nothing is created.
        var fields = new Dictionary<string, string>
        {
            ["OrganizationId"] = body.OrganizationId.ToString(CultureInfo.InvariantCulture), ["Title"] = "4. Sitzung", ["Date"] = "2026-12-01",
            ["StartTime"] = "19:00", ["EndTime"] = "17:00", ["Room"] = "Ratssaal", ["Address"] = "Friedensplatz 1, 44135 Dortmund", ["IsPublic"] = "true",
        };
        var refused = await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", fields);
        Assert.Contains("Das Ende muss nach dem Beginn liegen.", await refused.Content.ReadAsStringAsync());
        fields["StartTime"] = "17:00";
        fields["EndTime"] = "19:00";
        var created = await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var meetingId = IdFrom(created);

        // Agenda 1, 2, 2.1 (non-public 3); duplicates and orphans refused.
        var agenda = $"/verwaltung/sitzungen/{meetingId}/tagesordnung";
        foreach (var (number, title, isPublic) in new[] { ("1", "Eröffnung", true), ("2", "Empfehlungen", true), ("2.1", "Videoüberwachung am Hauptbahnhof", true), ("3", "Personalien", false) })
        {
            var saved = await office.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = number, ["ItemTitle"] = title, ["ItemIsPublic"] = isPublic ? "true" : "false" }, agenda);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("Die Nummer 2 gibt es auf dieser Tagesordnung schon.", await (await office.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = "2", ["ItemTitle"] = "Doppelt" }, agenda)).Content.ReadAsStringAsync());
        Assert.Contains("Zu 4.1 fehlt der übergeordnete Punkt 4.", await (await office.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = "4.1", ["ItemTitle"] = "Waise" }, agenda)).Content.ReadAsStringAsync());

        // Documents: the type comes from the content.
        var pdfBytes = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
        var pngBytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var lying = await office.PostFileAsync($"{agenda}?handler=Upload", agenda, new() { ["documentTitle"] = "Lageplan" }, "file", "lageplan.pdf", pngBytes);
        Assert.Contains("ist laut Inhalt ein PNG-Bild, ihre Endung „.pdf“ passt nicht dazu", await lying.Content.ReadAsStringAsync());
        var uploaded = await office.PostFileAsync($"{agenda}?handler=Upload", agenda, new() { ["documentTitle"] = "Sachstandsbericht", ["documentIsPublic"] = "true" }, "file", "bericht.pdf", pdfBytes);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        // Invite: one mail per member and deputy, with an iCalendar REQUEST.
        var invited = await office.PostFormAsync($"/verwaltung/sitzungen/bearbeiten/{meetingId}?handler=Invite", [], $"/verwaltung/sitzungen/bearbeiten/{meetingId}");
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var invitations = await MailsAsync(mail);
        Assert.Equal(5, invitations.Count);
        var toDieter = invitations.Single(m => m.To.Mailboxes.Single().Address == "dieter@example.org");
        Assert.Contains("als Vertretung für Anna Arndt", toDieter.TextBody);
        var request = Ics(toDieter);
        Assert.Equal("REQUEST", request.Method);
        var uid = request.Events.Single().Uid;
        Assert.Equal(0, request.Events.Single().Sequence);
        Assert.Equal(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), request.Events.Single().DtStart!.AsUtc);

        // An update moves the meeting: same UID, higher SEQUENCE.
        fields["StartTime"] = "17:30";
        fields["SendUpdate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/verwaltung/sitzungen/bearbeiten/{meetingId}", fields)).StatusCode);
        var update = Ics((await MailsAsync(mail, 5)).First());
        Assert.Equal(uid, update.Events.Single().Uid);
        Assert.Equal(1, update.Events.Single().Sequence);
        Assert.Equal(new DateTime(2026, 12, 1, 16, 30, 0, DateTimeKind.Utc), update.Events.Single().DtStart!.AsUtc);

        // The meeting day: attendance with a deputy, quorum.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 16, 45, 0, TimeSpan.Zero));
        office = await Users.SignInAsync(app, officeUser);
        var conduct = $"/verwaltung/sitzungen/{meetingId}/ablauf";
        var both = await office.PostFormAsync($"{conduct}?handler=Attendance", new() { ["present"] = body.Anna.ToString(CultureInfo.InvariantCulture), ["deputies"] = body.Dieter.ToString(CultureInfo.InvariantCulture) }, conduct);
        Assert.Contains("Anna Arndt ist selbst anwesend; Dieter Dahl kann nicht zugleich als Vertretung gezählt werden.", await both.Content.ReadAsStringAsync());
        var attendance = new FormUrlEncodedContent(
        [
            new("present", body.Bernd.ToString(CultureInfo.InvariantCulture)), new("present", body.Eva.ToString(CultureInfo.InvariantCulture)),
            new("deputies", body.Dieter.ToString(CultureInfo.InvariantCulture)), new("__RequestVerificationToken", await office.AntiforgeryTokenAsync(conduct)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"{conduct}?handler=Attendance", attendance)).StatusCode);
        var quorum = (await office.GetPageAsync(conduct)).QuerySelector("section.quorum")!.Text();
        Assert.Contains("Beschlussfähig", quorum);
        Assert.Contains("2 von 3 stimmberechtigten Sitzen besetzt, nötig sind 2", quorum);

        // Vote on 2.1: more votes than voting members present are refused.
        var item21 = await ItemIdAsync(app, meetingId, "2.1");
        var tooMany = await office.PostFormAsync($"{conduct}?handler=Vote", new() { ["VoteItemId"] = item21, ["Subject"] = "Empfehlung Videoüberwachung", ["Yes"] = "3", ["No"] = "0", ["Abstain"] = "0" }, conduct);
        Assert.Contains("Eingetragen sind 3 Stimmen, anwesend sind aber nur 2 Stimmberechtigte", await tooMany.Content.ReadAsStringAsync());
        var voted = await office.PostFormAsync($"{conduct}?handler=Vote", new()
        {
            ["VoteItemId"] = item21, ["Subject"] = "Empfehlung Videoüberwachung", ["Yes"] = "2", ["No"] = "0", ["Abstain"] = "0",
            ["Resolution"] = "Die AG empfiehlt dem Rat, die Videoüberwachung am Hauptbahnhof zu verlängern.",
        }, conduct);
        Assert.True(voted.StatusCode == HttpStatusCode.Redirect, await Errors(voted));

        // Recommendation to the council, linked to a field of action; it is open and can be followed up.
        int fieldId;
        await using (var scope = app.Scope())
        {
            fieldId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldsOfAction.Where(f => f.Title == "Videoüberwachung im öffentlichen Raum").Select(f => f.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{conduct}?handler=Recommendation", new()
        {
            ["RecommendationItemId"] = item21, ["RecommendationTitle"] = "Videoüberwachung Hauptbahnhof verlängern",
            ["RecommendationText"] = "Der Rat möge die Videoüberwachung am Hauptbahnhof um zwei Jahre verlängern.", ["AddresseeKind"] = "Council",
            ["FieldIds"] = fieldId.ToString(CultureInfo.InvariantCulture),
        }, conduct)).StatusCode);
        // 003: the Sonderstab reports straight to the Oberbürgermeister.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{conduct}?handler=Recommendation", new()
        {
            ["RecommendationItemId"] = item21, ["RecommendationTitle"] = "Lagebild an den Oberbürgermeister",
            ["RecommendationText"] = "Das Lagebild zur Videoüberwachung geht monatlich an den Oberbürgermeister.", ["AddresseeKind"] = "LordMayor",
            ["FieldIds"] = fieldId.ToString(CultureInfo.InvariantCulture),
        }, conduct)).StatusCode);
        var open = (await Users.Client(app).GetPageAsync("/empfehlungen")).Body!.Text();
        Assert.Contains("Videoüberwachung Hauptbahnhof verlängern", open);
        Assert.Contains("Rat der Stadt", open);
        Assert.Contains("Oberbürgermeister", open);

        // Minutes: a draft, circulated with a deadline; a member comments.
        var minutes = $"/verwaltung/sitzungen/{meetingId}/niederschrift";
        var item1 = await ItemIdAsync(app, meetingId, "1");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Save", new()
        {
            ["introduction"] = "Die Vorsitzende eröffnet die Sitzung um 17:30 Uhr.", [$"notes[{item1}]"] = "Die Tagesordnung wird ohne Änderungen genehmigt.",
            [$"notes[{item21}]"] = "Die AG berät über die Auswertung der Videoüberwachung.",
        }, minutes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Circulate", new() { ["deadline"] = "2026-12-10" }, minutes)).StatusCode);
        Assert.Contains(await MailsAsync(mail), m => m.Subject != null && m.Subject.StartsWith("Niederschrift zur Durchsicht", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "bernd@example.org");

        var bernd = await Users.SignInAsync(app, await Users.CreateAsync(app, "bernd.brandt@stadtdo.de", body.BerndPerson));
        var draft = await bernd.GetPageAsync($"/sitzungen/{meetingId}");
        Assert.Contains("Die AG berät über die Auswertung der Videoüberwachung.", draft.Body!.Text());
        Assert.Contains("Personalien", draft.Body!.Text()); // a member sees the non-public item
        Assert.Equal(HttpStatusCode.Redirect, (await bernd.PostFormAsync($"/sitzungen/{meetingId}?handler=Comment", new() { ["text"] = "Bitte meinen Redebeitrag zu TOP 2.1 ergänzen." })).StatusCode);
        Assert.Contains("Bitte meinen Redebeitrag zu TOP 2.1 ergänzen.", (await office.GetPageAsync(minutes)).Body!.Text());

        // The next meeting approves the minutes under its TOP 1; they are frozen as PDF and DOCX.
        fields["Date"] = "2026-12-15";
        fields["Title"] = "5. Sitzung";
        var next = IdFrom(await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", fields));
        var nextAgenda = $"/verwaltung/sitzungen/{next}/tagesordnung";
        await office.PostFormAsync($"{nextAgenda}?handler=Item", new() { ["Number"] = "1", ["ItemTitle"] = "Genehmigung der Niederschrift vom 01.12.2026", ["ItemIsPublic"] = "true" }, nextAgenda);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 16, 45, 0, TimeSpan.Zero));
        office = await Users.SignInAsync(app, officeUser);
        var nextConduct = $"/verwaltung/sitzungen/{next}/ablauf";
        await office.PostFormAsync($"{nextConduct}?handler=Attendance", new() { ["present"] = body.Anna.ToString(CultureInfo.InvariantCulture) }, nextConduct);
        var approvalItem = await ItemIdAsync(app, next, "1");
        var approved = await office.PostFormAsync($"{minutes}?handler=Approve", new() { ["approvalItemId"] = approvalItem }, minutes);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var refusedEdit = await office.PostFormAsync($"{minutes}?handler=Save", new() { ["introduction"] = "Nachträglich geändert" }, minutes);
        Assert.Contains("eingefroren", await refusedEdit.Content.ReadAsStringAsync());

        // Anonymous: the public edition only; the full edition is not there for them.
        var anonymous = Users.Client(app);
        var publicPage = await anonymous.GetPageAsync($"/sitzungen/{meetingId}");
        Assert.DoesNotContain("Personalien", publicPage.Body!.Text());
        var links = publicPage.QuerySelectorAll("a[href*='/dokumente/']").Select(a => a.GetAttribute("href")!).ToList();
        var pdfLink = links.Single(l => publicPage.QuerySelector($"a[href='{l}']")!.Text().Contains("öffentlicher Teil, PDF", StringComparison.Ordinal));
        var pdf = await anonymous.GetByteArrayAsync(pdfLink);
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains("Die Tagesordnung wird ohne Änderungen genehmigt.", text);
            Assert.Contains("genehmigt in der Sitzung vom 15.12.2026, TOP 1", text);
            Assert.Contains("Ja 2, Nein 0, Enthaltung 0", text);
            Assert.Contains("Dieter Dahl", text);
            Assert.DoesNotContain("Personalien", text);
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Minutes.SingleAsync(m => m.MeetingId == meetingId);
            Assert.Equal(MinutesState.Approved, record.State);
            var fullPdf = await anonymous.GetAsync($"/sitzungen/{meetingId}/dokumente/{record.PdfDocumentId}");
            Assert.Equal(HttpStatusCode.NotFound, fullPdf.StatusCode);
            var docx = await office.GetByteArrayAsync($"/sitzungen/{meetingId}/dokumente/{record.DocxDocumentId}");
            using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.Contains("Personalien", word.MainDocumentPart!.Document!.InnerText);
            var stored = await db.MeetingDocuments.SingleAsync(d => d.Id == record.PdfDocumentId);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(await office.GetByteArrayAsync($"/sitzungen/{meetingId}/dokumente/{stored.Id}"))), stored.Sha512);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Minutes) && a.Reason != null && a.Reason.StartsWith("genehmigt in der Sitzung vom 15.12.2026")));
        }
    }

    /// <summary>The error summary of a re-rendered form, for assertion messages.</summary>
    internal static async Task<string> Errors(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector(".error-summary")?.Text() ?? $"{(int)response.StatusCode} without error summary";

    internal static async Task<string> ItemIdAsync(AppFactory app, int meetingId, string number)
    {
        await using var scope = app.Scope();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AgendaItems.Where(i => i.MeetingId == meetingId && i.Number == number).Select(i => i.Id).SingleAsync();
        return id.ToString(CultureInfo.InvariantCulture);
    }
}
