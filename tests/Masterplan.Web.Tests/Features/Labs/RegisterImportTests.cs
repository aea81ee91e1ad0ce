using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Labs.Manage;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>Bad input (docs/domain.md#bad-input): register extracts with problems get line-numbered German messages and import nothing.</summary>
public class RegisterImportTests
{
    [Theory, Engines]
    public async Task A_register_extract_with_problems_is_refused_with_line_numbers_and_nothing_is_stored(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);

        async Task<string> ImportAsync(byte[] csv)
        {
            var response = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", csv);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await LabChainTests.BodyAsync(response);
        }

        const string header = "name;anschrift;geburtsjahr;geschlecht;stadtbezirk\n";
        var windows1252 = Encoding.Latin1.GetBytes(header + "Jürgen Weiß;Hansastr. 1, 44137 Dortmund;1970;m;Innenstadt-West\n");
        Assert.Contains("Die Datei ist nicht in UTF-8 gespeichert", await ImportAsync(windows1252));

        Assert.Contains("In der Kopfzeile fehlt: geburtsjahr, geschlecht.", await ImportAsync(Encoding.UTF8.GetBytes("name;anschrift;stadtbezirk\nA;B;Eving\n")));

        var problems = await ImportAsync(Encoding.UTF8.GetBytes(header
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West\n"
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West\n"
            + "Bernd Bau;Hansastr. 2, 44137 Dortmund;1850;m;Innenstadt-West\n"
            + "Cem Can;Hansastr. 3, 44137 Dortmund;2030;m;Innenstadt-West\n"
            + "Dora Dahl;Hansastr. 4, 44137 Dortmund;1980;q;Innenstadt-West\n"
            + "Emil Ende;Hansastr. 5, 44137 Dortmund;1980;m;Bochum\n"
            + new string('F', 301) + ";Hansastr. 6, 44137 Dortmund;1980;w;Eving\n"));
        // Longer than the database keeps on PostgreSQL: a message of its line, the same on both engines.
        Assert.Contains("Zeile 8: Das Feld „name“ ist länger als 200 Zeichen.", problems);
        Assert.Contains("Zeile 3: Dieselbe Person (gleicher Name, gleiche Anschrift, gleiches Geburtsjahr) steht schon in Zeile 2.", problems);
        Assert.Contains("Zeile 4: Das Geburtsjahr 1850 ergibt ein Alter über 120 Jahren; das ist unmöglich.", problems);
        Assert.Contains("Zeile 5: Das Geburtsjahr 2030 liegt nach dem Stichtag.", problems);
        Assert.Contains("Zeile 6: Das Geschlecht „q“ ist unbekannt", problems);
        Assert.Contains("Zeile 7: Der Stadtbezirk „Bochum“ ist keiner der zwölf Dortmunder Stadtbezirke.", problems);
        Assert.Contains("Eine Datei mit Fehlern wird gar nicht übernommen.", problems);

        // In English the same problems, built from the reader's fields (value, other line, limit), not from its sentences.
        office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await ImportAsync(Encoding.UTF8.GetBytes(header
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West\n"
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West\n"
            + "Bernd Bau;Hansastr. 2, 44137 Dortmund;1850;m;Innenstadt-West\n"
            + "Dora Dahl;Hansastr. 4, 44137 Dortmund;19x0;q;Innenstadt-West\n"
            + "Emil Ende;;1980;m;Bochum\n"));
        Assert.Contains("Line 3: The same person (same name, address and year of birth) is already in line 2.", english);
        Assert.Contains("Line 4: The year of birth 1850 gives an age over 120 years; that is impossible.", english);
        Assert.Contains("Line 5: The year of birth “19x0” is not a year (four digits expected).", english);
        Assert.Contains("Line 5: The gender “q” is unknown; the register uses m, w, d and x.", english);
        Assert.Contains("Line 6: A required field is empty (“anschrift”).", english);
        Assert.Contains("Line 6: The district “Bochum” is not one of Dortmund's twelve city districts.", english);
        Assert.DoesNotContain("Zeile", english);
        Assert.Contains("The header lacks: name, geburtsjahr.", await ImportAsync(Encoding.UTF8.GetBytes("anschrift;geschlecht;stadtbezirk\nB;w;Eving\n")));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.RegisterEntries.CountAsync());
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "lab.register.imported");
    }

    [Theory, Engines]
    public async Task A_new_import_replaces_the_earlier_extract_and_every_value_reads_back_exactly(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);

        async Task ImportAsync(string csv)
        {
            var response = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", Encoding.UTF8.GetBytes(csv));
            Assert.Equal("done", (await office.FinishAsync(response)).State);
        }

        await ImportAsync("name;anschrift;geburtsjahr;geschlecht;stadtbezirk;statistischer_bezirk\n"
            + "Anna Alt;Hansastr. 1, 44137 Dortmund;1970;w;Innenstadt-West;City-West\n"
            + "Bernd Bau;Hansastr. 2, 44137 Dortmund;1980;m;Innenstadt-West;Dorstfeld\n"
            + "Cem Can;Hansastr. 3, 44137 Dortmund;1990;m;Eving;Brechten\n");

        // The second file has no sub-district column, so the sub-district is null.
        await ImportAsync("name;anschrift;geburtsjahr;geschlecht;stadtbezirk\n"
            + "Jürgen Weiß-Öztürk;Große Straße 5, 44137 Dortmund;1955;d;Hörde\n"
            + "Ayşe Çelik;Mühlenweg 12a, 44339 Dortmund;2004;x;Innenstadt-Nord\n");

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.RegisterEntries.Where(r => r.LabId == id).OrderBy(r => r.RowIndex).ToListAsync();
        Assert.Collection(rows,
            r => Assert.Equal((0, 2, "Jürgen Weiß-Öztürk", "Große Straße 5, 44137 Dortmund", 1955, "d", "Hörde", (string?)null),
                (r.RowIndex, r.Line, r.Name, r.Address, r.BirthYear, r.Gender, r.District, r.SubDistrict)),
            r => Assert.Equal((1, 3, "Ayşe Çelik", "Mühlenweg 12a, 44339 Dortmund", 2004, "x", "Innenstadt-Nord", (string?)null),
                (r.RowIndex, r.Line, r.Name, r.Address, r.BirthYear, r.Gender, r.District, r.SubDistrict)));
        Assert.Equal(2, await db.RegisterEntries.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "lab.register.imported"));

        // A third import with sub-districts stores them again, and the draw's reader sees the same residents.
        await ImportAsync("name;anschrift;geburtsjahr;geschlecht;stadtbezirk;statistischer_bezirk\n"
            + "Jürgen Weiß-Öztürk;Große Straße 5, 44137 Dortmund;1955;m;Hörde;Schüren\n");
        db.ChangeTracker.Clear();
        var only = Assert.Single(await db.RegisterEntries.Where(r => r.LabId == id).ToListAsync());
        Assert.Equal(("Jürgen Weiß-Öztürk", "m", "Schüren", 2), (only.Name, only.Gender, only.SubDistrict, only.Line));
    }
}

