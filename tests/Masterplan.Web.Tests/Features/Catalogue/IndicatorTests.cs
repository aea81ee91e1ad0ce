using System.Globalization;
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
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>Indicators (docs/domain.md#indicators) with values typed or imported from CSV, their status against target, chart, table and API.</summary>
public class IndicatorTests
{
    private const string EditPage = "/verwaltung/kennzahlen/bearbeiten";

    internal static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    internal static Task<int> NodeAsync(AppFactory app, string number) =>
        QueryAsync(app, db => db.FieldsOfAction.Where(f => f.SeedKey == "field:" + number).Select(f => f.Id).SingleAsync());

    private static Dictionary<string, string> Form(int node, string name = "Anteil der Befragten, die sich nachts in der City sicher fühlen") => new()
    {
        ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Name"] = name, ["Unit"] = "%", ["DataSource"] = "Bürgerbefragung der Stadt Dortmund",
        ["Definition"] = "Anteil der Antworten „eher sicher“ oder „sehr sicher“.", ["BaselineValue"] = "40", ["BaselineDate"] = "2024-01-01",
        ["TargetValue"] = "60", ["TargetDate"] = "2028-01-01", ["Direction"] = "HigherIsBetter", ["IsPublic"] = "true",
    };

    internal static async Task<int> CreateAsync(HttpClient office, Dictionary<string, string> form)
    {
        var response = await office.PostFormAsync(EditPage, form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(response));
        return MeetingChainTests.IdFrom(response);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient office, int id, string csv, Encoding? encoding = null) =>
        await office.PostFileAsync($"{EditPage}/{id}?handler=Import", $"{EditPage}/{id}", [], "file", "werte.csv", (encoding ?? new UTF8Encoding(true)).GetBytes(csv));

    private static async Task<string> StatusAsync(AppFactory app, int id) =>
        (await Users.Client(app).GetPageAsync($"/kennzahlen/{id}")).QuerySelector(".indicator-status")!.Text();

    [Theory, Engines]
    public async Task Values_typed_and_imported_give_a_status_against_target_with_its_rule_a_chart_and_a_table(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateAsync(office, Form(await NodeAsync(app, "2.5")));
        Assert.Contains("Status: ohne Bewertung", await StatusAsync(app, id));

        // German spreadsheet CSV: semicolons, decimal commas, a header with unit and note.
        var imported = await ImportAsync(office, id, "Datum;Wert;Einheit;Anmerkung\n01.01.2025;44,5;%;Befragung 2024\n2025-07-01;47;%;\n");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        // Half way from 2024-01-01 to 2028-01-01 the path is at 50 %; 49 % lags by 1 point, within 10 % of the 20 points: at risk.
        var typed = await office.PostFormAsync($"{EditPage}/{id}?handler=Value", new() { ["ValueDate"] = "2026-01-01", ["Value"] = "49", ["ValueNote"] = "Befragung 2025" }, $"{EditPage}/{id}");
        Assert.True(typed.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(typed));
        Assert.Contains("Status: gefährdet", await StatusAsync(app, id));
        Assert.Contains("letzter Wert 49 % am 01.01.2026", await StatusAsync(app, id));

        var page = await Users.Client(app).GetPageAsync($"/kennzahlen/{id}");
        var rule = page.QuerySelector("details.rule")!.Text();
        Assert.Contains("an diesem Tag wären 50,01 % zu erwarten", rule);
        Assert.Contains("Gefährdet: höchstens 10 % der Strecke", rule);
        var svg = page.QuerySelector("figure.chart svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("Anteil der Befragten", svg.QuerySelector("title")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")!.TextContent));
        Assert.Equal(svg.QuerySelector("desc")!.TextContent.Trim(), page.QuerySelector("figure.chart figcaption")!.TextContent.Trim());
        Assert.Equal(["01.01.2025 | 44,5 % | Befragung 2024", "01.07.2025 | 47 % | ", "01.01.2026 | 49 % | Befragung 2025"],
            page.QuerySelectorAll("details table tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.Text()))));

        // Ahead of the path: on track; far behind: off track.
        await office.PostFormAsync($"{EditPage}/{id}?handler=Value", new() { ["ValueDate"] = "2026-06-01", ["Value"] = "56" }, $"{EditPage}/{id}");
        Assert.Contains("Status: auf Kurs", await StatusAsync(app, id));
        await office.PostFormAsync($"{EditPage}/{id}?handler=Value", new() { ["ValueDate"] = "2026-09-01", ["Value"] = "44" }, $"{EditPage}/{id}");
        Assert.Contains("Status: nicht auf Kurs", await StatusAsync(app, id));

        // The list shows latest value and status, and filters by status.
        var list = await Users.Client(app).GetPageAsync("/kennzahlen?status=OffTrack");
        Assert.Equal(["Anteil der Befragten, die sich nachts in der City sicher fühlen", "Feld", "44 % (01.09.2026)", "60 % (01.01.2028)", "nicht auf Kurs"],
            list.QuerySelectorAll("tbody tr td").Select((c, i) => i == 1 ? "Feld" : c.Text()));
        Assert.Empty((await Users.Client(app).GetPageAsync("/kennzahlen?status=OnTrack")).QuerySelectorAll("tbody tr"));
        Assert.Equal("Kennzahlen zu 2.5: 1 nicht auf Kurs", (await Users.Client(app).GetPageAsync("/handlungsfelder")).QuerySelector(".kpi-summary")!.Text());

        // A second value for the same date is refused with its message.
        var twice = await office.PostFormAsync($"{EditPage}/{id}?handler=Value", new() { ["ValueDate"] = "2026-09-01", ["Value"] = "45" }, $"{EditPage}/{id}");
        Assert.Contains("Für den 01.09.2026 ist bereits ein Wert erfasst.", await MeetingChainTests.Errors(twice));
        Assert.Equal(5, await QueryAsync(app, db => db.IndicatorValues.CountAsync(v => v.IndicatorId == id)));
    }

    [Theory, Engines]
    public async Task A_csv_with_errors_imports_nothing_and_names_every_wrong_line(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateAsync(office, Form(await NodeAsync(app, "2.5")));

        var response = await ImportAsync(office, id, string.Join("\n",
            "Datum;Wert;Einheit",
            "01.01.2025;44,5;%",        // fine, but the file as a whole is refused
            "01.02.2025;12;Fälle",      // wrong unit
            "01.01.2025;45;%",          // duplicate date
            "01.03.2025;viel;%",        // not a number
            "31.02.2025;40;%",          // no such date
            "01.01.2030;40;%",          // in the future
            "01.04.2025;40"));          // a field missing
        var errors = (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary li").Select(e => e.Text()).ToList();
        Assert.Equal(
        [
            "Zeile 3: Die Einheit „Fälle“ passt nicht zur Kennzahl (erwartet: „%“).",
            "Zeile 4: Das Datum 01.01.2025 steht schon in Zeile 2.",
            "Zeile 5: „viel“ ist keine Zahl.",
            "Zeile 6: „31.02.2025“ ist kein Datum (erwartet: 31.12.2025 oder 2025-12-31).",
            "Zeile 7: Das Datum 01.01.2030 liegt in der Zukunft.",
            "Zeile 8: Die Zeile hat 2 Felder, die Kopfzeile 3.",
        ], errors);
        Assert.Equal(0, await QueryAsync(app, db => db.IndicatorValues.CountAsync()));

        var latin1 = await ImportAsync(office, id, "Datum;Wert;Anmerkung\n01.01.2025;44;Größe\n", Encoding.Latin1);
        Assert.Contains("nicht UTF-8-kodiert", await MeetingChainTests.Errors(latin1));
        var header = await ImportAsync(office, id, "Tag;Zahl\n01.01.2025;44\n");
        Assert.Contains("Die Kopfzeile braucht die Spalten „Datum“ und „Wert“", await MeetingChainTests.Errors(header));
        Assert.Equal(0, await QueryAsync(app, db => db.IndicatorValues.CountAsync()));

        // Bad definitions are refused on the form, too.
        var form = Form(await NodeAsync(app, "2.5"));
        form["TargetDate"] = "2023-01-01";
        form["BaselineValue"] = "vierzig";
        var refused = await office.PostFormAsync(EditPage, form);
        Assert.Contains("Der Ausgangswert muss eine Zahl sein", await MeetingChainTests.Errors(refused));
        form["BaselineValue"] = "40";
        refused = await office.PostFormAsync(EditPage, form);
        Assert.Contains("Das Zieldatum muss nach dem Datum des Ausgangswerts liegen.", await MeetingChainTests.Errors(refused));
        Assert.Equal(1, await QueryAsync(app, db => db.Indicators.CountAsync()));
    }

    [Fact]
    public void The_status_rule_respects_direction_missing_targets_and_the_target_date()
    {
        var fewer = new Indicator
        {
            Name = "Straftaten im öffentlichen Raum", Unit = "Fälle", Direction = IndicatorDirection.LowerIsBetter,
            BaselineValue = 1000, BaselineDate = new DateOnly(2024, 1, 1), TargetValue = 800, TargetDate = new DateOnly(2026, 1, 1),
        };
        IndicatorValue V(int year, int month, decimal value) => new() { Date = new DateOnly(year, month, 1), Value = value };

        // After the target date the path stays at the target: 815 is 15 behind, within 10 % of 200.
        Assert.Equal(IndicatorStatus.AtRisk, Indicators.Assess(fewer, [V(2025, 1, 700), V(2026, 6, 815)]).Status);
        Assert.Equal(IndicatorStatus.OnTrack, Indicators.Assess(fewer, [V(2026, 6, 790)]).Status);
        Assert.Equal(IndicatorStatus.OffTrack, Indicators.Assess(fewer, [V(2026, 6, 830)]).Status);
        Assert.Equal(800m, Indicators.Assess(fewer, [V(2027, 1, 830)]).Expected);
        // The latest value decides, whatever the order.
        Assert.Equal(IndicatorStatus.OnTrack, Indicators.Assess(fewer, [V(2026, 6, 790), V(2025, 1, 2000)]).Status);
        Assert.Equal(IndicatorStatus.Unknown, Indicators.Assess(fewer, []).Status);
        fewer.TargetValue = null;
        fewer.TargetDate = null;
        var unknown = Indicators.Assess(fewer, [V(2026, 6, 790)]);
        Assert.Equal((IndicatorStatus.Unknown, "ohne Bewertung"), (unknown.Status, unknown.Label));
        Assert.Contains("Ohne Ausgangswert und Ziel", unknown.Rule);
    }

    [Theory, Engines]
    public async Task The_api_reads_public_indicators_and_lets_the_office_write_with_optimistic_concurrency(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var node = await NodeAsync(app, "2.5");

        var created = await office.PostAsJsonAsync("/api/v1/indicators", new
        {
            fieldOfActionId = node, name = "Beleuchtete Angsträume", unit = "Orte", baselineValue = 10, baselineDate = "2025-01-01",
            targetValue = 30, targetDate = "2027-01-01", direction = "HigherIsBetter", isPublic = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await office.PostAsJsonAsync("/api/v1/indicators", new { fieldOfActionId = node, name = "Intern", unit = "Fälle", direction = "LowerIsBetter", isPublic = false });

        var csv = new StringContent("date,value,unit\n2025-06-01,14,Orte\n2026-01-01,21,Orte\n", Encoding.UTF8, "text/csv");
        var import = await office.PostAsync($"/api/v1/indicators/{id}/values/csv", csv);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(2, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        var bad = await office.PostAsync($"/api/v1/indicators/{id}/values/csv", new StringContent("date,value\n2026-02-01,x\n2026-02-01,3\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([2, 3], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await office.PostAsync($"/api/v1/indicators/{id}/values/csv", new StringContent("date,value", Encoding.UTF8, "text/plain"))).StatusCode);

        var value = await office.PostAsJsonAsync($"/api/v1/indicators/{id}/values", new { date = "2026-06-01", value = 25.5 });
        Assert.Equal(HttpStatusCode.Created, value.StatusCode);
        var refused = await office.PostAsJsonAsync($"/api/v1/indicators/{id}/values", new { date = "2026-06-01", value = 26 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("date", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        // Anonymous readers see only the public indicator, with status and values.
        var anonymous = Users.Client(app);
        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
        Assert.Equal([id], list.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var one = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{id}");
        Assert.Equal(3, one.GetProperty("values").GetArrayLength());
        Assert.Equal("OnTrack", one.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/indicators", new { name = "x" })).StatusCode);

        // Two writers based on version 1: the second is told, with the current version.
        var change = new { fieldOfActionId = node, name = "Beleuchtete Angsträume (neu)", unit = "Orte", direction = "HigherIsBetter", isPublic = true, version = 1 };
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/v1/indicators/{id}", change)).StatusCode);
        var stale = await office.PutAsJsonAsync($"/api/v1/indicators/{id}", change with { });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());
    }
}
