using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// Links instead of free text: what took a recommendation up (a measure, a paper, an agenda item) shows on both sides;
/// a measure and a catalogue change link their source. Nothing a viewer may not see shows as a link's label.
/// </summary>
public class RecommendationLinksTests
{
    private sealed record Scene(int Meeting, int Item, int SecretItem, int Recommendation, int SecretRecommendation, int Measure, int Paper, int Field, string Planted);

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<Scene> BuildAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planted = $"Geheim{Guid.NewGuid():N}"[..18];
        var body = await db.Organizations.SingleAsync(o => o.SeedKey == "org:vollversammlung");
        var start = new DateTimeOffset(2026, 11, 12, 16, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting { OrganizationId = body.Id, Title = "Vollversammlung November", Start = start, End = start.AddHours(2), IsPublic = true, State = MeetingState.Held, CalendarUid = $"{Guid.NewGuid()}@test" };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var item = new AgendaItem { MeetingId = meeting.Id, Number = "3", SortKey = "0003", Title = "Beleuchtung am Nordmarkt" };
        var secretItem = new AgendaItem { MeetingId = meeting.Id, Number = "4", SortKey = "0004", Title = planted + "TOP", IsPublic = false };
        db.AgendaItems.AddRange(item, secretItem);
        await db.SaveChangesAsync();
        var recommendation = new Recommendation
        {
            MeetingId = meeting.Id, AgendaItemId = item.Id, Title = "Mehr Licht am Nordmarkt", Text = "Die Vollversammlung empfiehlt mehr Licht.", IsPublic = true,
            AddresseeKind = AddresseeKind.Administration, AdoptedOn = new DateOnly(2026, 11, 12),
        };
        var secret = new Recommendation
        {
            MeetingId = meeting.Id, AgendaItemId = secretItem.Id, Title = planted + "Empfehlung", Text = "intern", IsPublic = false,
            AddresseeKind = AddresseeKind.Administration, AdoptedOn = new DateOnly(2026, 11, 12),
        };
        db.Recommendations.AddRange(recommendation, secret);
        var field = await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync();
        var measure = new Measure { Title = "Leuchten am Nordmarkt", FieldOfActionId = field, IsPublic = true, SourceKind = CatalogueSourceKind.MeetingDecision };
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        var paper = await db.Papers.Where(p => p.Reference == "26093-22").Select(p => p.Id).SingleAsync();
        return new Scene(meeting.Id, item.Id, secretItem.Id, recommendation.Id, secret.Id, measure.Id, paper, field, planted);
    }

    private static async Task<string> TextAsync(HttpClient client, string url) => (await client.GetPageAsync(url)).Body!.TextContent;