/// <summary>The draw's steps build on each other: while one runs in the background for a lab, the others wait.</summary>
public class DrawStepOrderTests
{
    [Fact]
    public async Task While_an_import_runs_in_the_background_no_other_step_of_the_draw_starts_and_nothing_is_stored()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, LabChainTests.Settings);
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);
        Assert.Equal("done", (await office.FinishAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(30)))).State);

        // A corrected extract is being imported (as the background job holds it: running, not finished).
        int running;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var task = new BackgroundTask
            {
                Title = "Melderegister-Auszug importieren", ReturnUrl = draw, Kind = Masterplan.Web.Features.Labs.Manage.DrawTasks.Import, SubjectId = id,
                Policy = LabsModule.Manage, State = BackgroundTaskState.Running, Culture = "de-DE", StartedBy = "office",
                CreatedAt = app.Clock.GetUtcNow(), StartedAt = app.Clock.GetUtcNow(),
            };
            db.BackgroundTasks.Add(task);
            await db.SaveChangesAsync();
            running = task.Id;
        }

        const string Busy = "Für dieses Labor läuft noch eine Arbeit im Hintergrund";
        var drawForm = new Dictionary<string, string> { ["count"] = "10", ["method"] = "simple", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" };
        var refused = await LabChainTests.BodyAsync(await office.PostFormAsync($"{draw}?handler=Draw", drawForm, draw));
        Assert.Contains(Busy, refused);
        Assert.Contains($"/verwaltung/auftraege/{running}", refused);
        Assert.Contains(Busy, await LabChainTests.BodyAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(40))));
        Assert.Equal(0, await Catalogue.IndicatorTests.QueryAsync(app, db => db.LabInvitations.CountAsync(i => i.LabId == id)));
        Assert.Equal(1, await Catalogue.IndicatorTests.QueryAsync(app, db => db.BackgroundTasks.CountAsync(t => t.SubjectId == id && t.Kind == Masterplan.Web.Features.Labs.Manage.DrawTasks.Import && t.State != BackgroundTaskState.Done)));

        // Once it has ended, the draw goes ahead.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.BackgroundTasks.SingleAsync(t => t.Id == running)).State = BackgroundTaskState.Done;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{draw}?handler=Draw", drawForm, draw)).StatusCode);
        Assert.Equal(10, await Catalogue.IndicatorTests.QueryAsync(app, db => db.LabInvitations.CountAsync(i => i.LabId == id)));
    }

    /// <summary>Two clicks in the same instant can both pass the page's check; the database then keeps one task and refuses the other.</summary>
    [Theory, Engines]
    public async Task Two_steps_started_in_the_same_instant_give_one_task_and_the_lab_is_free_again_when_it_ends(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?>(LabChainTests.Settings) { ["Jobs:Enabled"] = "false" });
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await LabChainTests.ApprovedLabAsync(office);
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "office")], "test"));
        async Task<int?> StartLettersAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<BackgroundTasks>().StartAsync(DrawTasks.Letters, id, LabsModule.Manage, null, null, user,
                DrawTasks.LettersTitle, DrawTasks.DrawPage(id), DrawTasks.Lane(id), CancellationToken.None);
        }

        var first = await StartLettersAsync();
        Assert.NotNull(first);
        Assert.Null(await StartLettersAsync());
        Assert.Equal(1, await Catalogue.IndicatorTests.QueryAsync(app, db => db.BackgroundTasks.CountAsync(t => t.SubjectId == id)));

        // Cancelled while it waits: the lab's next step may start.
        var url = $"/verwaltung/auftraege/{first}";
        Assert.Equal(HttpStatusCode.SeeOther, (await office.PostFormAsync(url + "?handler=Cancel", [], url)).StatusCode);
        Assert.NotNull(await StartLettersAsync());
    }
}
