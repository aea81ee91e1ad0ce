using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The grant programme in a real browser: every public page and the applicant's pages with axe (WCAG 2.1 A and AA) in
/// German and English, the registration and the application form with their errors included.
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
        await office.Locator("main table a").First.ClickAsync();
        await office.WaitForURLAsync("**/verwaltung/foerderung?aufruf=*");
        await CheckAsync(office, "/verwaltung/foerderung?aufruf={id}", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
