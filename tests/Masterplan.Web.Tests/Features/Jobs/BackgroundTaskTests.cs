using System.Net;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Tests.Features.Labs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Jobs;

/// <summary>
/// Long work in the background: the register upload, the panel draw and the letters start on the draw page, answer 303 to
/// a progress page and end at their result; bad input is still answered on the form and starts nothing; a task whose
/// instance died is marked failed and leaves no half-done data; uploads and the letters PDF do not outlive their use.
/// </summary>
public class BackgroundTaskTests
{
    private static readonly Dictionary<string, string> LetterDetails = new()
    {
        ["labDate"] = "2027-01-16", ["labStart"] = "10:00", ["labPlace"] = "Bürgerhaus Eving", ["deadline"] = "2027-01-08",
    };

    [Theory, Engines]
    public async Task A_register_upload_runs_in_the_background_with_a_progress_page_and_leads_to_the_draw_page(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);

        // Bad input is answered on the form, in German, and starts nothing.
        var missing = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", []);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Bitte wählen Sie die CSV-Datei des Melderegister-Auszugs.", await LabChainTests.BodyAsync(missing));
        var bad = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", "name;anschrift\nA;B\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("In der Kopfzeile fehlt: geburtsjahr, geschlecht, stadtbezirk.", await LabChainTests.BodyAsync(bad));
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundTasks.CountAsync());
        }

        var started = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(60));
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var progressUrl = started.Headers.Location!.OriginalString;
        var progress = await office.GetAsync(progressUrl);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var page = await LabChainTests.BodyAsync(progress);
        Assert.Contains("<h1>Melderegister-Auszug importieren</h1>", page);
        if (!page.Contains("Fertig.", StringComparison.Ordinal))
        {
            // Still at work: a progress bar with its text, a page that refreshes itself, and the controls of that refresh.
            Assert.Contains("<progress", page);
            Assert.Equal("3", progress.Headers.GetValues("Refresh").Single());
            Assert.Contains("Automatisch aktualisieren anhalten", page);
            Assert.False((await office.GetAsync(progressUrl + "?angehalten=1")).Headers.Contains("Refresh"));
        }

        // Others than the Office do not see it.
        var member = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(progressUrl)).StatusCode);

        var finished = await office.FinishAsync(started);
        Assert.Equal("done", finished.State);
        Assert.Equal($"{draw}?gespeichert=1", finished.ResultUrl);
        Assert.Contains("Weiter zum Ergebnis", finished.Page);
        Assert.Contains("Importierter Auszug: 60 Personen.", await LabChainTests.BodyAsync(await office.GetAsync(finished.ResultUrl!)));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(60, await db.RegisterEntries.CountAsync(r => r.LabId == id));
            // The uploaded file (personal data) is gone with the end of the task.
            Assert.False(await db.BackgroundTasks.AnyAsync(t => t.Input != null));
        }
    }

    [Theory, Engines]
    public async Task A_panel_draw_runs_in_the_background_reports_LEXIMINs_stages_and_stores_the_panel(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await LabChainTests.RegisteredLabAsync(app, office);
        var draw = $"/verwaltung/quartierslabore/{id}/losverfahren";
        var select = new Dictionary<string, string>
        {
            ["PanelSize"] = "4", ["Algorithm"] = "leximin", ["Seed"] = "3 9 21 30 41 45",
            ["Quotas"] = "Altersgruppe; 25-34; 1; 3\nAltersgruppe; 50-64; 1; 3\nGeschlecht; weiblich; 2; 2\nGeschlecht; männlich; 2; 2",
        };

        // Bad input, and quotas no panel meets, are answered on the form and start nothing.
        var refused = await office.PostFormAsync($"{draw}?handler=Select", new(select) { ["Quotas"] = "Geschlecht; weiblich; 5; 2" }, draw);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Quotenzeile 1: Für Geschlecht = weiblich liegt die Mindestzahl 5 über der Höchstzahl 2.", await LabChainTests.BodyAsync(refused));
        var infeasible = await office.PostFormAsync($"{draw}?handler=Select", new(select) { ["Quotas"] = select["Quotas"].Replace("Altersgruppe; 50-64; 1; 3", "Altersgruppe; 50-64; 1; 1", StringComparison.Ordinal) }, draw);
        Assert.Equal(HttpStatusCode.OK, infeasible.StatusCode);
        Assert.Contains("Keine Gruppe erfüllt alle Quoten zugleich.", await LabChainTests.BodyAsync(infeasible));
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundTasks.CountAsync());
        }

        var finished = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw));
        Assert.True(finished.State == "done", finished.Page);
        Assert.Contains("<h1>Teilnehmende auslosen</h1>", finished.Page);
        Assert.Contains("Ausgeloste Teilnehmende und Nachrückliste", await LabChainTests.BodyAsync(await office.GetAsync(finished.ResultUrl!)));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(4, await db.PanelSelections.Where(s => s.LabId == id).SelectMany(s => s.Outcomes).CountAsync(o => o.OnPanel));
            // The solver's last step was the progress: the lottery for the computed chances, assembled to 100 %.
            var task = await db.BackgroundTasks.SingleAsync();
            Assert.Equal("Prozent", task.Unit);
            Assert.Equal(100, task.Total);
            Assert.Equal(100, task.Done);
        }
    }

    [Theory, Engines]
    public async Task The_letters_are_made_in_the_background_and_their_PDF_is_kept_at_most_a_day(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var user = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, user);
        var id = await LabChainTests.ApprovedLabAsync(office);
        var draw = $"/verwaltung/quartierslabore/{id}/losverfahren";
        Assert.Equal("done", (await office.FinishAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(12)))).State);
        Assert.Equal(HttpStatusCode.Redirect,
            (await office.PostFormAsync($"{draw}?handler=Draw", new() { ["count"] = "3", ["method"] = "simple", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" }, draw)).StatusCode);

        var refused = await office.PostFormAsync($"{draw}?handler=Letters", new() { ["labDate"] = "2027-01-16" }, draw);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte geben Sie den Ort an", await LabChainTests.BodyAsync(refused));
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundTasks.CountAsync()); // the import only
        }

        var finished = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Letters", LetterDetails, draw));
        Assert.Equal("done", finished.State);
        Assert.Contains("Herunterladen: einladungen-quartierslabor-", finished.Page);
        Assert.Contains("Sie wird bis", finished.Page);
        var download = await office.GetAsync(finished.DownloadUrl);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        using (var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(6, pdf.NumberOfPages);
        }

        // A second download works (a broken transfer does not cost new codes) until a day has passed; then the file is gone.
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(finished.DownloadUrl)).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(25));
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<BackgroundTasks>().FailDeadAsync(null, CancellationToken.None);
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundTasks.AnyAsync(t => t.ResultFile != null));
        }

        office = await Users.SignInAsync(app, user); // the session of a day ago has ended
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(finished.DownloadUrl)).StatusCode);
        Assert.Contains("Die Datei wurde gelöscht", await LabChainTests.BodyAsync(await office.GetAsync(finished.Url)));
    }

    [Theory, Engines]
    public async Task The_letters_PDF_goes_with_the_labs_register_deletion(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);
        Assert.Equal("done", (await office.FinishAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(12)))).State);
        Assert.Equal(HttpStatusCode.Redirect,
            (await office.PostFormAsync($"{draw}?handler=Draw", new() { ["count"] = "3", ["method"] = "simple", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" }, draw)).StatusCode);
        var finished = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Letters", LetterDetails, draw));
        Assert.Equal("done", finished.State);

        // Pretend the grace period ended early: the deletion job removes the extract and the PDF that names the same people.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lab = await db.Labs.SingleAsync(l => l.Id == id);
            lab.LettersCreatedAt = lab.LettersCreatedAt!.Value.AddDays(-30);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            await ActivatorUtilities.CreateInstance<LabDataDeletionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundTasks.AnyAsync(t => t.ResultFile != null));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(finished.DownloadUrl)).StatusCode);
    }

    /// <summary>
    /// An instance killed during an import: its transaction was never committed, so the database holds no row of it, and
    /// the task it left "running" stops getting heartbeats. The next look (the sweep at start-up and every minute, or the
    /// progress page) marks it failed with a message and deletes its upload.
    /// </summary>
    [Theory, Engines]
    public async Task A_task_whose_instance_died_is_marked_failed_and_leaves_no_half_done_data(DatabaseProvider engine)
    {
        // No scheduler: the task waits, and the test plays the instance that takes it and dies.
        await using var app = await AppFactory.StartAsync(engine, NoJobs);
        var (office, id, draw, url) = await QueuedImportAsync(app, 60);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = app.Clock.GetUtcNow();
            var task = await db.BackgroundTasks.SingleAsync();
            Assert.NotNull(task.Input);
            task.State = BackgroundTaskState.Running;
            task.StartedAt = now;
            task.HeartbeatAt = now;
            await db.SaveChangesAsync();

            // The work's transaction, half written when the process dies: its connection goes away without a commit.
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < 30; i++)
            {
                db.RegisterEntries.Add(new RegisterEntry { LabId = id, RowIndex = i, Line = i + 2, Name = $"Halb {i}", Address = "Weg 1", BirthYear = 1970, Gender = "w", District = "Eving" });
            }

            await db.SaveChangesAsync();
        }

        // Within the limit it still counts as running.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var status = JsonDocument.Parse(await office.GetStringAsync(url + "?handler=Status")))
        {
            Assert.Equal("running", status.RootElement.GetProperty("state").GetString());
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var page = await LabChainTests.BodyAsync(await office.GetAsync(url));
        Assert.Contains("Die Arbeit ist fehlgeschlagen", page);
        Assert.Contains("Der Server wurde während der Arbeit beendet; es wurde nichts gespeichert. Bitte starten Sie die Arbeit erneut.", page);
        Assert.Contains("Zurück zum Formular", page);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var task = await db.BackgroundTasks.AsNoTracking().SingleAsync();
            Assert.Equal(BackgroundTaskState.Failed, task.State);
            Assert.Null(task.Input);
            Assert.Equal(0, await db.RegisterEntries.CountAsync());
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "lab.register.imported");
        }

        // The draw page offers the import again.
        Assert.Contains("Auszug importieren", await LabChainTests.BodyAsync(await office.GetAsync(draw)));
    }

    /// <summary>
    /// A task whose start the scheduler missed (the server was busy, or the clock moved on) is started late, by the app's
    /// clock. A trigger on the machine's clock was "missed" again at every look while the app's clock ran ahead of it,
    /// and the scheduler looped on it until the process ran out of memory.
    /// </summary>
    [Theory, Engines]
    public async Task A_task_whose_start_was_missed_runs_when_the_apps_clock_is_ahead_of_the_machines(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        var started = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(10));
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow().AddYears(1));
        await scheduler.Start();

        // Read in the database: a year on, the Office's sign-in has expired.
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        BackgroundTaskState state;
        do
        {
            await Task.Delay(50);
            await using var scope = app.Scope();
            state = await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundTasks.Select(t => t.State).SingleAsync();
        }
        while (state is BackgroundTaskState.Queued or BackgroundTaskState.Running && watch.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(BackgroundTaskState.Done, state);
    }

    /// <summary>
    /// On SQLite a long import holds the one write lock until it commits. Reading the progress must not need that lock: a page
    /// read that waited for it got "database is locked" (500) once the import took longer than the busy timeout.
    /// </summary>
    [Fact]
    public async Task The_progress_page_answers_while_another_connection_holds_SQLites_write_lock()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, NoJobs);
        var (office, _, _, url) = await QueuedImportAsync(app, 10);

        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection(app.Database.ConnectionString);
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var status = await office.GetAsync(url + "?handler=Status");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("In der Warteschlange", await LabChainTests.BodyAsync(await office.GetAsync(url)));
    }

    [Fact]
    public async Task A_task_no_instance_takes_says_so_after_a_minute_instead_of_waiting_without_a_word()
    {
        // Background work switched off on every instance: nothing takes the task.
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, NoJobs);
        var (office, _, _, url) = await QueuedImportAsync(app, 10);
        Assert.DoesNotContain("Hintergrundverarbeitung", await LabChainTests.BodyAsync(await office.GetAsync(url)));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var page = await office.GetPageAsync(url);
        Assert.StartsWith("In der Warteschlange seit 23.11.2026 09:00. ", page.QuerySelector("#task-stage")!.TextContent);
        Assert.Contains("Hintergrundverarbeitung vielleicht ausgeschaltet (Jobs:Enabled)", page.QuerySelector("#task-stage")!.TextContent);
        Assert.NotNull(page.QuerySelector("form button"));
        using var status = JsonDocument.Parse(await office.GetStringAsync(url + "?handler=Status"));
        Assert.Equal("queued", status.RootElement.GetProperty("state").GetString());
        Assert.Contains("Jobs:Enabled", status.RootElement.GetProperty("stage").GetString(), StringComparison.Ordinal);
    }

    [Theory, Engines]
    public async Task A_task_cancelled_while_it_waits_ends_at_once_and_drops_its_upload(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, NoJobs);
        var (office, _, _, url) = await QueuedImportAsync(app, 10);
        Assert.Contains("In der Warteschlange", await LabChainTests.BodyAsync(await office.GetAsync(url)));
        var cancelled = await office.PostFormAsync(url + "?handler=Cancel", [], url);
        Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
        var page = await LabChainTests.BodyAsync(await office.GetAsync(url));
        Assert.Contains("Abgebrochen. Es wurde nichts gespeichert.", page);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(BackgroundTaskState.Cancelled, (await db.BackgroundTasks.SingleAsync()).State);
        Assert.False(await db.BackgroundTasks.AnyAsync(t => t.Input != null));
    }

    // No instance takes a task: it stays queued, and the test plays whatever happens to it.
    private static readonly Dictionary<string, string?> NoJobs = new(LabChainTests.Settings) { ["Jobs:Enabled"] = "false" };

    // The Office uploads a register extract of that many rows to a new lab; the address of the import's progress page.
    private static async Task<(HttpClient Office, int Lab, string Draw, string Url)> QueuedImportAsync(AppFactory app, int rows)
    {
        var (office, id, draw) = await LabChainTests.OfficeWithLabAsync(app);
        var started = await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(rows));
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        return (office, id, draw, started.Headers.Location!.OriginalString);
    }
}
