using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>
/// 004 §5: labs ran before the platform (until 2024 in the eight districts without one). Without them the rotation planner
/// takes every district for "noch kein Labor"; the Office enters them afterwards, with their source, and the plan counts them.
/// </summary>
public class PastLabsTests
{
    private static Dictionary<string, string> Past(string title, string district, string heldOn, string source, string? reportedOn = null) => new()
    {
        ["Past.Title"] = title, ["Past.District"] = district, ["Past.HeldOn"] = heldOn, ["Past.Source"] = source,
        ["Past.ResultsSummary"] = "Mehr Licht, Treffpunkte für Jugendliche.", ["Past.ReportedOn"] = reportedOn ?? "", ["Past.ReportedTo"] = reportedOn is null ? "" : "Vollversammlung",
    };

    private static List<string> PlanRows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("table tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Take(3).Select(c => c.Text().Trim())))];

    [Theory, Engines]
    public async Task The_Office_enters_labs_held_before_the_platform_and_the_plan_counts_them(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        const string page = "/verwaltung/quartierslabore";

        var before = await office.GetPageAsync(page);
        Assert.Contains("Der Plan kennt noch kein früheres Labor", before.Body!.TextContent);
        Assert.StartsWith("4. Quartal 2026 | Innenstadt-West | noch kein Labor", PlanRows(before)[0]);

        // Refused with every reason, and what was typed stays.
        var refused = await office.PostFormAsync($"{page}?handler=Past", Past("Quartierslabor Westpark", "", "2027-03-01", ""), page);
        var refusedPage = await Html.ParseAsync(refused);
        var summary = refusedPage.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Bitte wählen Sie einen der zwölf Stadtbezirke.", summary);
        Assert.Contains("Ein früheres Labor kann nicht in der Zukunft liegen", summary);
        Assert.Contains("Bitte nennen Sie die Quelle", summary);
        Assert.Equal("Quartierslabor Westpark", refusedPage.QuerySelector("#Past_Title")!.GetAttribute("value"));
        Assert.Contains("Das Datum des Berichts muss zwischen dem Tag des Labors und heute liegen.",
            await LabChainTests.BodyAsync(await office.PostFormAsync($"{page}?handler=Past", Past("Westpark", "Innenstadt-West", "2023-05-10", "Bericht", reportedOn: "2023-01-01"), page)));

        // Two labs of the same quarter: the record is taken as it was.
        var west = await office.PostFormAsync($"{page}?handler=Past", Past("Quartierslabor Westpark", "Innenstadt-West", "2023-05-10", "Abschlussbericht Quartierslabore 2.0", reportedOn: "2023-09-14"), page);
        Assert.Equal(HttpStatusCode.Redirect, west.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await office.PostFormAsync($"{page}?handler=Past", Past("Quartierslabor Borsigplatz", "Innenstadt-Nord", "2023-06-20", "Abschlussbericht Quartierslabore 2.0"), page)).StatusCode);

        var after = await office.GetPageAsync(page);
        Assert.DoesNotContain("Der Plan kennt noch kein früheres Labor", after.Body!.TextContent);
        var rows = PlanRows(after);
        Assert.StartsWith("4. Quartal 2026 | Innenstadt-Ost | noch kein Labor", rows[0]);
        // The ten districts without a lab fill the eight quarters of the plan; the two with one come after them.
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.EndsWith("noch kein Labor", r));
        Assert.DoesNotContain(rows, r => r.Contains("Innenstadt-West", StringComparison.Ordinal) || r.Contains("Innenstadt-Nord", StringComparison.Ordinal));

        // The public pages show the lab with its source and without a concept or a draw of its own.
        var id = LabChainTests.IdFrom(west);
        var details = await Users.Client(app).GetPageAsync($"/quartierslabore/{id}");
        var text = details.Body!.TextContent;
        Assert.Contains("Abschlussbericht Quartierslabore 2.0", text);
        Assert.Contains("bevor die Stadt ihre Quartierslabore auf dieser Plattform führte", text);
        Assert.Contains("Mehr Licht, Treffpunkte für Jugendliche.", text);
        Assert.Null(details.QuerySelector($"a[href='/quartierslabore/{id}/losverfahren']"));
        var list = (await Users.Client(app).GetPageAsync("/quartierslabore")).QuerySelectorAll("table tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.Text().Trim()))).ToList();
        Assert.Contains("2. Quartal 2023 | Innenstadt-West | Quartierslabor Westpark | berichtet", list);
        Assert.Contains("2. Quartal 2023 | Innenstadt-Nord | Quartierslabor Borsigplatz | Ergebnisse dokumentiert", list);
    }
}
