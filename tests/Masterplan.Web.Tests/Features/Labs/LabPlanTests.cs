using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>001 "Handlungsfeld 4" and 004 §5: one lab per quarter, each in another district, districts without a lab first.</summary>
public class LabPlanTests
{
    [Theory, Engines]
    public async Task Choosing_a_quarter_preselects_the_district_the_plan_proposes(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = await office.GetPageAsync("/verwaltung/quartierslabore");

        // Every quarter carries its proposal for the script; without it, the plan's links reload the form with both chosen.
        var options = page.QuerySelectorAll("#Quarter option").Select(o => (Quarter: o.GetAttribute("value")!, District: o.GetAttribute("data-district")!)).ToList();
        Assert.Equal(("2027-Q1", "Innenstadt-Nord"), options[1]);
        Assert.Equal("/js/lab-quarter.js", page.QuerySelector("script[src='/js/lab-quarter.js']")!.GetAttribute("src"));
        var link = page.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")!).ElementAt(1);
        Assert.Equal("?quartal=2027-Q1#labor-anlegen", link);

        var chosen = await office.GetPageAsync("/verwaltung/quartierslabore?quartal=2027-Q1");
        Assert.Equal("2027-Q1", chosen.QuerySelector("#Quarter option[selected]")!.GetAttribute("value"));
        Assert.Equal("Innenstadt-Nord", chosen.QuerySelector("#District option[selected]")!.GetAttribute("value"));

        var unknown = await office.GetPageAsync("/verwaltung/quartierslabore?quartal=1999-Q1");
        Assert.Equal("2026-Q4", unknown.QuerySelector("#Quarter option[selected]")!.GetAttribute("value"));
    }

    [Theory, Engines]
    public async Task The_plan_continues_after_the_labs_created_and_never_repeats_a_district_before_all_had_one(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        // Three labs as proposed, one after the other.
        var firstId = 0;
        foreach (var (quarter, district) in new[] { ("2026-Q4", "Innenstadt-West"), ("2027-Q1", "Innenstadt-Nord"), ("2027-Q2", "Innenstadt-Ost") })
        {
            var plan = await office.GetPageAsync("/verwaltung/quartierslabore");
            Assert.Equal(quarter, plan.QuerySelector("#Quarter option[selected]")!.GetAttribute("value"));
            Assert.Equal(district, plan.QuerySelector("#District option[selected]")!.GetAttribute("value"));
            var created = await office.PostFormAsync("/verwaltung/quartierslabore", new() { ["Quarter"] = quarter, ["District"] = district, ["Title"] = $"Labor {district}" });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            firstId = firstId == 0 ? LabChainTests.IdFrom(created) : firstId;
        }

        // The registration's extra categories must fit the form and the quota lines.
        var lab = $"/verwaltung/quartierslabore/{firstId}";
        Assert.Contains("Das Merkmal „Geschlecht“ gibt es schon",
            await LabChainTests.BodyAsync(await office.PostFormAsync($"{lab}?handler=Save", new() { ["Steps.Categories"] = "Geschlecht: a, b" }, lab)));
        Assert.Contains("Merkmale, Zeile 2: Die Zeichen ; = [ ] sind in Merkmalen und Werten nicht möglich.",
            await LabChainTests.BodyAsync(await office.PostFormAsync($"{lab}?handler=Save", new() { ["Steps.Categories"] = "Bildung: Abitur\nMigration: ja; nein" }, lab)));

        var rows = (await office.GetPageAsync("/verwaltung/quartierslabore")).QuerySelectorAll("table tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.Text()))).ToList();
        Assert.Equal(8, rows.Count);
        Assert.StartsWith("3. Quartal 2027 | Eving | noch kein Labor", rows[0]);
        Assert.DoesNotContain(rows, r => r.Contains("Innenstadt", StringComparison.Ordinal)); // the nine others come first

        // The public list shows all three, newest quarter first.
        var list = (await Users.Client(app).GetPageAsync("/quartierslabore")).QuerySelectorAll("table tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.Text()))).ToList();
        Assert.Equal(["2. Quartal 2027 | Innenstadt-Ost | Labor Innenstadt-Ost | geplant", "1. Quartal 2027 | Innenstadt-Nord | Labor Innenstadt-Nord | geplant", "4. Quartal 2026 | Innenstadt-West | Labor Innenstadt-West | geplant"], list);
    }

    [Fact]
    public async Task A_lab_that_does_not_exist_answers_404_on_every_Office_page_and_form()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        foreach (var page in new[] { "/verwaltung/quartierslabore/999999", "/verwaltung/quartierslabore/999999/losverfahren" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(page)).StatusCode);
        }

        foreach (var handler in new[] { "/verwaltung/quartierslabore/999999?handler=Save", "/verwaltung/quartierslabore/999999?handler=Place",
                                        "/verwaltung/quartierslabore/999999/losverfahren?handler=Draw", "/verwaltung/quartierslabore/999999/losverfahren?handler=Letters" })
        {
            var response = await office.PostFormAsync(handler, new() { ["Title"] = "x" }, "/verwaltung/quartierslabore");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler} answered {(int)response.StatusCode}");
        }
    }
}
