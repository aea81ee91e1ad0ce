using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Papers;

/// <summary>The Office writes papers and their Beratungsfolge; residents find them and see where they stand.</summary>
public class PaperEditorTests
{
    private const string Editor = "/verwaltung/vorlagen/bearbeiten";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static Dictionary<string, string> PaperForm(string name, string reference = "", string date = "2026-11-02") => new()
    {
        ["Input.Name"] = name, ["Input.Reference"] = reference, ["Input.PaperType"] = "Beschlussvorlage", ["Input.Date"] = date,
        ["Input.Originator"] = "Geschäftsstelle Masterplan", ["Input.DecisionProposal"] = "Der Rat beschließt die Videobeobachtung am Platz von Leeds.",
        ["Input.Reasons"] = "Die Zahl der Straftaten am Platz von Leeds ist gestiegen.",
    };

    private static Dictionary<string, string> ConsultationForm(int body, string role, string date, bool authoritative = false) => new()
    {
        ["Input.OrganizationId"] = $"{body}", ["Input.Role"] = role, ["Input.Date"] = date, ["Input.Authoritative"] = authoritative ? "true" : "false",
    };

    private static async Task<HttpClient> OfficeAsync(AppFactory app) =>
        await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

    private static async Task<int> CreatePaperAsync(HttpClient office, Dictionary<string, string> form)
    {
        var created = await office.PostFormAsync(Editor, form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task<int> BodyAsync(AppFactory app, string key) => QueryAsync(app, db => db.Organizations.Where(o => o.SeedKey == key).Select(o => o.Id).SingleAsync());

    /// <summary>A public meeting of the body with two agenda items; returns the meeting and its item 2.</summary>
    private static Task<(int Meeting, int Item)> MeetingAsync(AppFactory app, int body, bool isPublic = true) => QueryAsync(app, async db =>
    {
        var start = new DateTimeOffset(2026, 11, 19, 15, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting
        {
            OrganizationId = body, Title = "12. Sitzung des Ausschusses", Start = start, End = start.AddHours(3), IsPublic = isPublic, State = MeetingState.Held,
            CalendarUid = $"{Guid.NewGuid():N}@test",
            AgendaItems =
            [
                new AgendaItem { Number = "1", SortKey = AgendaNumber.SortKey("1"), Title = "Eröffnung" },
                new AgendaItem { Number = "2", SortKey = AgendaNumber.SortKey("2"), Title = "Videobeobachtung am Platz von Leeds" },
            ],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.AgendaItems.Single(i => i.Number == "2").Id);
    });

    [Theory, Engines]
    public async Task A_paper_written_by_the_Office_goes_through_its_Beratungsfolge_and_residents_find_it(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await OfficeAsync(app);
        var (district, committee) = (await BodyAsync(app, "org:bv-innenstadt-west"), await BodyAsync(app, "org:aboeoab"));
        var (meetingId, itemId) = await MeetingAsync(app, committee);

        var id = await CreatePaperAsync(office, PaperForm("Videobeobachtung am Platz von Leeds", "31415-26"));
        var consultations = $"/verwaltung/vorlagen/{id}/beratung";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(consultations, ConsultationForm(district, "Recommendation", "2026-11-12"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(consultations, ConsultationForm(committee, "Decision", "2026-11-19", authoritative: true))).StatusCode);
        var second = await QueryAsync(app, db => db.Consultations.Where(c => c.PaperId == id && c.Position == 2).Select(c => c.Id).SingleAsync());
        var schedule = ConsultationForm(committee, "Decision", "2026-11-19", authoritative: true);
        (schedule["Input.AgendaItemId"], schedule["Input.Result"], schedule["Input.ResultDate"]) = ($"{itemId}", "AdoptedWithChanges", "2026-11-19");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{consultations}/{second}", schedule)).StatusCode);
        var upload = await office.PostFileAsync($"/verwaltung/vorlagen/{id}?handler=Upload", $"/verwaltung/vorlagen/{id}", new() { ["fileTitle"] = "Lageplan" }, "file", "lageplan.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var resident = app.CreateClient();
        var page = await resident.GetPageAsync($"/vorlagen/{id}");
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(["1 Bezirksvertretung Innenstadt-West 12.11.2026 Empfehlung", "2 Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden 19.11.2026 Beschluss, federführend 19.11.2026, TOP 2 geändert beschlossen (19.11.2026)"], rows);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/sitzungen/{meetingId}");
        var file = page.QuerySelectorAll("a").Single(a => a.Text() == "Lageplan").GetAttribute("href")!;
        Assert.Equal(Pdf, await resident.GetByteArrayAsync(file));
        Assert.Contains("Die Zahl der Straftaten", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The agenda item shows the paper: one link, read by both pages.
        var meeting = await resident.GetPageAsync($"/sitzungen/{meetingId}");
        var onAgenda = meeting.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"/vorlagen/{id}");
        Assert.Equal("31415-26 Videobeobachtung am Platz von Leeds – geändert beschlossen", onAgenda.ParentElement!.Text());
        Assert.Equal(1, await QueryAsync(app, db => db.AgendaLinks.CountAsync(l => l.Kind == AgendaLinkKind.Paper && l.TargetId == id)));

        async Task<IReadOnlyList<string?>> FoundAsync(string query) =>
            (await resident.GetPageAsync("/vorlagen?" + query)).QuerySelectorAll("ul.cards a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/vorlagen/{id}", await FoundAsync("q=straftaten+leeds"));
        Assert.Contains($"/vorlagen/{id}", await FoundAsync("q=31415-26"));
        Assert.Contains($"/vorlagen/{id}", await FoundAsync($"gremium={district}&von=2026-11-01&bis=2026-11-30"));
        Assert.DoesNotContain($"/vorlagen/{id}", await FoundAsync("q=leeds&bis=2026-10-31"));
        Assert.DoesNotContain($"/vorlagen/{id}", await FoundAsync("q=hauptbahnhof+leeds"));
        Assert.Equal([$"/vorlagen/{id}"], await FoundAsync("q=31415"));

        // The OParl objects say the same: the paper with its two consultations, the second on the agenda item it was
        // scheduled on, and the item and the committee link back.
        var paper = await OParlAsync(resident, $"/oparl/v1/paper/{id}");
        Assert.Equal("31415-26", (string?)paper["reference"]);
        Assert.Equal("Videobeobachtung am Platz von Leeds", (string?)paper["name"]);
        var listed = paper["consultation"]!.AsArray().Select(c => c!).ToList();
        Assert.Equal(2, listed.Count);
        var scheduled = listed.Single(c => c["agendaItem"] is not null);
        Assert.EndsWith($"/oparl/v1/agendaItem/{itemId}", (string?)scheduled["agendaItem"], StringComparison.Ordinal);
        Assert.EndsWith($"/oparl/v1/meeting/{meetingId}", (string?)scheduled["meeting"], StringComparison.Ordinal);
        Assert.True((bool?)scheduled["authoritative"]);
        Assert.EndsWith($"/oparl/v1/organization/{committee}", (string?)scheduled["organization"]![0], StringComparison.Ordinal);
        Assert.Null(listed.Single(c => c != scheduled)["agendaItem"]);
        var item = await OParlAsync(resident, $"/oparl/v1/agendaItem/{itemId}");
        Assert.Equal((string?)scheduled["id"], (string?)item["consultation"]);
        var committeeConsultations = await OParlAsync(resident, $"/oparl/v1/organization/{committee}/consultation");
        Assert.Contains(committeeConsultations["data"]!.AsArray(), c => (string?)c!["id"] == (string?)scheduled["id"]);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> OParlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Theory, Engines]
    public async Task The_Beratungsfolge_can_be_reordered_and_shortened(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await OfficeAsync(app);
        var id = await CreatePaperAsync(office, PaperForm("Reihenfolge"));
        var bodies = new[] { await BodyAsync(app, "org:bpn"), await BodyAsync(app, "org:aboeoab"), await BodyAsync(app, "org:rat") };
        foreach (var body in bodies)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/verwaltung/vorlagen/{id}/beratung", ConsultationForm(body, "Deliberation", "2026-12-01"))).StatusCode);
        }

        Task<List<int>> OrderAsync() => QueryAsync(app, db => db.Consultations.Where(c => c.PaperId == id).OrderBy(c => c.Position).Select(c => c.OrganizationId).ToListAsync());
        Task<int> ConsultationOfAsync(int body) => QueryAsync(app, db => db.Consultations.Where(c => c.PaperId == id && c.OrganizationId == body).Select(c => c.Id).SingleAsync());
        var paper = $"/verwaltung/vorlagen/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{paper}?handler=Move", new() { ["consultationId"] = $"{await ConsultationOfAsync(bodies[2])}", ["by"] = "-1" }, paper)).StatusCode);
        Assert.Equal([bodies[0], bodies[2], bodies[1]], await OrderAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{paper}?handler=Remove", new() { ["consultationId"] = $"{await ConsultationOfAsync(bodies[0])}" }, paper)).StatusCode);
        Assert.Equal([bodies[2], bodies[1]], await OrderAsync());
        Assert.Equal([1, 2], await QueryAsync(app, db => db.Consultations.Where(c => c.PaperId == id).OrderBy(c => c.Position).Select(c => c.Position).ToListAsync()));
    }

    [Theory, Engines]
    public async Task A_bad_paper_form_gets_German_messages_keeps_its_input_and_stores_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await OfficeAsync(app);
        var before = await QueryAsync(app, db => db.Papers.CountAsync());

        var form = PaperForm("", "26093-22", "1800-01-01");
        form["Input.Amends"] = "99999-99";
        var response = await office.PostFormAsync(Editor, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var messages = page.QuerySelectorAll(".error-summary li").Select(li => li.Text()).ToList();
        Assert.Contains("Bitte geben Sie den Titel der Vorlage an.", messages);
        Assert.Contains("Die Drucksachennummer 26093-22 ist schon vergeben.", messages);
        Assert.Contains(DateInput.OutOfRange, messages);
        Assert.Contains("Eine Vorlage mit der Drucksachennummer 99999-99 gibt es nicht.", messages);
        Assert.Equal("Geschäftsstelle Masterplan", page.QuerySelector("#Input_Originator")!.GetAttribute("value"));
        Assert.Equal("Die Zahl der Straftaten am Platz von Leeds ist gestiegen.", page.QuerySelector("#Input_Reasons")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Reference")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await QueryAsync(app, db => db.Papers.CountAsync()));

        var malformed = await Html.ParseAsync(await office.PostFormAsync(Editor, PaperForm("Ein Titel", "Drucksache 7")));
        Assert.Contains("„Drucksache 7“ ist keine Drucksachennummer. Sie hat die Form 26093-22: laufende Nummer, Bindestrich, Jahr zweistellig.",
            malformed.QuerySelectorAll(".error-summary li").Select(li => li.Text()));
        Assert.Equal(before, await QueryAsync(app, db => db.Papers.CountAsync()));
    }

    [Theory, Engines]
    public async Task A_bad_consultation_gets_German_messages_and_stores_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await OfficeAsync(app);
        var id = await CreatePaperAsync(office, PaperForm("Beratung mit Fehlern"));
        var committee = await BodyAsync(app, "org:aboeoab");
        var (_, otherItem) = await MeetingAsync(app, await BodyAsync(app, "org:rat"));
        var url = $"/verwaltung/vorlagen/{id}/beratung";

        async Task<List<string>> MessagesAsync(Dictionary<string, string> form)
        {
            var response = await office.PostFormAsync(url, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary li").Select(li => li.Text()).ToList();
        }

        Assert.Equal(["Das gewählte Gremium gibt es nicht. Bitte wählen Sie ein Gremium aus der Liste."], await MessagesAsync(ConsultationForm(987654, "Deliberation", "2026-12-01")));
        Assert.Equal([DateInput.OutOfRange], await MessagesAsync(ConsultationForm(committee, "Deliberation", "2201-01-01")));
        var withResult = ConsultationForm(committee, "Decision", "2026-12-01");
        withResult["Input.Result"] = "Adopted";
        Assert.Equal(["Bitte geben Sie an, an welchem Tag das Ergebnis zustande kam."], await MessagesAsync(withResult));
        withResult["Input.ResultDate"] = "2026-12-24";
        Assert.Equal(["Das Ergebnis kann nicht in der Zukunft liegen; heute ist der 23.11.2026."], await MessagesAsync(withResult));
        var elsewhere = ConsultationForm(committee, "Decision", "2026-12-01");
        elsewhere["Input.AgendaItemId"] = $"{otherItem}";
        Assert.Equal(["Der Tagesordnungspunkt gehört zu einer Sitzung eines anderen Gremiums, nicht zu „Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden“."],
            await MessagesAsync(elsewhere));

        Assert.Equal(0, await QueryAsync(app, db => db.Consultations.CountAsync(c => c.PaperId == id)));
        Assert.Equal(0, await QueryAsync(app, db => db.AgendaLinks.CountAsync(l => l.TargetId == id && l.Kind == AgendaLinkKind.Paper)));
    }

    [Theory, Engines]
    public async Task A_file_that_is_not_a_PDF_is_refused(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await OfficeAsync(app);
        var id = await CreatePaperAsync(office, PaperForm("Dateien"));
        var paper = $"/verwaltung/vorlagen/{id}";

        async Task<List<string>> MessagesAsync(string name, byte[] data)
        {
            var response = await office.PostFileAsync($"{paper}?handler=Upload", paper, new() { ["fileTitle"] = "Anlage" }, "file", name, data);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary li").Select(li => li.Text()).ToList();
        }

        Assert.Equal(["Die Datei „anlage.pdf“ ist kein PDF-Dokument. Zu einer Vorlage gehören nur PDF-Dateien."], await MessagesAsync("anlage.pdf", "Nur Text, kein PDF."u8.ToArray()));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.Equal(["Die Datei „foto.pdf“ ist laut Inhalt ein PNG-Bild. Zu einer Vorlage gehören nur PDF-Dateien."], await MessagesAsync("foto.pdf", png));
        Assert.Equal(0, await QueryAsync(app, db => db.PaperFiles.CountAsync(f => f.PaperId == id)));
    }

    [Theory, Engines]
    public async Task The_Office_generates_a_tagged_PDF_of_the_paper(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await OfficeAsync(app);
        var id = await CreatePaperAsync(office, PaperForm("Erzeugtes PDF", "27182-26"));
        var paper = $"/verwaltung/vorlagen/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{paper}?handler=Generate", [], paper)).StatusCode);

        var file = await QueryAsync(app, db => db.PaperFiles.SingleAsync(f => f.PaperId == id));
        var data = await app.CreateClient().GetByteArrayAsync($"/vorlagen/{id}/dateien/{file.Id}");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(data);
        var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Erzeugtes PDF", text, StringComparison.Ordinal);
        Assert.Contains("27182-26", text, StringComparison.Ordinal);
        Assert.True(file.IsGenerated);
    }

    [Theory, Engines]
    public async Task Residents_and_staff_outside_the_Office_cannot_open_the_Office_pages(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var anonymous = Users.Client(app);
        var response = await anonymous.GetAsync(Editor);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/anmelden", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        var staff = await Users.SignInAsync(app, await Users.CreateAsync(app, "amt@stadtdo.de", Roles.DepartmentStaff));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/verwaltung/vorlagen")).StatusCode);
        var before = await QueryAsync(app, db => db.Papers.CountAsync());
        var token = await staff.AntiforgeryTokenAsync("/konto");
        var post = await staff.PostAsync(Editor, new FormUrlEncodedContent(PaperForm("Unerlaubt").Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await QueryAsync(app, db => db.Papers.CountAsync()));
    }
}

internal static class UriPath
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
