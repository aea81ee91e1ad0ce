using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>The sign-in and the staff pages, used as a person would: keyboard, second factor, axe on every page.</summary>
[Collection(SiteCollection.Name)]
public class SignedInPagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_administrator_signs_in_with_the_keyboard_and_two_factors_and_every_staff_page_passes_axe()
    {
        var admin = await site.CreateAdministratorAsync();
        var page = await site.NewPageAsync();
        var failures = new List<string>();

        Task Check(string what) => Axe.CheckAsync(page, what, failures, output);

        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await Check("/konto/anmelden");

        // Empty form: the errors are announced and named in German.
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/konto/anmelden (errors)");

        // Keyboard only from here on.
        await page.GetByLabel("E-Mail-Adresse").FocusAsync();
        await page.Keyboard.TypeAsync(admin.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(SiteFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/zweiter-faktor**");
        await Check("/konto/anmelden/zweiter-faktor");
        await page.GetByLabel("Code", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync(SiteFixture.Totp(admin.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
        Assert.Equal("Ihr Konto", await page.Locator("h1").TextContentAsync());
        await Check("/konto");

        // An account's page: person and department, and the new invitation.
        await page.GotoAsync(site.BaseUrl + "/verwaltung/benutzer");
        await page.Locator("table a[href^='/verwaltung/benutzer/']").First.ClickAsync();
        await page.WaitForURLAsync("**/verwaltung/benutzer/*");
        await Check("/verwaltung/benutzer/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verknüpfungen speichern" }).ClickAsync();
        await page.WaitForURLAsync("**gespeichert=1");
        Assert.Contains("Die Verknüpfungen sind gespeichert.", await page.Locator(".notice").TextContentAsync());
        await Check("/verwaltung/benutzer/{id} (saved)");

        foreach (var url in new[] { "/verwaltung/benutzer", "/verwaltung/protokoll", "/konto/zwei-faktor", "/konto/abmelden", "/gremien", "/konto/passwort", "/konto/ueberall-abmelden" })
        {
            var response = await page.GotoAsync(site.BaseUrl + url);
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);
            await Check(url);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_enrolment_page_for_a_new_office_account_passes_axe()
    {
        var office = await site.CreateUserWithoutSecondFactorAsync("Office");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(office);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();

        await page.WaitForURLAsync("**/konto/zwei-faktor");
        Assert.True(await page.Locator("figure.qr svg").IsVisibleAsync());
        var result = await page.RunAxe(Axe.WcagAA);
        output.WriteLine($"axe de-DE /konto/zwei-faktor (enrolment): {result.Violations.Length} violations");
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id} {v.Help}")));
    }

    [BrowserFact]
    public async Task Before_the_idle_timeout_a_dialog_warns_and_the_user_can_stay_signed_in()
    {
        var admin = await site.CreateAdministratorAsync();
        var page = await site.NewPageAsync();
        await page.Clock.InstallAsync();
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(admin.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(admin.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
        var dialog = page.Locator("#session-warning");
        Assert.False(await dialog.IsVisibleAsync());

        await page.Clock.FastForwardAsync("18:30"); // 20 minutes idle timeout, warning two minutes before

        Assert.True(await dialog.IsVisibleAsync());
        Assert.Equal("Ihre Sitzung läuft bald ab", await dialog.Locator("h2").TextContentAsync());
        var button = dialog.GetByRole(AriaRole.Button, new() { Name = "Angemeldet bleiben" });
        Assert.True(await button.EvaluateAsync<bool>("b => b === document.activeElement"), "the dialog takes the keyboard focus");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        var result = await page.RunAxe(Axe.WcagAA);
        Assert.Empty(result.Violations);
        Assert.Equal((int)HttpStatusCode.OK, (await page.GotoAsync(site.BaseUrl + "/konto"))!.Status);
        Assert.EndsWith("/konto", page.Url);
    }

    [BrowserFact]
    public async Task The_Office_pages_for_bodies_and_council_seats_pass_axe()
    {
        var page = await SignedInOfficeAsync();
        await page.GotoAsync(site.BaseUrl + "/gremien");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vollversammlung Masterplan Kommunale Sicherheit 2.0" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mitglieder verwalten" }).ClickAsync();
        var failures = new List<string>();
        Task Check(string what) => Axe.CheckAsync(page, what, failures, output);

        await Check("/verwaltung/gremien/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();
        Assert.Contains("Bitte geben Sie den Vornamen ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/gremien/{id} (errors)");

        await page.GotoAsync(site.BaseUrl + "/verwaltung/gremien/bearbeiten");
        await Check("/verwaltung/gremien/bearbeiten (new working group)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Contains("Bitte geben Sie den Namen ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/gremien/bearbeiten (errors)");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("AG Sichere Nachbarschaft");
        await page.GetByLabel("Gebildet durch Beschluss (zum Beispiel Sitzung und Tagesordnungspunkt)").FillAsync("Vollversammlung vom 12.03.2026, TOP 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Equal("AG Sichere Nachbarschaft", await page.Locator("h1").TextContentAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Angaben und Geschäftsordnung bearbeiten" }).ClickAsync();
        await Check("/verwaltung/gremien/bearbeiten/{id}");

        // A member who left: the body's public page shows the history and the members of an earlier day.
        var group = page.Url.Split('/').Last();
        await page.GotoAsync(site.BaseUrl + $"/verwaltung/gremien/{group}");
        await page.GetByLabel("Vorname").FillAsync("Petra");
        await page.GetByLabel("Nachname").FillAsync("Planerin");
        await page.GetByLabel("Mitglied ab").FillAsync("2025-01-01");
        await page.GetByLabel("Die Person hat eingewilligt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();
        await page.GetByLabel("Ende der Mitgliedschaft von Petra Planerin").FillAsync("2026-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beenden Petra Planerin" }).ClickAsync();
        await page.GotoAsync(site.BaseUrl + $"/gremien/{group}");
        Assert.Contains("Petra Planerin", await page.Locator("table.former-members").TextContentAsync());
        await Check("/gremien/{id} (former members)");
        await page.GetByLabel("Mitglieder am").FillAsync("2025-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await page.WaitForURLAsync("**stand=2025-06-01**");
        Assert.Contains("Petra Planerin", await page.Locator("table.members").TextContentAsync());
        await Check("/gremien/{id}?stand= (members of an earlier day)");

        await page.GotoAsync(site.BaseUrl + "/verwaltung/handlungsfelder");
        await Check("/verwaltung/handlungsfelder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderung speichern" }).ClickAsync();
        Assert.Contains("Bitte geben Sie den Titel ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/handlungsfelder (errors)");

        // The Lenkungskreis' review of a field: the perspectives of 001 and the finding.
        await page.GetByLabel("Geprüftes Handlungsfeld").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Wo geprüft wurde (Sitzung, Tagesordnungspunkt)").FillAsync("Lenkungskreis, Sitzung vom 12.11.2026, TOP 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfung festhalten" }).ClickAsync();
        Assert.Contains("Bitte kreuzen Sie an, unter welchen Blickwinkeln geprüft wurde", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/handlungsfelder (review errors)");
        await page.GetByLabel("Diversität").CheckAsync();
        await page.GetByLabel("Inklusion").CheckAsync();
        await page.GetByLabel("Ergebnis unter diesen Blickwinkeln").FillAsync("Angebote erreichen Menschen mit Behinderung kaum.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfung festhalten" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.reviews")).ToContainTextAsync("Blickwinkel: Diversität, Inklusion");
        await Check("/verwaltung/handlungsfelder (review recorded)");

        // What took a recommendation up: a refused address, then the paper by its number.
        await page.GotoAsync(site.BaseUrl + "/empfehlungen?alle=true");
        await page.Locator("table a[href^='/verwaltung/empfehlungen/']").First.ClickAsync();
        await Check("/verwaltung/empfehlungen/{id}");
        await page.GetByLabel("Maßnahme, Vorlage oder Tagesordnungspunkt verknüpfen").FillAsync("irgendwo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verknüpfen" }).ClickAsync();
        Assert.Contains("ist keine Adresse einer Vorlage", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/empfehlungen/{id} (errors)");
        await page.GetByLabel("Maßnahme, Vorlage oder Tagesordnungspunkt verknüpfen").FillAsync("26093-22");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verknüpfen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Die Verknüpfung ist gespeichert.");
        await Check("/verwaltung/empfehlungen/{id} (linked)");

        await page.GotoAsync(site.BaseUrl + "/verwaltung/ratssitze");
        await Check("/verwaltung/ratssitze");
        await page.GetByLabel("SPD-Fraktion").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Verteilung berechnen" }).ClickAsync();
        Assert.True(await page.Locator("table.preview").IsVisibleAsync());
        await Check("/verwaltung/ratssitze (preview)");

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_Office_reaches_a_persons_page_from_the_members_of_a_body_and_it_passes_axe()
    {
        var page = await SignedInOfficeAsync();
        await page.GotoAsync(site.BaseUrl + "/gremien");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vollversammlung Masterplan Kommunale Sicherheit 2.0" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mitglieder verwalten" }).ClickAsync();
        await page.Locator("table a[href^='/verwaltung/personen/']").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/verwaltung/personen/*");
        Assert.Equal("Konto auf der Plattform", await page.Locator("main h2").Last.TextContentAsync());
        var result = await page.RunAxe(Axe.WcagAA);
        output.WriteLine($"axe de-DE /verwaltung/personen/{{id}}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id} {v.Help}")));
    }

    [BrowserFact]
    public async Task The_password_pages_pass_axe_and_work_with_the_keyboard()
    {
        var email = await site.CreateUserWithoutSecondFactorAsync("Moderator");
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        Task Check(string what) => Axe.CheckAsync(page, what, failures, output);

        // "Passwort vergessen" from the sign-in page, with the keyboard.
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto/passwort-vergessen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern" }).ClickAsync();
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/konto/passwort-vergessen (errors)");
        await page.GetByLabel("E-Mail-Adresse").FocusAsync();
        await page.Keyboard.TypeAsync("niemand@stadtdo.de");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Wenn es zu dieser Adresse ein aktives Konto gibt");
        await Check("/konto/passwort-vergessen (sent)");

        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/konto");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort ändern" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        Assert.Contains("Bitte geben Sie Ihr bisheriges Passwort ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/konto/passwort (errors)");
        await page.GetByLabel("Bisheriges Passwort").FocusAsync();
        await page.Keyboard.TypeAsync(SiteFixture.Password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("tastatur und browser sind freunde");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("tastatur und browser sind freunde");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Ihr Passwort ist geändert");
        await Check("/konto/passwort (changed)");

        await page.GotoAsync(site.BaseUrl + "/konto");
        await page.GetByRole(AriaRole.Button, new() { Name = "Überall abmelden" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto/anmelden");
        Assert.Equal("Anmelden", await page.Locator("h1").TextContentAsync());

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_staff_menu_fits_a_phone_and_a_refusal_names_the_role()
    {
        var failures = new List<string>();
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await SignedInOfficeAsync(width);
            Task Check(string what) => Axe.CheckAsync(page, $"{width}px {what}", failures, output);
            await page.GotoAsync(site.BaseUrl + "/sitzungen");
            var staffMenu = page.Locator("details.staff-menu > summary");
            if (width == 375)
            {
                var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
                Assert.True(header.Height <= 108, $"the header takes {header.Height}px at 375px");
                Assert.False(await staffMenu.IsVisibleAsync(), "on a phone the staff menu waits in the menu");
                await page.Locator("details.site-menu > summary").ClickAsync();
            }

            await staffMenu.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var link = page.Locator("details.staff-menu").GetByRole(AriaRole.Link, new() { Name = "Sitzungen verwalten", Exact = true });
            await Assertions.Expect(link).ToBeVisibleAsync();
            var box = (await link.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width, "the staff menu fits the screen");
            await Check("/sitzungen (staff menu open)");
            await link.ClickAsync();
            await page.WaitForURLAsync("**/verwaltung/sitzungen");
            await page.Context.CloseAsync();
        }

        // An account without the Office's role: the refusal says which role the page is for.
        var admin = await site.CreateAccountAsync("Administrator");
        var adminPage = await site.NewPageAsync();
        await adminPage.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await adminPage.GetByLabel("E-Mail-Adresse").FillAsync(admin.Email);
        await adminPage.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await adminPage.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(admin.AuthenticatorKey));
        await adminPage.Keyboard.PressAsync("Enter");
        await adminPage.WaitForURLAsync("**/konto");
        Assert.Equal(403, (await adminPage.GotoAsync(site.BaseUrl + "/verwaltung/sitzungen"))!.Status);
        await Assertions.Expect(adminPage.Locator("main")).ToContainTextAsync("Diese Seite ist für die Rolle „Geschäftsstelle“.");
        await Axe.CheckAsync(adminPage, "403 /verwaltung/sitzungen", failures, output);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<IPage> SignedInOfficeAsync(int width = 1280)
    {
        var office = await site.CreateAccountAsync("Office");
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(office.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(office.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
        return page;
    }

    [BrowserFact]
    public async Task The_Office_pages_for_meetings_pass_axe_and_work_with_the_keyboard()
    {
        var page = await SignedInOfficeAsync();
        var failures = new List<string>();
        Task Check(string what) => Axe.CheckAsync(page, what, failures, output);

        await page.GotoAsync(site.BaseUrl + "/verwaltung/sitzungen");
        await Check("/verwaltung/sitzungen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Sitzung oder Serie anlegen" }).ClickAsync();
        await Check("/verwaltung/sitzungen/bearbeiten");
        await page.GetByLabel("Titel").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Contains("Bitte wählen Sie das Gremium.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/sitzungen/bearbeiten (errors)");

        // Keyboard only: choose the body, type, submit with Enter.
        await page.GetByLabel("Gremium", new() { Exact = true }).FocusAsync();
        await page.GetByLabel("Gremium", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vollversammlung Masterplan Kommunale Sicherheit 2.0" });
        await page.GetByLabel("Titel").FillAsync("Sondersitzung");
        await page.GetByLabel("Datum").FillAsync("2027-01-14");
        await page.GetByLabel("Datum").PressAsync("Enter");
        await page.WaitForURLAsync("**/verwaltung/sitzungen/bearbeiten/*");
        var edit = page.Url;
        await Check("/verwaltung/sitzungen/bearbeiten/{id}");

        // The demo members have no e-mail address: inviting says so by name and offers letters and an address list.
        await Assertions.Expect(page.Locator("section.notice.warning")).ToContainTextAsync("keine E-Mail-Adresse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einladung versenden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("an sie wurde nichts gemailt");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Adressliste für die Post (CSV)" })).ToBeVisibleAsync();
        await Check("/verwaltung/sitzungen/bearbeiten/{id} (invited, some by post)");
        foreach (var (link, what) in new[] { ("Tagesordnung und Unterlagen", "tagesordnung"), ("Anwesenheit, Abstimmungen, Empfehlungen", "ablauf"), ("Niederschrift", "niederschrift") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Check($"/verwaltung/sitzungen/{{id}}/{what}");
            await page.GoBackAsync();
        }

        // The agenda with the keyboard: two items, the second moved up with its button, a link added in the one form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tagesordnung und Unterlagen", Exact = true }).ClickAsync();
        foreach (var title in new[] { "Begrüßung", "Bericht der Geschäftsstelle" })
        {
            await page.GetByLabel("Titel", new() { Exact = true }).First.FillAsync(title);
            await page.GetByLabel("Titel", new() { Exact = true }).First.PressAsync("Enter");
            await Assertions.Expect(page.Locator("ol.agenda")).ToContainTextAsync(title);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Nach oben schieben TOP 2" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("ol.agenda h3").First).ToContainTextAsync("Bericht der Geschäftsstelle");
        await page.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync("FieldOfAction");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ziele dieser Art anzeigen" }).ClickAsync();
        await page.WaitForURLAsync("**kind=FieldOfAction**");
        await Check("/verwaltung/sitzungen/{id}/tagesordnung (items, link form by kind)");
        await page.GotoAsync(edit);

        // The meeting has not begun, so nobody is present: a vote asks the Office to confirm that the body was not quorate.
        await page.GetByRole(AriaRole.Link, new() { Name = "Anwesenheit, Abstimmungen, Empfehlungen", Exact = true }).ClickAsync();
        await page.GetByLabel("Tagesordnungspunkt").First.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Gegenstand der Abstimmung").FillAsync("Bericht zur Kenntnis");
        await page.GetByLabel("Ja", new() { Exact = true }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abstimmung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Bitte bestätigen Sie, dass trotzdem abgestimmt wurde");
        await Assertions.Expect(page.GetByLabel("Ich bestätige")).ToBeVisibleAsync();
        await Check("/verwaltung/sitzungen/{id}/ablauf (vote without quorum: confirmation asked)");
        await page.GotoAsync(edit);

        // A saved draft offers its preview, marked "Entwurf".
        await page.GetByRole(AriaRole.Link, new() { Name = "Niederschrift", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Als neue Fassung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Entwurf als PDF ansehen" })).ToBeVisibleAsync();
        await Check("/verwaltung/sitzungen/{id}/niederschrift (draft saved)");

        // Circulated: the approval section says from when approval is possible.
        await page.GetByLabel("Frist für Anmerkungen", new() { Exact = true }).FillAsync("2027-01-28");
        await page.GetByRole(AriaRole.Button, new() { Name = "An die Mitglieder versenden" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=note]")).ToContainTextAsync("ab dem 29.01.2027");
        await Check("/verwaltung/sitzungen/{id}/niederschrift (circulated, approval not yet possible)");

        await page.GotoAsync(site.BaseUrl + "/empfehlungen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Beleuchtung am Nordausgang verbessern" }).ClickAsync();
        await Check("/verwaltung/empfehlungen/{id}");
        await page.GotoAsync(site.BaseUrl + "/sitzungen/kalender");
        await Check("/sitzungen/kalender");
        await page.GotoAsync(site.BaseUrl + "/verwaltung/statusuebersicht?von=2020-01-01");
        await Check("/verwaltung/statusuebersicht");
        await page.GetByLabel("Handlungsfeld").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await page.WaitForURLAsync("**feld=*");
        await Check("/verwaltung/statusuebersicht?feld=… (one field)");
        await page.GotoAsync(site.BaseUrl + "/verwaltung/statusuebersicht?feld=999999");
        await Check("/verwaltung/statusuebersicht?feld=999999 (unknown field)");

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_Office_page_for_measures_passes_axe_and_works_with_the_keyboard()
    {
        var page = await SignedInOfficeAsync();
        var failures = new List<string>();
        Task Check(string what) => Axe.CheckAsync(page, what, failures, output);

        await page.GotoAsync(site.BaseUrl + "/konto");
        await page.Locator("details.staff-menu > summary").ClickAsync(); // the header's "Verwaltung" menu
        await page.GetByRole(AriaRole.Link, new() { Name = "Maßnahmen verwalten" }).ClickAsync();
        await Check("/massnahmen (Office)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Maßnahme anlegen" }).ClickAsync();
        await Check("/verwaltung/massnahmen/bearbeiten");
        await page.GetByLabel("Fortschritt in Prozent (0 bis 100)", new() { Exact = true }).FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        var errors = await page.Locator(".error-summary").TextContentAsync();
        Assert.Contains("Der Fortschritt muss zwischen 0 und 100 Prozent liegen.", errors);
        Assert.Contains("Bitte wählen Sie das Handlungsfeld.", errors);
        await Check("/verwaltung/massnahmen/bearbeiten (errors)");

        // Keyboard only: choose the field, type, submit with Enter.
        await page.GetByLabel("Handlungsfeld", new() { Exact = true }).FocusAsync();
        await page.GetByLabel("Handlungsfeld", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2.5 Videoüberwachung im öffentlichen Raum" });
        await page.GetByLabel("Fortschritt in Prozent (0 bis 100)", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Mobile Videoanlage");
        await page.GetByLabel("Titel", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync("**/verwaltung/massnahmen/bearbeiten/*");
        await Check("/verwaltung/massnahmen/bearbeiten/{id}");

        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByLabel("Sachstand", new() { Exact = true }).FillAsync("Standort festgelegt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sachstand speichern" }).ClickAsync();
        Assert.Contains("Der Sachstand ist eingetragen.", await page.Locator(".notice").First.TextContentAsync());
        await Check("/verwaltung/massnahmen/bearbeiten/{id} (with a status update)");

        // A milestone, by keyboard; the history of the measure.
        await page.GetByLabel("Meilenstein", new() { Exact = true }).FillAsync("Anlage bestellt");
        await page.GetByLabel("Fällig am", new() { Exact = true }).FillAsync("2026-12-01");
        await page.GetByLabel("Fällig am", new() { Exact = true }).PressAsync("Enter");
        Assert.Contains("Der Meilenstein ist eingetragen.", await page.Locator(".notice").First.TextContentAsync());
        await Check("/verwaltung/massnahmen/bearbeiten/{id} (with a milestone)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Änderungsverlauf" }).ClickAsync();
        await Check("/verwaltung/massnahmen/{id}/verlauf");
        await page.GoBackAsync();

        // An indicator for the measure, a value, a CSV with errors.
        await page.GetByRole(AriaRole.Link, new() { Name = "Kennzahl für diese Maßnahme anlegen" }).ClickAsync();
        await Check("/verwaltung/kennzahlen/bearbeiten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        Assert.Contains("Bitte geben Sie den Namen der Kennzahl ein.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/kennzahlen/bearbeiten (errors)");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Erkannte Vorfälle");
        await page.GetByLabel("Einheit, z. B. % oder Fälle", new() { Exact = true }).FillAsync("Fälle");
        await page.GetByLabel("niedriger ist besser").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/verwaltung/kennzahlen/bearbeiten/*");
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2026-10-01");
        await page.GetByLabel("Wert in Fälle", new() { Exact = true }).FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wert speichern" }).ClickAsync();
        Assert.Contains("Der Wert ist eingetragen.", await page.Locator(".notice").First.TextContentAsync());
        await Check("/verwaltung/kennzahlen/bearbeiten/{id}");
        await page.GetByLabel("CSV-Datei").SetInputFilesAsync(new FilePayload { Name = "werte.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("Datum;Wert\n01.11.2026;zwölf\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        Assert.Contains("Zeile 2: „zwölf“ ist keine Zahl.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/kennzahlen/bearbeiten/{id} (import errors)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ansicht der Kennzahl" }).ClickAsync();
        await Check("/kennzahlen/{id} (Office, one value)");

        await page.GotoAsync(site.BaseUrl + "/verwaltung/meilensteine");
        await Check("/verwaltung/meilensteine");
        await page.GotoAsync(site.BaseUrl + "/verwaltung/massnahmen/import");
        await Check("/verwaltung/massnahmen/import");
        await page.GetByLabel("CSV-Datei").SetInputFilesAsync(new FilePayload { Name = "mp1.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("Nummer;Titel\nM 1;Ohne Feld\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        Assert.Contains("Es fehlen die Spalten", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/massnahmen/import (errors)");

        // 003: the Sonderstab's own goal and milestone, its Lagebild to the Oberbürgermeister, by keyboard; the pages that show them.
        await page.GotoAsync(site.BaseUrl + "/gremien");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sonderstab „Ordnung und Stadtleben“", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kennzahlen, Ziele und Meilensteine bearbeiten" }).ClickAsync();
        await Check("/verwaltung/gremien/{id}/kennzahlen-und-ziele");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ziel speichern" }).ClickAsync();
        Assert.Contains("Bitte beschreiben Sie das Ziel.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/gremien/{id}/kennzahlen-und-ziele (errors)");
        await page.GetByLabel("Ziel", new() { Exact = true }).FillAsync("Campieren in der City halbieren");
        await page.GetByLabel("Erreicht sein bis", new() { Exact = true }).FillAsync("2026-12-31");
        await page.GetByLabel("Erreicht sein bis", new() { Exact = true }).PressAsync("Enter");
        Assert.Contains("Das Ziel ist eingetragen.", await page.Locator(".notice").First.TextContentAsync());
        await page.GetByLabel("Neuer Meilenstein zu diesem Ziel").FillAsync("Winterquartier geöffnet");
        await page.GetByLabel("Fällig am", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByLabel("Fällig am", new() { Exact = true }).PressAsync("Enter");
        Assert.Contains("Der Meilenstein ist eingetragen.", await page.Locator(".notice").First.TextContentAsync());
        await page.GetByLabel("Oberbürgermeister").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Übermittlung eintragen" }).ClickAsync();
        Assert.Contains("Die Übermittlung des Lagebilds ist eingetragen.", await page.Locator(".notice").First.TextContentAsync());
        await Check("/verwaltung/gremien/{id}/kennzahlen-und-ziele (a goal, an overdue milestone, a Lagebild sent)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lagebild ansehen" }).ClickAsync();
        Assert.Contains("überfällig seit", await page.Locator(".milestones").TextContentAsync());
        await Check("/gremien/{id}/lagebild");
        await page.Locator("nav.breadcrumb a").ClickAsync();
        await page.WaitForURLAsync("**/gremien/*");
        await Check("/gremien/{id} (indicators and goals)");
        await page.GotoAsync(site.BaseUrl + "/verwaltung/meilensteine");
        Assert.Contains("Winterquartier geöffnet", await page.Locator("table.body-milestones").TextContentAsync());
        await Check("/verwaltung/meilensteine (a body's overdue milestone)");

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
