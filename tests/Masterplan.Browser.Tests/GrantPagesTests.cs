using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The grant programme in a real browser: every public page and the applicant's pages with axe (WCAG 2.1 A and AA) in
/// German and English, the registration and the application form with their errors included; the Office's forms (budget, call, decision,
/// payments) and the reviewer's list and scoring form.
/// </summary>
[Collection(SiteCollection.Name)]
public class GrantPagesTests(SiteFixture site, ITestOutputHelper output)
{
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

    [BrowserFact]
    public async Task Every_grant_page_passes_axe_in_German_and_English()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var page = await site.NewPageAsync(locale: locale);
            foreach (var url in new[] { "/foerderung", "/foerderung/gefoerderte-projekte", "/foerderung/registrieren?gesendet=true", "/foerderung/bestaetigen/unbekannt" })
            {
                await page.GotoAsync(site.BaseUrl + url);
                await CheckAsync(page, $"{locale} {url}", failures);
            }

            await page.GotoAsync(site.BaseUrl + "/foerderung");
            await page.Locator("main ul.cards a").First.ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/foerderung/aufrufe/[0-9]+$"));
            await CheckAsync(page, $"{locale} /foerderung/aufrufe/{{id}}", failures);

            // The registration sent empty at a person's pace: the errors.
            await page.GotoAsync(site.BaseUrl + "/foerderung/registrieren");
            await CheckAsync(page, $"{locale} /foerderung/registrieren", failures);
            await Task.Delay(3500);
            await page.Locator("form.form button[type=submit]").Last.ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            await CheckAsync(page, $"{locale} /foerderung/registrieren (errors)", failures);
            await page.Context.CloseAsync();
        }

        // An association's person: the list, a new application, the form sent incomplete.
        var email = await site.CreateApplicantAsync();
        var applicant = await site.NewPageAsync();
        await applicant.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await applicant.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await applicant.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await applicant.WaitForURLAsync("**/konto");
        await applicant.GotoAsync(site.BaseUrl + "/foerderung/antraege");
        await CheckAsync(applicant, "/foerderung/antraege", failures);
        await applicant.Locator("main ul.cards a[href*='/antraege/neu/']").First.ClickAsync();
        await applicant.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/foerderung/antraege/neu/[0-9]+$"));
        await CheckAsync(applicant, "/foerderung/antraege/neu/{id}", failures);
        await applicant.Locator("main form button[type=submit]").ClickAsync();
        await applicant.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/foerderung/antraege/[0-9]+$"));
        await CheckAsync(applicant, "/foerderung/antraege/{id}", failures);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Antrag abschicken" }).ClickAsync();
        await applicant.WaitForSelectorAsync(".error-summary");
        await CheckAsync(applicant, "/foerderung/antraege/{id} (errors)", failures);

        // The Office's overview and one call's applications and ranking.
        var account = await site.CreateAccountAsync("Office");
        var office = await site.NewPageAsync();
        await office.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await office.GetByLabel("E-Mail-Adresse").FillAsync(account.Email);
        await office.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await office.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await office.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(account.AuthenticatorKey));
        await office.Keyboard.PressAsync("Enter");
        await office.WaitForURLAsync("**/konto");
        await office.GotoAsync(site.BaseUrl + "/verwaltung/foerderung");
        await CheckAsync(office, "/verwaltung/foerderung", failures);
        await office.GetByRole(AriaRole.Button, new() { Name = "Budget speichern" }).ClickAsync();
        await office.WaitForSelectorAsync("p.notice");
        await CheckAsync(office, "/verwaltung/foerderung (budget saved)", failures);

        // The masterplan's budget, with the grant programme's share, and the booking form sent empty.
        await office.GotoAsync(site.BaseUrl + "/verwaltung/programmbudget");
        await CheckAsync(office, "/verwaltung/programmbudget", failures);
        await office.GetByRole(AriaRole.Button, new() { Name = "Buchung speichern" }).ClickAsync();
        await office.WaitForSelectorAsync("#buchung ~ .error-summary");
        await CheckAsync(office, "/verwaltung/programmbudget (booking errors)", failures);

        // A new call: the empty form, then sent empty with its errors.
        await office.GotoAsync(site.BaseUrl + "/verwaltung/foerderung/aufrufe");
        await CheckAsync(office, "/verwaltung/foerderung/aufrufe", failures);
        await office.GetByRole(AriaRole.Button, new() { Name = "Aufruf speichern" }).ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        await CheckAsync(office, "/verwaltung/foerderung/aufrufe (errors)", failures);

        // The past demo call: its form, applications and ranking; the application in review with the decision form sent
        // incomplete; the granted one with payments and the payment form.
        await office.GotoAsync(site.BaseUrl + "/verwaltung/foerderung");
        await office.Locator("main table a", new() { HasText = "Innovative Gewaltprävention vor Ort" }).ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/verwaltung/foerderung/aufrufe/[0-9]+$"));
        await CheckAsync(office, "/verwaltung/foerderung/aufrufe/{id}", failures);
        var callUrl = office.Url;
        await office.Locator("#ranking a").First.ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/verwaltung/foerderung/antraege/[0-9]+$"));
        await CheckAsync(office, "/verwaltung/foerderung/antraege/{id} (in review)", failures);
        await office.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        await CheckAsync(office, "/verwaltung/foerderung/antraege/{id} (decision errors)", failures);
        await office.GotoAsync(callUrl);
        await office.Locator("main table a[href*='/verwaltung/foerderung/antraege/']").First.ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/verwaltung/foerderung/antraege/[0-9]+$"));
        await CheckAsync(office, "/verwaltung/foerderung/antraege/{id} (granted)", failures);

        // The Office as reviewer: the list and the scoring form, sent without scores.
        await office.GotoAsync(site.BaseUrl + "/foerderung/bewertung");
        await CheckAsync(office, "/foerderung/bewertung", failures);
        await office.Locator("main table a").First.ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/foerderung/bewertung/antraege/[0-9]+$"));
        await CheckAsync(office, "/foerderung/bewertung/antraege/{id}", failures);
        await office.GetByRole(AriaRole.Button, new() { Name = "Bewertung speichern" }).ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        await CheckAsync(office, "/foerderung/bewertung/antraege/{id} (errors)", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
