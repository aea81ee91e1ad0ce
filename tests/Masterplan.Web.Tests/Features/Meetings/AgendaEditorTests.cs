using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// The agenda editor without JavaScript: items move up and down with their sub-items (the numbers swap, so 1 / 2 / 2.1 stay
/// valid), one "add link" form for the page whose target list shows only the chosen kind, "Entfernen" as a secondary, dangerous action.
/// </summary>
public class AgendaEditorTests
{
    private static async Task<Dictionary<string, string>> NumbersAsync(AppFactory app, int meetingId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AgendaItems.Where(i => i.MeetingId == meetingId)
            .ToDictionaryAsync(i => i.Number, i => i.Title);
    }

    private static async Task<string> IdAsync(AppFactory app, int meetingId, string title)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AgendaItems.Where(i => i.MeetingId == meetingId && i.Title == title).Select(i => i.Id).SingleAsync())
            .ToString(CultureInfo.InvariantCulture);
    }

    [Theory, Engines]
    public async Task Items_move_with_their_sub_items_and_links_are_added_in_one_form(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var meetingId = MeetingChainTests.IdFrom(await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", new()
        {
            ["OrganizationId"] = body.OrganizationId.ToString(CultureInfo.InvariantCulture), ["Title"] = "Sitzung", ["Date"] = "2026-12-01",
            ["StartTime"] = "17:00", ["EndTime"] = "19:00", ["IsPublic"] = "true",
        }));
        var agenda = $"/verwaltung/sitzungen/{meetingId}/tagesordnung";
        foreach (var (number, title) in new[] { ("1", "Eröffnung"), ("2", "Bericht"), ("2.1", "Bericht Nord"), ("2.2", "Bericht Süd"), ("3", "Verschiedenes") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = number, ["ItemTitle"] = title, ["ItemIsPublic"] = "true" }, agenda)).StatusCode);
        }

        var page = await office.GetPageAsync(agenda);
        var buttons = page.QuerySelectorAll("ol.agenda button").Select(b => b.Text().Trim()).ToList();
        Assert.DoesNotContain("Nach oben schieben TOP 1", buttons); // the first has nowhere to go up
        Assert.Contains("Nach unten schieben TOP 1", buttons);
        Assert.DoesNotContain("Nach unten schieben TOP 2.2", buttons);
        Assert.All(page.QuerySelectorAll("ol.agenda button").Where(b => b.Text().StartsWith("Entfernen", StringComparison.Ordinal)),
            b => Assert.Equal("secondary danger", b.GetAttribute("class")));

        // TOP 3 up: it becomes 2, the old 2 becomes 3 with its sub-items.
        var moved = await office.PostFormAsync($"{agenda}?handler=Move&itemId={await IdAsync(app, meetingId, "Verschiedenes")}&direction=up", [], agenda);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new Dictionary<string, string> { ["1"] = "Eröffnung", ["2"] = "Verschiedenes", ["3"] = "Bericht", ["3.1"] = "Bericht Nord", ["3.2"] = "Bericht Süd" }, await NumbersAsync(app, meetingId));
        var shown = await office.GetPageAsync(agenda);
        Assert.Equal("Tagesordnungspunkt 3 ist jetzt Tagesordnungspunkt 2.", shown.QuerySelector("p.notice")!.Text());
        Assert.Equal(["TOP 1: Eröffnung", "TOP 2: Verschiedenes", "TOP 3: Bericht", "TOP 3.1: Bericht Nord", "TOP 3.2: Bericht Süd"],
            shown.QuerySelectorAll("ol.agenda h3").Select(h => h.Text().Trim()).ToList());

        // A sub-item moves among its siblings only.
        await office.PostFormAsync($"{agenda}?handler=Move&itemId={await IdAsync(app, meetingId, "Bericht Süd")}&direction=up", [], agenda);
        Assert.Equal("Bericht Süd", (await NumbersAsync(app, meetingId))["3.1"]);
        var refused = await office.PostFormAsync($"{agenda}?handler=Move&itemId={await IdAsync(app, meetingId, "Bericht Süd")}&direction=up", [], agenda);
        Assert.Contains("Tagesordnungspunkt 3.1 steht schon an erster Stelle.", await MeetingChainTests.Errors(refused));

        // One link form for the whole page; the targets follow the chosen kind (a GET without JavaScript).
        Assert.Single(shown.QuerySelectorAll("form"), f => (f.GetAttribute("action") ?? "").Contains("handler=Link", StringComparison.Ordinal));
        var papers = (await office.GetPageAsync(agenda)).QuerySelectorAll("#targetId option").Select(o => o.Text()).ToList();
        Assert.Contains(papers, o => o.Contains("26093-22", StringComparison.Ordinal));
        Assert.DoesNotContain(papers, o => o.Contains("Videoüberwachung im öffentlichen Raum", StringComparison.Ordinal));
        var byField = await office.GetPageAsync($"{agenda}?kind=FieldOfAction");
        Assert.Equal("FieldOfAction", byField.QuerySelector("#kind option[selected]")!.GetAttribute("value"));
        var fields = byField.QuerySelectorAll("#targetId option").ToList();
        Assert.DoesNotContain(fields, o => o.Text().Contains("26093-22", StringComparison.Ordinal));
        var field = fields.First(o => o.Text().Contains("Videoüberwachung im öffentlichen Raum", StringComparison.Ordinal)).GetAttribute("value")!;

        var noItem = await office.PostFormAsync($"{agenda}?handler=Link", new() { ["kind"] = "FieldOfAction", ["targetId"] = field }, agenda);
        var noItemPage = await Html.ParseAsync(noItem);
        Assert.Contains("Bitte wählen Sie den Tagesordnungspunkt, an den der Verweis soll.", noItemPage.QuerySelector(".error-summary")!.Text());
        Assert.NotNull(noItemPage.QuerySelector(".error-summary a[href='#itemId']"));
        Assert.NotNull(noItemPage.QuerySelector("#itemId"));
        Assert.Equal("FieldOfAction", noItemPage.QuerySelector("input[name=kind]")!.GetAttribute("value"));
        Assert.Equal("Punkt hinzufügen", noItemPage.QuerySelector("#punkt")!.Text());

        var linked = await office.PostFormAsync($"{agenda}?handler=Link", new() { ["itemId"] = await IdAsync(app, meetingId, "Bericht"), ["kind"] = "FieldOfAction", ["targetId"] = field }, agenda);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var item3 = (await office.GetPageAsync(agenda)).QuerySelectorAll("ol.agenda > li").Single(li => li.QuerySelector("h3")!.Text().Trim() == "TOP 3: Bericht");
        Assert.Contains("Videoüberwachung im öffentlichen Raum", item3.Text());

        // In English.
        office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await office.GetPageAsync(agenda);
        Assert.Contains("Move down TOP 1", english.QuerySelectorAll("ol.agenda button").Select(b => b.Text().Trim()));
        Assert.Equal("Show targets of this kind", english.QuerySelector("form[method=get] button")!.Text().Trim());
    }
}
