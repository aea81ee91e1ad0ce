using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>Measures (docs/domain.md#measures) with status updates, the weighted roll-up, bad input, concurrent edits and the API.</summary>
public class MeasureTests
{
    private const string EditPage = "/verwaltung/massnahmen/bearbeiten";

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task<int> NodeAsync(AppFactory app, string number) =>
        QueryAsync(app, db => db.FieldsOfAction.Where(f => f.SeedKey == "field:" + number).Select(f => f.Id).SingleAsync());

    private static Task<int> DistrictAsync(AppFactory app, string key) =>
        QueryAsync(app, db => db.Districts.Where(d => d.SeedKey == "district:" + key).Select(d => d.Id).SingleAsync());

    private static Dictionary<string, string> Form(int node, string title, int progress = 0, string weight = "1", string status = "InProgress") => new()
    {
        ["FieldOfActionId"] = S(node), ["Title"] = title, ["Status"] = status, ["Progress"] = S(progress), ["Weight"] = weight,
        ["StartDate"] = "2026-01-01", ["EndDate"] = "2027-12-31", ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung 01.10.2026, TOP 4",
        ["IsPublic"] = "true", ["PlannedBudget"] = "12.500,50",
    };

    private static async Task<int> CreateAsync(HttpClient office, Dictionary<string, string> form)
    {
        var response = await office.PostFormAsync(EditPage, form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static string Rollup(AngleSharp.Dom.IDocument page, int node) =>
        page.QuerySelector($"#progress-{node}")?.ParentElement?.Text() ?? "(keine Anzeige)";

    [Theory, Engines]
    public async Task Status_updates_move_a_measure_and_progress_rolls_up_to_the_parent_nodes_by_weight(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (field2, video, extremism, right) = (await NodeAsync(app, "2"), await NodeAsync(app, "2.5"), await NodeAsync(app, "2.6"), await NodeAsync(app, "2.6.1"));
        var eving = await DistrictAsync(app, "eving");

        var cameras = Form(video, "Kameras am Hauptbahnhof", progress: 40);
        cameras["DistrictIds"] = S(eving);
        var a = await CreateAsync(office, cameras);
        await CreateAsync(office, Form(extremism, "Fortbildung", progress: 100, weight: "3"));
        await CreateAsync(office, Form(right, "Verworfene Idee", progress: 0, status: "Discarded"));

        // A status update moves progress and status of the measure.
        var update = await office.PostFormAsync($"{EditPage}/{a}?handler=Update", new()
        {
            ["UpdateDate"] = "2026-11-20", ["UpdateText"] = "Kameras installiert, Probebetrieb.", ["UpdateStatus"] = "Implemented", ["UpdateProgress"] = "80",
        }, formPage: $"{EditPage}/{a}");
        Assert.True(update.StatusCode == HttpStatusCode.Redirect, await update.Content.ReadAsStringAsync());
        var stored = await QueryAsync(app, db => db.Measures.Include(m => m.Updates).SingleAsync(m => m.Id == a));
        Assert.Equal((MeasureStatus.Implemented, 80, 2), (stored.Status, stored.Progress, stored.Version));
        Assert.Single(stored.Updates);
        Assert.Equal(12500.50m, stored.PlannedBudget);

        // (80 × 1 + 100 × 3) / 4 = 95 for field 2; the discarded measure is left out everywhere.
        var catalogue = await Users.Client(app).GetPageAsync("/handlungsfelder");
        Assert.Contains("95 % aus 2 Maßnahmen", Rollup(catalogue, field2));
        Assert.Equal("95", catalogue.QuerySelector($"#progress-{field2}")!.GetAttribute("value"));
        Assert.Contains("80 % aus 1 Maßnahme", Rollup(catalogue, video));
        Assert.Contains("100 % aus 1 Maßnahme", Rollup(catalogue, extremism));
        Assert.Equal("(keine Anzeige)", Rollup(catalogue, right));
        Assert.Contains("verworfene Maßnahmen zählen nicht mit", catalogue.Body!.Text());

        // The public page shows the update but no staff names; the public list filters.
        var details = await Users.Client(app).GetPageAsync($"/massnahmen/{a}");
        var text = details.Body!.Text();
        Assert.Contains("Kameras installiert, Probebetrieb.", text);
        Assert.Contains("umgesetzt", text);
        Assert.Contains("Eving", text);
        Assert.Contains("Beschluss einer Sitzung: Vollversammlung 01.10.2026, TOP 4", text);
        Assert.DoesNotContain("Test office", text);
        var list = await Users.Client(app).GetPageAsync($"/massnahmen?feld={field2}&status=Implemented");
        Assert.Equal(["Kameras am Hauptbahnhof"], list.QuerySelectorAll(".measures-table tbody a").Select(e => e.Text()));
        var byDistrict = await Users.Client(app).GetPageAsync($"/massnahmen?bezirk={eving}");
        Assert.Equal(["Kameras am Hauptbahnhof"], byDistrict.QuerySelectorAll(".measures-table tbody a").Select(e => e.Text()));
    }

    [Theory, Engines]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_is_saved(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var node = await NodeAsync(app, "2.5");
        var plenary = await QueryAsync(app, db => db.Organizations.Where(o => o.Kind == OrganizationKind.PlenaryAssembly).Select(o => o.Id).SingleAsync());

        var cases = new (Action<Dictionary<string, string>> Change, string Message)[]
        {
            (f => f["Progress"] = "150", "Der Fortschritt muss zwischen 0 und 100 Prozent liegen."),
            (f => f["Progress"] = "-1", "Der Fortschritt muss zwischen 0 und 100 Prozent liegen."),
            (f => f["EndDate"] = "2025-12-31", "Das Ende darf nicht vor dem Beginn liegen."),
            (f => f["FieldOfActionId"] = "999999", "Dieses Handlungsfeld gibt es im aktuellen Katalog nicht."),
            (f => f["DistrictIds"] = "999999", "Mindestens einen der gewählten Stadtbezirke gibt es nicht."),
            (f => f["UnitIds"] = S(plenary), "Mindestens eine der gewählten verantwortlichen Stellen gibt es nicht."),
            (f => f["Weight"] = "0", "Das Gewicht muss größer als 0 und höchstens 100 sein."),
            (f => f["PlannedBudget"] = "viel", "Das geplante Budget muss eine Zahl sein, zum Beispiel 1500,50."),
            (f => f["Title"] = " ", "Bitte geben Sie einen Titel ein."),
        };
        foreach (var (change, message) in cases)
        {
            var form = Form(node, "Neue Maßnahme");
            change(form);
            var response = await office.PostFormAsync(EditPage, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
            Assert.Equal(form["Title"], page.QuerySelector("#Title")!.GetAttribute("value")); // the input stays in the form
        }

        Assert.Equal(0, await QueryAsync(app, db => db.Measures.CountAsync()));

        // A status update dated before the measure started is refused.
        var id = await CreateAsync(office, Form(node, "Gültige Maßnahme"));
        var early = await office.PostFormAsync($"{EditPage}/{id}?handler=Update", new() { ["UpdateDate"] = "2025-12-31", ["UpdateText"] = "Zu früh." }, formPage: $"{EditPage}/{id}");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Der Sachstand kann nicht vor dem Beginn der Maßnahme am 01.01.2026 liegen.", (await Html.ParseAsync(early)).QuerySelector(".error-summary")!.Text());
        var outOfRange = await office.PostFormAsync($"{EditPage}/{id}?handler=Update", new() { ["UpdateDate"] = "2026-02-01", ["UpdateText"] = "Weiter.", ["UpdateProgress"] = "101" }, formPage: $"{EditPage}/{id}");
        Assert.Contains("Der Fortschritt muss zwischen 0 und 100 Prozent liegen.", (await Html.ParseAsync(outOfRange)).QuerySelector(".error-summary")!.Text());
        Assert.Equal(0, await QueryAsync(app, db => db.MeasureStatusUpdates.CountAsync()));
        Assert.Equal(1, await QueryAsync(app, db => db.Measures.Where(m => m.Id == id).Select(m => m.Version).SingleAsync()));
    }

    [Theory, Engines]
    public async Task Of_two_concurrent_edits_the_second_writer_is_told_and_keeps_the_input_and_the_first_one_is_stored(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var first = await Users.SignInAsync(app, await Users.CreateAsync(app, "erste@stadtdo.de", Roles.Office));
        var second = await Users.SignInAsync(app, await Users.CreateAsync(app, "zweite@stadtdo.de", Roles.Office));
        var node = await NodeAsync(app, "2.5");
        var id = await CreateAsync(first, Form(node, "Ausgangstitel", progress: 10));

        // Both load the form (version 1), both save.
        var versions = new List<string>();
        foreach (var client in new[] { first, second })
        {
            var form = await client.GetPageAsync($"{EditPage}/{id}");
            versions.Add(form.QuerySelector("input[name=Version]")!.GetAttribute("value")!);
        }

        Assert.Equal(["1", "1"], versions);
        var one = Form(node, "Titel der Ersten", progress: 30);
        one["Version"] = versions[0];
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"{EditPage}/{id}", one)).StatusCode);

        var two = Form(node, "Titel der Zweiten", progress: 70);
        two["Version"] = versions[1];
        var refused = await second.PostFormAsync($"{EditPage}/{id}", two);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var alert = page.QuerySelector(".conflict")!.Text();
        Assert.Contains("Diese Maßnahme wurde inzwischen von Test erste geändert", alert);
        Assert.Contains("Titel der Ersten", alert); // the current values
        Assert.Equal("Titel der Zweiten", page.QuerySelector("#Title")!.GetAttribute("value")); // nothing of the input is lost
        Assert.Equal("70", page.QuerySelector("#Progress")!.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("input[name=Version]")!.GetAttribute("value")); // saving again builds on what is stored now

        var stored = await QueryAsync(app, db => db.Measures.SingleAsync(m => m.Id == id));
        Assert.Equal(("Titel der Ersten", 30, 2), (stored.Title, stored.Progress, stored.Version));

        // The version column guards the database too: a save based on an old row fails even when the check before it passed.
        await using var scopeA = app.Scope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = await dbA.Measures.SingleAsync(m => m.Id == id);
        await using (var scopeB = app.Scope())
        {
            var dbB = scopeB.ServiceProvider.GetRequiredService<AppDbContext>();
            var fresh = await dbB.Measures.SingleAsync(m => m.Id == id);
            fresh.Title = "Zwischendurch";
            fresh.Version++;
            await dbB.SaveChangesAsync();
        }

        stale.Title = "Veraltet";
        stale.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbA.SaveChangesAsync());
        Assert.Equal("Zwischendurch", await QueryAsync(app, db => db.Measures.Where(m => m.Id == id).Select(m => m.Title).SingleAsync()));
    }

    [Theory, Engines]
    public async Task The_api_reads_public_measures_with_filters_and_a_stale_write_gets_409_problem_details(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (field2, video, extremism, field1) = (await NodeAsync(app, "2"), await NodeAsync(app, "2.5"), await NodeAsync(app, "2.6"), await NodeAsync(app, "1"));
        var hoerde = await DistrictAsync(app, "hoerde");

        async Task<JsonElement> Post(object body, HttpStatusCode expected)
        {
            var response = await office.PostAsJsonAsync("/api/v1/measures", body);
            Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var cameras = await Post(new { fieldOfActionId = video, title = "Kameras", status = "InProgress", progress = 50, districtIds = new[] { hoerde }, isPublic = true, sourceKind = "LabRecommendation", sourceText = "Quartierslabor Hörde" }, HttpStatusCode.Created);
        await Post(new { fieldOfActionId = extremism, title = "Fortbildung", status = "Decided", progress = 0, isPublic = true }, HttpStatusCode.Created);
        await Post(new { fieldOfActionId = field1, title = "Streife", status = "Decided", progress = 0, isPublic = true }, HttpStatusCode.Created);
        var secret = await Post(new { fieldOfActionId = video, title = "Intern", status = "Decided", progress = 0, districtIds = new[] { hoerde }, isPublic = false }, HttpStatusCode.Created);
        Assert.Equal(1, cameras.GetProperty("version").GetInt32());

        var anonymous = Users.Client(app);
        async Task<string[]> Titles(string query) =>
            (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/measures" + query)).EnumerateArray().Select(m => m.GetProperty("title").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Fortbildung", "Kameras", "Streife"], await Titles(""));
        Assert.Equal(["Fortbildung", "Kameras"], await Titles($"?field={field2}"));
        Assert.Equal(["Kameras"], await Titles($"?district={hoerde}"));
        Assert.Equal(["Fortbildung", "Streife"], await Titles("?status=Decided"));

        // Pages by id: two of three, the total and the link to the rest; the filter stays in the link.
        var first = await anonymous.GetAsync("/api/v1/measures?pageSize=2");
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Equal("3", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("</api/v1/measures?pageSize=2&page=2>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        var last = await anonymous.GetAsync("/api/v1/measures?pageSize=2&page=2");
        Assert.Equal(["Streife"], (await last.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(m => m.GetProperty("title").GetString()));
        Assert.False(last.Headers.Contains("Link"));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/measures?pageSize=501")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/measures/{secret.GetProperty("id").GetInt32()}")).StatusCode);
        var one = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/measures/{cameras.GetProperty("id").GetInt32()}");
        Assert.Equal("in Umsetzung", one.GetProperty("statusLabel").GetString());
        Assert.Equal("LabRecommendation", one.GetProperty("sourceKind").GetString());

        // Validation errors are problem details naming the field; nothing is saved.
        var bad = await office.PostAsJsonAsync("/api/v1/measures", new { fieldOfActionId = video, title = "Zu viel", status = "InProgress", progress = 150, startDate = "2026-05-01", endDate = "2026-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Der Fortschritt muss zwischen 0 und 100 Prozent liegen.", errors.GetProperty("progress")[0].GetString());
        Assert.Equal("Das Ende darf nicht vor dem Beginn liegen.", errors.GetProperty("endDate")[0].GetString());
        Assert.Equal(4, await QueryAsync(app, db => db.Measures.CountAsync()));

        // Two writers read version 1; the first wins, the second gets 409 with the current version.
        var id = cameras.GetProperty("id").GetInt32();
        var put1 = await office.PutAsJsonAsync($"/api/v1/measures/{id}", new { fieldOfActionId = video, title = "Kameras (erweitert)", status = "InProgress", progress = 60, isPublic = true, version = 1 });
        Assert.True(put1.StatusCode == HttpStatusCode.OK, await put1.Content.ReadAsStringAsync());
        Assert.Equal(2, (await put1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var put2 = await office.PutAsJsonAsync($"/api/v1/measures/{id}", new { fieldOfActionId = video, title = "Kameras (anders)", status = "InProgress", progress = 90, isPublic = true, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, put2.StatusCode);
        Assert.Equal("application/problem+json", put2.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, (await put2.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());
        Assert.Equal("Kameras (erweitert)", await QueryAsync(app, db => db.Measures.Where(m => m.Id == id).Select(m => m.Title).SingleAsync()));

        // Anonymous clients may not write.
        var anonymousWrite = await anonymous.PostAsJsonAsync("/api/v1/measures", new { title = "x" });
        Assert.Contains(anonymousWrite.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }
}