    [Theory, Engines]
    public async Task The_Office_links_what_took_a_recommendation_up_and_both_sides_show_it(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var anonymous = Users.Client(app);
        var s = await BuildAsync(app);
        var page = $"/verwaltung/empfehlungen/{s.Recommendation}";

        async Task<AngleSharp.Dom.IDocument> Link(string target, bool ok = true)
        {
            var response = await office.PostFormAsync($"{page}?handler=Link", new() { ["Target"] = target }, page);
            Assert.Equal(ok ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
            return await Html.ParseAsync(response);
        }

        // Refusals name the problem and keep what was typed.
        var refused = await Link("/irgendwo/7", ok: false);
        Assert.Contains("„/irgendwo/7“ ist keine Adresse einer Vorlage, eines Tagesordnungspunkts, einer Empfehlung oder einer Maßnahme", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("/irgendwo/7", refused.QuerySelector("#Target")!.GetAttribute("value"));
        Assert.Contains("Maßnahme mit der Nummer 999999 gibt es nicht.", (await Link("/massnahmen/999999", ok: false)).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Hier lässt sich nur verknüpfen: Maßnahme, Vorlage, Tagesordnungspunkt.",
            (await Link($"/sitzungen/{s.Meeting}#empfehlung-{s.SecretRecommendation}", ok: false)).QuerySelector(".error-summary")!.TextContent);

        // A measure by its address (with the host, as copied from the browser), the paper by its reference, an agenda item by its anchor.
        await Link($"https://masterplan.dortmund.de/massnahmen/{s.Measure}");
        await Link("26093-22");
        await Link($"/sitzungen/{s.Meeting}#top-{s.Item}");
        Assert.Contains("Diese Verknüpfung besteht schon.", (await Link($"/massnahmen/{s.Measure}", ok: false)).QuerySelector(".error-summary")!.TextContent);
        // The non-public agenda item: the Office may link it, only insiders see it.
        await Link($"/sitzungen/{s.Meeting}#top-{s.SecretItem}");

        var list = await anonymous.GetPageAsync("/empfehlungen?alle=true");
        var row = list.QuerySelector($"#empfehlung-{s.Recommendation}")!;
        var hrefs = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/massnahmen/{s.Measure}", hrefs);
        Assert.Contains($"/vorlagen/{s.Paper}", hrefs);
        Assert.Contains($"/sitzungen/{s.Meeting}#top-{s.Item}", hrefs);
        Assert.Contains("Maßnahme: Leuchten am Nordmarkt", row.TextContent);
        Assert.DoesNotContain($"#top-{s.SecretItem}", hrefs);
        Assert.DoesNotContain(s.Planted, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(s.Planted + "TOP", await TextAsync(office, "/empfehlungen?alle=true"), StringComparison.Ordinal);

        // The other way round: the measure, the paper and the agenda item name the recommendation they took up.
        var measurePage = await anonymous.GetPageAsync($"/massnahmen/{s.Measure}");
        Assert.NotNull(measurePage.QuerySelector($"a[href='/sitzungen/{s.Meeting}#empfehlung-{s.Recommendation}']"));
        Assert.Contains("Setzt Empfehlungen um", measurePage.Body!.TextContent);
        var paperPage = await anonymous.GetPageAsync($"/vorlagen/{s.Paper}");
        Assert.Contains("Greift Empfehlung auf", paperPage.Body!.TextContent);
        Assert.NotNull(paperPage.QuerySelector($"a[href='/sitzungen/{s.Meeting}#empfehlung-{s.Recommendation}']"));
        var meetingPage = await anonymous.GetPageAsync($"/sitzungen/{s.Meeting}");
        Assert.Contains("Greift auf: Empfehlung Mehr Licht am Nordmarkt", meetingPage.QuerySelector($"#top-{s.Item}")!.TextContent);
        Assert.NotNull(meetingPage.QuerySelector($"#empfehlung-{s.Recommendation} a[href='/vorlagen/{s.Paper}']"));
        Assert.DoesNotContain(s.Planted, meetingPage.Body!.TextContent, StringComparison.Ordinal);

        // Removing a link removes it from both sides.
        var follow = await office.GetPageAsync(page);
        var unlink = follow.QuerySelectorAll("form[action*='Unlink']").Single(f => f.ParentElement!.QuerySelector($"a[href='/vorlagen/{s.Paper}']") is not null);
        var takeUp = unlink.QuerySelector("input[name=takeUpId]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=Unlink", new() { ["takeUpId"] = takeUp }, page)).StatusCode);
        Assert.DoesNotContain("Greift Empfehlung auf", await TextAsync(anonymous, $"/vorlagen/{s.Paper}"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync($"{page}?handler=Unlink", new() { ["takeUpId"] = takeUp }, page)).StatusCode);
        var intruder = await anonymous.PostAsync($"{page}?handler=Link", new FormUrlEncodedContent(new Dictionary<string, string> { ["Target"] = "26093-22" }));
        Assert.False(intruder.IsSuccessStatusCode, $"{intruder.StatusCode}");
        await using (var scope = app.Scope())
        {
            // The anonymous post above was refused, nothing stored.
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<AppDbContext>().RecommendationTakeUps.CountAsync(t => t.RecommendationId == s.Recommendation));
        }
    }

