using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>Catalogue writes (docs/domain.md#catalogue, docs/domain.md#masterplan-one): the tree changed over the API with sources, the masterplan 1.0 import, and each measure's history.</summary>
public class CatalogueWriteTests
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory, Engines]
    public async Task The_office_changes_the_tree_over_the_api_and_the_history_names_each_source(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (field4, n25, n26) = (await IndicatorTests.NodeAsync(app, "4"), await IndicatorTests.NodeAsync(app, "2.5"), await IndicatorTests.NodeAsync(app, "2.6"));
        var lab = new { kind = "LabRecommendation", text = "Quartierslabor Eving, Empfehlung 3", reason = "Aufgenommen vom Lenkungskreis" };

        var added = await JsonAsync(await office.PostAsJsonAsync("/api/v1/catalogue/nodes", new { parentId = field4, title = "Nachbarschaft stärken", source = lab }), HttpStatusCode.Created);
        var id = added.GetProperty("id").GetInt32();
        Assert.StartsWith("4.", added.GetProperty("number").GetString(), StringComparison.Ordinal);
        var renamed = await JsonAsync(await office.PutAsJsonAsync($"/api/v1/catalogue/nodes/{id}", new { title = "Nachbarschaften stärken", source = new { kind = "SteeringCircleReview", text = "Lenkungskreis 03.12.2026" } }), HttpStatusCode.OK);
        Assert.Equal("Nachbarschaften stärken", renamed.GetProperty("title").GetString());
        var moved = await JsonAsync(await office.PostAsJsonAsync($"/api/v1/catalogue/nodes/{n25}/move", new { parentId = n26, source = new { kind = "WorkingGroup", text = "AG Prävention" } }), HttpStatusCode.OK);
        Assert.StartsWith("2.5.", moved.GetProperty("number").GetString(), StringComparison.Ordinal); // 2.5 moved under 2.6, which became 2.5
        await JsonAsync(await office.PostAsJsonAsync($"/api/v1/catalogue/nodes/{id}/retire", new { source = new { text = "doppelt" } }), HttpStatusCode.NoContent);

        // Refused changes: under its own descendant, an unknown node, a missing source; nothing changes.
        var loop = await office.PostAsJsonAsync($"/api/v1/catalogue/nodes/{n26}/move", new { parentId = n25, source = lab });
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("nicht unter sich selbst oder einen seiner Untereinträge", (await loop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await office.PutAsJsonAsync("/api/v1/catalogue/nodes/999999", new { title = "x", source = lab })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync("/api/v1/catalogue/nodes", new { parentId = field4, title = "Ohne Quelle" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Users.Client(app).PostAsJsonAsync("/api/v1/catalogue/nodes", new { title = "x", source = lab })).StatusCode);

        var versions = await IndicatorTests.QueryAsync(app, db => db.FieldOfActionVersions.Where(v => v.NodeId == id || v.NodeId == n25).OrderBy(v => v.Id)
            .Select(v => new { v.Change, v.SourceKind, v.SourceText }).ToListAsync());
        Assert.Equal(
            [(CatalogueChangeKind.Added, CatalogueSourceKind.LabRecommendation), (CatalogueChangeKind.Renamed, CatalogueSourceKind.SteeringCircleReview),
             (CatalogueChangeKind.Moved, CatalogueSourceKind.WorkingGroup), (CatalogueChangeKind.Retired, CatalogueSourceKind.FreeText)],
            versions.Skip(1).Select(v => (v.Change, v.SourceKind))); // the first is n25's seeded version

        // The tree as of yesterday has neither change; today's has the move.
        var yesterday = await Users.Client(app).GetFromJsonAsync<JsonElement>("/api/v1/catalogue?asOf=2026-11-22");
        var today = await Users.Client(app).GetFromJsonAsync<JsonElement>("/api/v1/catalogue");
        Assert.Equal("2.5", Find(yesterday, n25)!.Value.GetProperty("number").GetString());
        Assert.Equal("2.5.", Find(today, n25)!.Value.GetProperty("number").GetString()![..4]);
        Assert.Null(Find(today, id));

        // The old number 2.5 still leads to the moved node; the node that holds it now is named as well.
        var title26 = Find(yesterday, n26)!.Value.GetProperty("title").GetString();
        var lookup = (await Users.Client(app).GetPageAsync("/handlungsfelder?nummer=2.5")).QuerySelectorAll("#number-title + ul li, section ul li").Select(li => li.Text()).Distinct().ToList();
        Assert.Equal(2, lookup.Count);
        Assert.Matches("^„Videoüberwachung im öffentlichen Raum“ von \\d\\d\\.\\d\\d\\.\\d{4} bis 23\\.11\\.2026 – heute 2\\.5\\.\\d+$", lookup[0]);
        Assert.Matches($"^„{System.Text.RegularExpressions.Regex.Escape(title26!)}“ von 23\\.11\\.2026 bis heute – heute 2\\.5$", lookup[1]);
        Assert.Contains("Diese Nummer gab es im Katalog nie.", (await Users.Client(app).GetPageAsync("/handlungsfelder?nummer=9.9")).Body!.Text());
    }

    private static JsonElement? Find(JsonElement nodes, int id)
    {
        foreach (var node in nodes.EnumerateArray())
        {
            if (node.GetProperty("id").GetInt32() == id)
            {
                return node;
            }

            if (Find(node.GetProperty("children"), id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    [Theory, Engines]
    public async Task The_measures_of_masterplan_1_0_are_imported_all_or_nothing_and_keep_their_number(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        const string page = "/verwaltung/massnahmen/import";
        async Task<HttpResponseMessage> Upload(string csv) =>
            await office.PostFileAsync(page, page, new() { ["IsPublic"] = "true" }, "file", "masterplan-1.csv", new UTF8Encoding(true).GetBytes(csv));

        var wrong = await Upload(string.Join("\n",
            "Nummer;Titel;Handlungsfeld;Status;Fortschritt;Verantwortlich;Beginn;Ende",
            "M 1;Aktionsplan Angsträume City;2.5;umgesetzt;100;Ordnungsamt;01.03.2019;31.12.2021",
            "M 2;Programm Plätze;9.9;in Umsetzung;60;Ordnungsamt;;",
            "M 1;Doppelt;2.5;umgesetzt;100;;;",
            "M 3;Mehr KOD-Präsenz;2.5;irgendwie;50;Stadtwerke;2019-13-01;",
            "M 4;Fortbildung;2.5;umgesetzt;120;;01.01.2020;01.01.2019"));
        Assert.Equal(
        [
            "Zeile 3: „9.9“ ist keine Nummer eines Handlungsfelds im aktuellen Katalog (z. B. 2.3).",
            "Zeile 4: Die Nummer „M 1“ steht schon in Zeile 2.",
            "Zeile 5: „irgendwie“ ist kein Status (erlaubt: vorgeschlagen, beschlossen, in Umsetzung, umgesetzt, verstetigt, zurückgestellt, verworfen).",
            "Zeile 5: „Stadtwerke“ ist keine bekannte verantwortliche Stelle (mehrere mit | trennen).",
            "Zeile 5: Der Beginn „2019-13-01“ ist kein Datum (erwartet: 31.12.2019 oder 2019-12-31).",
            "Zeile 6: Der Fortschritt muss zwischen 0 und 100 Prozent liegen.",
            "Zeile 6: Das Ende darf nicht vor dem Beginn liegen.",
        ], (await Html.ParseAsync(wrong)).QuerySelectorAll(".error-summary li").Select(e => e.Text()));
        Assert.Equal(0, await IndicatorTests.QueryAsync(app, db => db.Measures.CountAsync()));

        var ok = await Upload(string.Join("\n",
            "Nummer;Titel;Handlungsfeld;Status;Fortschritt;Verantwortlich;Beginn;Ende;Beschreibung",
            "M 1;Aktionsplan Angsträume City;2.5;umgesetzt;100;Ordnungsamt | Dez. 3;01.03.2019;31.12.2021;\"Hell, sauber; sicher\"",
            "M 2;Programm Plätze;2.5;verstetigt;100;Ordnungsamt;;;"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var measures = await IndicatorTests.QueryAsync(app, db => db.Measures.Include(m => m.Units).OrderBy(m => m.ExternalNumber).ToListAsync());
        Assert.Equal(["M 1", "M 2"], measures.Select(m => m.ExternalNumber));
        Assert.All(measures, m => Assert.Equal(1, m.PlanEdition));
        Assert.Equal((MeasureStatus.Implemented, 2, "Hell, sauber; sicher"), (measures[0].Status, measures[0].Units.Count, measures[0].Description));
        Assert.Equal("Masterplan Kommunale Sicherheit 1.0 (DS 12534-18), Maßnahme M 1", measures[0].SourceText);
        Assert.Contains("Maßnahme M 1 des Masterplans 1.0 (DS 12534-18)", (await Users.Client(app).GetPageAsync($"/massnahmen/{measures[0].Id}")).Body!.Text());

        // Importing the same file again imports nothing.
        var again = await Upload("Nummer;Titel;Handlungsfeld;Status\nM 2;Programm Plätze;2.5;verstetigt\n");
        Assert.Contains("Die Maßnahme „M 2“ aus Masterplan 1.0 ist bereits importiert.", await MeetingChainTests.Errors(again));

        // The measure's history page shows the import with its reason, then a change.
        var edit = $"/verwaltung/massnahmen/bearbeiten/{measures[1].Id}";
        var update = await office.PostFormAsync($"{edit}?handler=Update", new() { ["UpdateDate"] = "2026-11-20", ["UpdateText"] = "Läuft weiter.", ["UpdateProgress"] = "100" }, edit);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var history = await office.GetPageAsync($"/verwaltung/massnahmen/{measures[1].Id}/verlauf");
        var entries = history.QuerySelectorAll("ol.history > li").Select(li => li.Text()).ToList();
        // The update was saved with the measure's new version: two entries, then the import.
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.Contains("Sachstand eingetragen", StringComparison.Ordinal) && e.Contains("Läuft weiter.", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Maßnahme geändert", StringComparison.Ordinal));
        Assert.Contains("Maßnahme angelegt", entries[2]);
        Assert.Contains("Begründung: Import aus Masterplan Kommunale Sicherheit 1.0 (DS 12534-18)", entries[2]);
        Assert.Contains("Programm Plätze", entries[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/verwaltung/massnahmen/999999/verlauf")).StatusCode);
    }
}
