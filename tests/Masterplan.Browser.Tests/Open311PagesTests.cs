using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>The administrator's page for Open311 keys, with axe (WCAG 2.1 A and AA) empty, with its errors, with a new key and after revoking.</summary>
[Collection(SiteCollection.Name)]
public class Open311PagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_administrator_issues_and_revokes_an_Open311_key_and_the_page_passes_axe_in_every_state()
    {
        var admin = await site.CreateAdministratorAsync();
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        Task Check(string what) => Axe.CheckAsync(page, what, failures, output);

        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(admin.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(admin.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");

        await page.Locator("details.staff-menu > summary").ClickAsync(); // the header's "Verwaltung" menu
        await page.GetByRole(AriaRole.Link, new() { Name = "Open311-Schlüssel verwalten" }).ClickAsync();
        await page.WaitForURLAsync("**/verwaltung/open311");
        await Check("/verwaltung/open311");

        await page.GetByRole(AriaRole.Button, new() { Name = "Schlüssel ausgeben" }).ClickAsync();
        Assert.Contains("Bitte geben Sie an, wer den Schlüssel nutzt.", await page.Locator(".error-summary").TextContentAsync());
        await Check("/verwaltung/open311 (errors)");

        await page.GetByLabel("Anwendung").FillAsync("Stadtteil-App Hörde");
        await page.GetByLabel("Kontakt (Person, E-Mail-Adresse oder Telefon)").FillAsync("app@hoerde.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schlüssel ausgeben" }).ClickAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("[data-new-key]").TextContentAsync()));
        await Check("/verwaltung/open311 (new key)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Widerrufen Stadtteil-App Hörde" }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("widerrufen am");
        await Check("/verwaltung/open311 (revoked)");

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