    [Theory, Engines]
    public async Task A_measure_and_a_catalogue_change_link_their_source_and_a_hidden_source_stays_hidden(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var anonymous = Users.Client(app);
        var s = await BuildAsync(app);
        const string edit = "/verwaltung/massnahmen/bearbeiten";
        Dictionary<string, string> Form(string title, string link) => new()
        {
            ["FieldOfActionId"] = S(s.Field), ["Title"] = title, ["Status"] = "Decided", ["Progress"] = "0", ["Weight"] = "1",
            ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung 12.11.2026", ["SourceLink"] = link, ["IsPublic"] = "true",
        };

        // A measure is no source of a measure: refused with the kinds that are, and the input is kept.
        var refused = await office.PostFormAsync(edit, Form("Lichtkonzept", $"/massnahmen/{s.Measure}"));
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{refused.StatusCode} {refused.Headers.Location}");
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Contains("Hier lässt sich nur verknüpfen: Tagesordnungspunkt, Empfehlung, Vorlage.", refusedPage.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Lichtkonzept", refusedPage.QuerySelector("#Title")!.GetAttribute("value"));

        var created = await office.PostFormAsync(edit, Form("Lichtkonzept", $"/sitzungen/{s.Meeting}#empfehlung-{s.Recommendation}"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var measure = await anonymous.GetPageAsync($"/massnahmen/{id}");
        Assert.NotNull(measure.QuerySelector($"a[href='/sitzungen/{s.Meeting}#empfehlung-{s.Recommendation}']"));
        Assert.Contains("Empfehlung Mehr Licht am Nordmarkt", measure.Body!.TextContent);
        // The recommendation counts the measure as taken up, without a second entry by hand.
        Assert.NotNull((await anonymous.GetPageAsync("/empfehlungen?alle=true")).QuerySelector($"#empfehlung-{s.Recommendation} a[href='/massnahmen/{id}']"));
        // The edit form shows the link it holds.
        Assert.Equal($"/sitzungen/{s.Meeting}#empfehlung-{s.Recommendation}", (await office.GetPageAsync($"{edit}/{id}")).QuerySelector("#SourceLink")!.GetAttribute("value"));

        // A measure whose source is a non-public recommendation: the public sees the measure, not the source's title.
        var hidden = await office.PostFormAsync(edit, Form("Internes Konzept", $"/verwaltung/empfehlungen/{s.SecretRecommendation}"));
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var hiddenId = hidden.Headers.Location!.OriginalString.Split('/').Last();
        Assert.DoesNotContain(s.Planted, await TextAsync(anonymous, $"/massnahmen/{hiddenId}"), StringComparison.Ordinal);
        Assert.Contains(s.Planted + "Empfehlung", await TextAsync(office, $"/massnahmen/{hiddenId}"), StringComparison.Ordinal);

        // A catalogue change with a linked agenda item: the list of changes links it.
        var changed = await office.PostFormAsync("/verwaltung/handlungsfelder", new()
        {
            ["Action"] = "Rename", ["NodeId"] = S(s.Field), ["Title"] = "Beleuchtung und Videobeobachtung", ["SourceKind"] = "MeetingDecision",
            ["SourceText"] = "Vollversammlung 12.11.2026, TOP 3", ["SourceLink"] = $"/sitzungen/{s.Meeting}#top-{s.Item}",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var changes = await anonymous.GetPageAsync("/handlungsfelder/aenderungen");
        Assert.NotNull(changes.QuerySelector($"a[href='/sitzungen/{s.Meeting}#top-{s.Item}']"));
        Assert.Contains("Tagesordnungspunkt TOP 3 Beleuchtung am Nordmarkt", changes.Body!.TextContent);

        // The same over the API: source.link names the paper; a link of a kind a change cannot have is refused on its field,
        // and nothing changes.
        var refusedMove = await office.PostAsJsonAsync($"/api/v1/catalogue/nodes/{s.Field}/move", new { parentId = (int?)null, source = new { text = "Vorlage", link = $"/massnahmen/{s.Measure}" } });
        Assert.Equal(HttpStatusCode.BadRequest, refusedMove.StatusCode);
        using (var problem = System.Text.Json.JsonDocument.Parse(await refusedMove.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Hier lässt sich nur verknüpfen: Vorlage, Tagesordnungspunkt, Empfehlung.", problem.RootElement.GetProperty("errors").GetProperty("source.link")[0].GetString());
        }

        var renamed = await office.PutAsJsonAsync($"/api/v1/catalogue/nodes/{s.Field}", new { title = "Beleuchtung, Videobeobachtung und Sichtachsen", source = new { kind = "FreeText", text = "Vorlage 26093-22", link = "26093-22" } });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        changes = await anonymous.GetPageAsync("/handlungsfelder/aenderungen");
        Assert.NotNull(changes.QuerySelector($"a[href='/vorlagen/{s.Paper}']"));
        await using var scope = app.Scope();
        var versions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldOfActionVersions.Where(v => v.NodeId == s.Field).OrderBy(v => v.Id).ToListAsync();
        Assert.Equal("Beleuchtung, Videobeobachtung und Sichtachsen", versions[^1].Title);
        Assert.Equal("Beleuchtung und Videobeobachtung", versions[^2].Title); // the refused move left no version
    }
}
