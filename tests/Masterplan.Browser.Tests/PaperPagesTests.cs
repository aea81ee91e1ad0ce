using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// Papers in a real browser: the public list with its search (also in its error state) and a demo paper with a
/// scheduled consultation, in German and English; the Office's list, paper, paper form and consultation form, each
/// also with its errors; all with axe (WCAG 2.1 A and AA).
/// </summary>
[Collection(SiteCollection.Name)]
public class PaperPagesTests(SiteFixture site, ITestOutputHelper output)
{
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

    [BrowserFact]
    public async Task The_public_list_its_search_and_a_paper_pass_axe()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var page = await site.NewPageAsync(locale: locale);
            await page.GotoAsync(site.BaseUrl + "/vorlagen");
            await CheckAsync(page, $"{locale} /vorlagen", failures);
            await page.Locator("#q").FillAsync("Halbjahresbericht");
            await page.Locator("form.filters button[type=submit]").ClickAsync();
            await CheckAsync(page, $"{locale} /vorlagen?q=…", failures);
            await page.Locator("ul.cards a").First.ClickAsync();
            Assert.True(await page.Locator("table tbody tr a[href^='/sitzungen/']").CountAsync() > 0, "the demo report is on a meeting's agenda");
            await CheckAsync(page, $"{locale} /vorlagen/{{id}}", failures);
            await page.GotoAsync(site.BaseUrl + "/vorlagen?von=2030-01-01&bis=2020-01-01");
            Assert.True(await page.Locator(".error-summary").CountAsync() > 0, "a period that ends before it starts is refused");
            await CheckAsync(page, $"{locale} /vorlagen (errors)", failures);
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_Office_pages_and_forms_pass_axe_also_with_their_errors()
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
        var failures = new List<string>();

        await page.GotoAsync(site.BaseUrl + "/verwaltung/vorlagen");
        await CheckAsync(page, "/verwaltung/vorlagen", failures);
        await page.Locator("table a[href^='/verwaltung/vorlagen/']").First.ClickAsync();
        await CheckAsync(page, "/verwaltung/vorlagen/{id}", failures);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        Assert.Contains("Bitte wählen Sie eine PDF-Datei aus.", await page.Locator(".error-summary").TextContentAsync());
        await CheckAsync(page, "/verwaltung/vorlagen/{id} (errors)", failures);
        var paper = page.Url.Split('?')[0];

        await page.GotoAsync(paper.Replace("/verwaltung/vorlagen/", "/verwaltung/vorlagen/bearbeiten/", StringComparison.Ordinal));
        await CheckAsync(page, "/verwaltung/vorlagen/bearbeiten/{id}", failures);
        await page.Locator("#Input_Name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Contains("Bitte geben Sie den Titel der Vorlage an.", await page.Locator(".error-summary").TextContentAsync());
        await CheckAsync(page, "/verwaltung/vorlagen/bearbeiten/{id} (errors)", failures);

        await page.GotoAsync(paper + "/beratung");
        await CheckAsync(page, "/verwaltung/vorlagen/{id}/beratung", failures);
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Contains("Bitte wählen Sie das Gremium, das berät.", await page.Locator(".error-summary").TextContentAsync());
        await CheckAsync(page, "/verwaltung/vorlagen/{id}/beratung (errors)", failures);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
