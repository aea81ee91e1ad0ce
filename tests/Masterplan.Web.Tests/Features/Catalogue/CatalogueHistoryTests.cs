using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>The living tree (docs/domain.md#catalogue) keeps stable ids, renumbers by position, and shows any date and the changes between dates with sources.</summary>
public class CatalogueHistoryTests
{
    private static async Task<int> NodeAsync(AppFactory app, string number)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldsOfAction.Where(f => f.SeedKey == "field:" + number).Select(f => f.Id).SingleAsync();
    }

    [Theory, Engines]
    public async Task Renames_moves_retirements_and_a_field_from_a_lab_show_in_the_as_of_view_and_the_diff(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        async Task Change(Dictionary<string, string> form)
        {
            // Weeks pass between the changes: a new sign-in each time (sessions end after 20 idle minutes).
            var office = await Users.SignInAsync(app, officeUser);
            var response = await office.PostFormAsync("/verwaltung/handlungsfelder", form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        var video = await NodeAsync(app, "2.5");
        var extremism = await NodeAsync(app, "2.6");
        var field1 = await NodeAsync(app, "1");
        var seniors = await NodeAsync(app, "1.4.7");

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
        await Change(new() { ["Action"] = "Rename", ["NodeId"] = $"{video}", ["Title"] = "Videobeobachtung im öffentlichen Raum", ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung 10.12.2026, TOP 3", ["Reason"] = "Begriff des Polizeigesetzes" });
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await Change(new() { ["Action"] = "Move", ["NodeId"] = $"{extremism}", ["TargetId"] = $"{field1}", ["SourceKind"] = "SteeringCircleReview", ["SourceText"] = "Lenkungskreis 05.01.2027" });
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.Zero));
        await Change(new() { ["Action"] = "Retire", ["NodeId"] = $"{seniors}", ["SourceKind"] = "WorkingGroup", ["SourceText"] = "AG Sichere Nachbarschaft", ["Reason"] = "in 1.4.5 aufgegangen" });
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await Change(new() { ["Action"] = "Add", ["Title"] = "Sauberkeit und Ruhe im Quartier", ["SourceKind"] = "LabRecommendation", ["SourceText"] = "Quartierslabor Eving, Empfehlung 2" });

        var client = app.CreateClient();
        string Entries(AngleSharp.Dom.IDocument page) => string.Join('\n', page.QuerySelectorAll(".tree summary, .tree .leaf").Select(e => e.Text()));

        // Before the changes: the tree of 001.
        var before = Entries(await client.GetPageAsync("/handlungsfelder?stand=2026-12-01"));
        Assert.Contains("2.5 Videoüberwachung im öffentlichen Raum", before);
        Assert.Contains("2.6 Extremismus", before);
        Assert.Contains("1.4.7 Prävention bei Senioren", before);
        Assert.DoesNotContain("Sauberkeit und Ruhe im Quartier", before);

        // Between the move and the retirement.
        var march = Entries(await client.GetPageAsync("/handlungsfelder?stand=2027-01-31"));
        Assert.Contains("2.5 Videobeobachtung im öffentlichen Raum", march);
        Assert.Contains("1.5 Extremismus", march); // moved to the end of field 1, renumbered with its subtree
        Assert.Contains("1.5.1 Rechtsextremismus", march);
        Assert.Contains("2.6 Widerstände gegen Ordnungs- und Rettungskräfte", march); // the old 2.7 moved up
        Assert.Contains("1.4.7 Prävention bei Senioren", march);

        // Today.
        var today = Entries(await client.GetPageAsync("/handlungsfelder"));
        Assert.DoesNotContain("Prävention bei Senioren", today);
        Assert.Contains("1.4.7 Sozialpolitische Prävention", today);
        Assert.Contains("5 Sauberkeit und Ruhe im Quartier", today);

        // The diff names exactly these changes, with their sources; the Office also sees who made them.
        var diff = await (await Users.SignInAsync(app, officeUser)).GetPageAsync("/handlungsfelder/aenderungen?von=2026-12-01&bis=2027-03-31");
        var rows = diff.QuerySelectorAll("table.changes-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToArray()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["10.12.2026", "umbenannt", "Videoüberwachung im öffentlichen Raum → Videobeobachtung im öffentlichen Raum", "2.5", "2.5", "Beschluss einer Sitzung: Vollversammlung 10.12.2026, TOP 3", "Begriff des Polizeigesetzes", "Test office"], rows[0]);
        Assert.Equal(["05.01.2027", "verschoben", "Extremismus", "2.6", "1.5"], rows[1][..5]);
        Assert.Equal("Prüfung durch den Lenkungskreis: Lenkungskreis 05.01.2027", rows[1][5]);
        Assert.Equal(["20.02.2027", "aufgehoben", "Prävention bei Senioren", "1.4.7", "–"], rows[2][..5]);
        Assert.Equal(["01.03.2027", "neu", "Sauberkeit und Ruhe im Quartier", "–", "5", "Empfehlung eines Quartierslabors: Quartierslabor Eving, Empfehlung 2"], rows[3][..6]);

        // The public sees the same changes without the staff member's name (docs/domain.md#public-catalogue).
        var anonymous = await Users.Client(app).GetPageAsync("/handlungsfelder/aenderungen?von=2026-12-01&bis=2027-03-31");
        Assert.Equal(4, anonymous.QuerySelectorAll("table.changes-table tbody tr").Length);
        Assert.DoesNotContain("Test office", anonymous.Body!.Text());
        Assert.Equal(7, anonymous.QuerySelectorAll("table.changes-table thead th").Length);
    }

    [Fact]
    public async Task Moving_a_node_under_its_own_descendant_is_refused_and_nothing_changes()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var field3 = await NodeAsync(app, "3");
        var gas = await NodeAsync(app, "3.3.1.1");

        var response = await office.PostFormAsync("/verwaltung/handlungsfelder", new()
        {
            ["Action"] = "Move", ["NodeId"] = $"{field3}", ["TargetId"] = $"{gas}", ["SourceKind"] = "FreeText", ["SourceText"] = "Versuch",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nicht unter sich selbst oder einen seiner Untereinträge", await response.Content.ReadAsStringAsync());
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Null((await data.FieldsOfAction.FindAsync(field3))!.ParentId);
        Assert.Equal(55, await data.FieldOfActionVersions.CountAsync());
    }
}
