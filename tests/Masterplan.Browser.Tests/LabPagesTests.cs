using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Masterplan.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The Quartierslabore as the Office and a resident use them: every Office page, the public pages and the
/// registration form (empty, with errors, filled) pass axe.
/// </summary>
[Collection(SiteCollection.Name)]
public partial class LabPagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_lab_from_creation_to_panel_selection_passes_axe_on_every_page_and_error_state()
    {
        var failures = new List<string>();
        Task Check(IPage page, string what) => Axe.CheckAsync(page, what, failures, output);

        var office = await SignedInOfficeAsync();
        await office.GotoAsync(site.BaseUrl + "/verwaltung/quartierslabore");
        await Check(office, "/verwaltung/quartierslabore");
        // An earlier lab sent without anything: the summary names each field and stands at that form.
        await office.GetByRole(AriaRole.Button, new() { Name = "Nachtragen" }).ClickAsync();
        await office.WaitForSelectorAsync("#frueheres-labor ~ .error-summary");
        await Check(office, "/verwaltung/quartierslabore (earlier lab, errors)");
        await office.GotoAsync(site.BaseUrl + "/verwaltung/quartierslabore");

        // Choosing a quarter selects the district the plan proposes for it; back to the first for the rest of the test.
        var second = office.Locator("#Quarter option").Nth(1);
        await office.GetByLabel("Quartal", new() { Exact = true }).SelectOptionAsync(await second.GetAttributeAsync("value") ?? "");
        Assert.Equal(await second.GetAttributeAsync("data-district"), await office.GetByLabel("Stadtbezirk", new() { Exact = true }).InputValueAsync());
        var first = office.Locator("#Quarter option").First;
        await office.GetByLabel("Quartal", new() { Exact = true }).SelectOptionAsync(await first.GetAttributeAsync("value") ?? "");
        Assert.Equal(await first.GetAttributeAsync("data-district"), await office.GetByLabel("Stadtbezirk", new() { Exact = true }).InputValueAsync());
        await office.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).ClickAsync();
        Assert.Contains("Bitte geben Sie einen Titel an.", await office.Locator(".error-summary").TextContentAsync());
        await Check(office, "/verwaltung/quartierslabore (errors)");
        await office.GetByLabel("Titel", new() { Exact = true }).FillAsync("Quartierslabor im Browser");
        await office.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).ClickAsync();
        await office.WaitForURLAsync(new Regex("/verwaltung/quartierslabore/[0-9]+$"));
        var labUrl = office.Url;
        var id = labUrl.Split('/').Last();
        await Check(office, "/verwaltung/quartierslabore/{id}");

        await office.GetByRole(AriaRole.Button, new() { Name = "Weiter zu: Konzept beschlossen" }).ClickAsync();
        Assert.Contains("Im Konzept fehlt", await office.Locator(".error-summary").TextContentAsync());
        await Check(office, "/verwaltung/quartierslabore/{id} (errors)");
        await office.GetByLabel("Wie die Lokalpolitik informiert und beteiligt wird").FillAsync("Die Bezirksvertretung wird informiert.");
        await office.GetByLabel("Wie Bürgerinnen und Bürger digital beitragen").FillAsync("Online-Beteiligung, veröffentlicht und ausgewertet.");
        await office.GetByLabel("Wie Vereine, Jugend und Sozialarbeit beteiligt werden").FillAsync("Jugendring und Vereine laden ein.");
        await office.GetByLabel("Konzept beschlossen am").FillAsync("2026-11-02");
        await office.GetByLabel("Beschlossen von").FillAsync("Bezirksvertretung");
        await office.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Weiter zu: Konzept beschlossen" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "Losverfahren: Melderegister, Einladungen, Auslosung" }).ClickAsync();
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren");

        // A bad extract first, then a good one.
        await office.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "auszug.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("name;anschrift\nA;B\n") });
        await office.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        Assert.Contains("In der Kopfzeile fehlt", await office.Locator(".error-summary").TextContentAsync());
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren (import errors)");
        var csv = new StringBuilder("name;anschrift;geburtsjahr;geschlecht;stadtbezirk\n");
        for (var i = 1; i <= 30; i++)
        {
            csv.Append($"Person {i};Weg {i}, 44135 Dortmund;{1950 + i};{(i % 2 == 0 ? "w" : "m")};Innenstadt-Ost\n");
        }

        await office.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "auszug.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await office.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        await FinishTaskAsync(office, "Melderegister-Auszug importieren", Check);
        await office.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Ergebnis" }).ClickAsync();
        Assert.Contains("Importierter Auszug: 30 Personen.", await office.Locator("main").TextContentAsync());
        await office.GetByLabel("Anzahl der Einladungen").FillAsync("8");
        await office.GetByLabel("Startwert (Seed) aus einem öffentlichen Akt").FillAsync("5 12 19 27");
        await office.GetByRole(AriaRole.Button, new() { Name = "Losen" }).ClickAsync();
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren (drawn)");
        await office.GetByLabel("Tag des Quartierslabors").FillAsync("2030-03-16");
        await office.GetByLabel("Beginn (Uhrzeit)").FillAsync("10:00");
        await office.GetByLabel("Ort (Name und Anschrift)").FillAsync("Bürgerhaus, Weg 1, 44135 Dortmund");
        await office.GetByLabel("Anmeldeschluss").FillAsync("2030-03-01");
        await office.GetByRole(AriaRole.Button, new() { Name = "Einladungsschreiben als PDF erzeugen" }).ClickAsync();
        await FinishTaskAsync(office, "Einladungsschreiben erzeugen", Check);
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Link, new() { Name = "Herunterladen:" }).ClickAsync());
        var pdfPath = Path.Combine(Path.GetTempPath(), $"letters-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdfPath);
        List<string> codes;
        using (var pdf = PdfDocument.Open(pdfPath))
        {
            // Two pages a letter; the code is printed in groups of four with spaces.
            codes = pdf.GetPages().Where((_, i) => i % 2 == 0).Select(p => CodePattern().Match(string.Join(" ", p.GetWords().Select(w => w.Text))).Value.Replace(' ', '-')).ToList();
        }

        File.Delete(pdfPath);
        Assert.Equal(8, codes.Count);
        await office.GotoAsync(labUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "Weiter zu: Anmeldung offen" }).ClickAsync();

        // A resident: the code form, a mistyped code, the registration form, its errors, the confirmation.
        var resident = await site.NewPageAsync();
        await resident.GotoAsync(site.BaseUrl + "/quartierslabore/anmeldung");
        await Check(resident, "/quartierslabore/anmeldung");
        await resident.GetByLabel("Ihr Code").FillAsync("ABCD-EFGH-JKLM");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        Assert.Contains("nicht richtig geschrieben", await resident.Locator(".error-summary").TextContentAsync());
        await Check(resident, "/quartierslabore/anmeldung (wrong code)");
        for (var i = 0; i < 4; i++)
        {
            await resident.GotoAsync(site.BaseUrl + "/quartierslabore/anmeldung?code=" + codes[i]);
            if (i == 0)
            {
                await Check(resident, "/quartierslabore/anmeldung?code=… (form)");
                await resident.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
                Assert.Contains("Bitte wählen Sie Ihre Altersgruppe.", await resident.Locator(".error-summary").TextContentAsync());
                await Check(resident, "/quartierslabore/anmeldung (form errors)");
            }

            await resident.GetByLabel("Altersgruppe").SelectOptionAsync(new SelectOptionValue { Index = 1 + i });
            await resident.GetByLabel(i % 2 == 0 ? "weiblich" : "männlich", new() { Exact = true }).CheckAsync();
            await resident.GetByLabel("E-Mail-Adresse oder Telefonnummer für das Labor").FillAsync($"bewohner{i}@example.org");
            await resident.GetByLabel("Ich bin einverstanden").CheckAsync();
            await resident.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
            Assert.Contains("Vielen Dank", await resident.Locator("main").TextContentAsync());
        }

        await Check(resident, "/quartierslabore/anmeldung (registered)");

        // The Office selects the panel.
        await office.GotoAsync(labUrl + "/losverfahren");
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren (selection form)");
        await office.GetByLabel("Zahl der Teilnehmenden").FillAsync("2");
        await office.GetByLabel("Startwert (Seed) aus einem öffentlichen Akt", new() { Exact = true }).FillAsync("8 15 23");
        await office.GetByRole(AriaRole.Button, new() { Name = "Teilnehmende auslosen" }).ClickAsync();
        await FinishTaskAsync(office, "Teilnehmende auslosen", Check);
        await office.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Ergebnis" }).ClickAsync();
        Assert.True(await office.Locator("table").IsVisibleAsync());
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren (selected)");
        await office.GetByRole(AriaRole.Button, new() { Name = "Nachrechnen" }).ClickAsync();
        Assert.Contains("Übereinstimmung", await office.Locator("main").TextContentAsync());
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren (replayed)");

        // Held: the results forms.
        await office.GotoAsync(labUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "Weiter zu: Teilnehmende ausgelost" }).ClickAsync();
        await office.GetByLabel("Durchgeführt am").FillAsync(DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Weiter zu: durchgeführt" }).ClickAsync();
        await office.GetByLabel("Text der Empfehlung").FillAsync("Mehr Licht im Park");
        await office.GetByRole(AriaRole.Button, new() { Name = "Empfehlung hinzufügen" }).ClickAsync();
        await Check(office, "/verwaltung/quartierslabore/{id} (held, results)");
        await office.GetByRole(AriaRole.Button, new() { Name = "Ort hinzufügen" }).ClickAsync();
        await Check(office, "/verwaltung/quartierslabore/{id} (place errors)");

        foreach (var url in new[] { "/quartierslabore", $"/quartierslabore/{id}", $"/quartierslabore/{id}/losverfahren" })
        {
            foreach (var locale in new[] { "de-DE", "en-GB" })
            {
                var reader = await site.NewPageAsync(locale: locale);
                await reader.GotoAsync(site.BaseUrl + url);
                await Check(reader, $"{url} ({locale})");
                await reader.Context.CloseAsync();
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The progress page of long work while it runs, as a task 123,000 rows into a 600,000-row upload shows it: the bar with
    /// its text, the controls of the page's own refresh (which stops when the script runs), then the script sees the end
    /// and loads the final page.
    /// </summary>
    [BrowserFact]
    public async Task The_progress_page_of_long_work_passes_axe_while_it_runs_and_follows_it_to_the_end()
    {
        var failures = new List<string>();
        var office = await SignedInOfficeAsync();
        var id = await site.WithDatabaseAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var task = new BackgroundTask
            {
                Kind = "test.stand-in", Policy = "Labs.Manage", Title = "Melderegister-Auszug importieren", ReturnUrl = "/verwaltung/quartierslabore", Culture = "de",
                StartedBy = "", State = BackgroundTaskState.Running, Stage = "Der Auszug wird geprüft und gespeichert.", Done = 123_000, Total = 600_000, Unit = "Zeilen",
                CreatedAt = now, StartedAt = now, HeartbeatAt = now.AddHours(1), // not taken for dead while the test runs
            };
            db.BackgroundTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        var response = await office.GotoAsync($"{site.BaseUrl}/verwaltung/auftraege/{id}");
        Assert.Equal("3", await response!.HeaderValueAsync("refresh"));
        // The script ran and told the server: the next load polls instead of refreshing the whole page.
        await office.WaitForFunctionAsync("document.cookie.includes('mp-task-script=1')");
        response = await office.GotoAsync($"{site.BaseUrl}/verwaltung/auftraege/{id}");
        Assert.Null(await response!.HeaderValueAsync("refresh"));
        Assert.Equal("123.000 von 600.000 Zeilen", await office.Locator("#task-count").TextContentAsync());
        Assert.Equal("123000", await office.Locator("progress").GetAttributeAsync("value"));
        Assert.Equal("Der Auszug wird geprüft und gespeichert.", await office.GetByRole(AriaRole.Status).TextContentAsync());
        await Axe.CheckAsync(office, "/verwaltung/auftraege/{id} (running)", failures, output);

        // Paused, the page offers to go on and to refresh by hand.
        await office.GotoAsync($"{site.BaseUrl}/verwaltung/auftraege/{id}?angehalten=1");
        Assert.True(await office.GetByRole(AriaRole.Link, new() { Name = "Automatisch aktualisieren fortsetzen" }).IsVisibleAsync());
        Assert.True(await office.GetByRole(AriaRole.Link, new() { Name = "Jetzt aktualisieren" }).IsVisibleAsync());
        await Axe.CheckAsync(office, "/verwaltung/auftraege/{id} (paused)", failures, output);

        await site.WithDatabaseAsync(db => db.BackgroundTasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Done, 480_000)));
        await office.Locator("#task-count").Filter(new() { HasText = "480.000 von 600.000 Zeilen" }).WaitForAsync();
        await site.WithDatabaseAsync(db => db.BackgroundTasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.State, BackgroundTaskState.Done).SetProperty(t => t.Done, 600_000).SetProperty(t => t.ResultUrl, "/verwaltung/quartierslabore")));
        await office.WaitForSelectorAsync("#task[data-finished=true]");
        Assert.True(await office.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Ergebnis" }).IsVisibleAsync());
        await Axe.CheckAsync(office, "/verwaltung/auftraege/{id} (done)", failures, output);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // The page a long step leads to: the progress page until the script loads its final state; axe passes there.
    private static async Task FinishTaskAsync(IPage office, string title, Func<IPage, string, Task> check)
    {
        await office.WaitForURLAsync(new Regex("/verwaltung/auftraege/[0-9]+"));
        Assert.Equal(title, await office.Locator("h1").TextContentAsync());
        await office.WaitForSelectorAsync("#task[data-finished=true]", new() { Timeout = 120_000 });
        Assert.Contains("Fertig.", await office.Locator("main").TextContentAsync());
        await check(office, $"/verwaltung/auftraege/{{id}} ({title}, done)");
    }

    private async Task<IPage> SignedInOfficeAsync()
    {
        var office = await site.CreateAccountAsync("Office");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(office.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(office.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
        return page;
    }

    [GeneratedRegex("[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}")]
    private static partial Regex CodePattern();
}
