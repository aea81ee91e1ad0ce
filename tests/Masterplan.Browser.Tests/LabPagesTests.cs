using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
        await office.GetByLabel("Anzahl der Einladungen").FillAsync("8");
        await office.GetByLabel("Startwert (Seed) aus einem öffentlichen Akt").FillAsync("5 12 19 27");
        await office.GetByRole(AriaRole.Button, new() { Name = "Losen" }).ClickAsync();
        await Check(office, "/verwaltung/quartierslabore/{id}/losverfahren (drawn)");
        await office.GetByLabel("Tag des Quartierslabors").FillAsync("2030-03-16");
        await office.GetByLabel("Beginn (Uhrzeit)").FillAsync("10:00");
        await office.GetByLabel("Ort (Name und Anschrift)").FillAsync("Bürgerhaus, Weg 1, 44135 Dortmund");
        await office.GetByLabel("Anmeldeschluss").FillAsync("2030-03-01");
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Button, new() { Name = "Einladungsschreiben als PDF erzeugen" }).ClickAsync());
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
