using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The half-year report and the final report in a real browser: the Office writes a report (first with a period that ends
/// before it starts), previews and submits it; every new page with axe (WCAG 2.1 A and AA), in German and English.
/// </summary>
[Collection(SiteCollection.Name)]
public class ReportPagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_report_pages_pass_axe_in_German_and_English()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            // One account per language: a second-factor code counts only once per account.
            var account = await site.CreateAccountAsync("Office");
            var page = await site.NewPageAsync(locale: locale);
            await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
            await page.Locator("#Email").FillAsync(account.Email);
            await page.Locator("#Password").FillAsync(SiteFixture.Password);
            await page.Locator("#Password").PressAsync("Enter");
            await page.Locator("#Code").FillAsync(SiteFixture.Totp(account.AuthenticatorKey));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/konto");

            async Task Check(string what) => await Axe.CheckAsync(page, what, failures, output);

            await page.GotoAsync(site.BaseUrl + "/verwaltung/berichte/halbjahr/bearbeiten");
            await Check("/verwaltung/berichte/halbjahr/bearbeiten (new)");
            await page.Locator("#Input_From").FillAsync("2026-10-31");
            await page.Locator("#Input_To").FillAsync("2026-05-01");
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            await Check("/verwaltung/berichte/halbjahr/bearbeiten (errors)");
            await page.Locator("#Input_From").FillAsync("2026-01-01");
            await page.Locator("#Input_To").FillAsync("2026-06-30");
            await page.Locator("#Input_Introduction").FillAsync("Browsertest: Einleitung.");
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/bearbeiten/*");
            await Check("/verwaltung/berichte/halbjahr/bearbeiten/{id} (draft)");
            var edit = page.Url;
            var id = edit.Split('/').Last();

            await page.GotoAsync(site.BaseUrl + $"/verwaltung/berichte/halbjahr/{id}/fassung");
            await Check("/verwaltung/berichte/halbjahr/{id}/fassung (preview)");
            await page.GotoAsync(edit);
            await page.Locator("form[action*='handler=Submit'] button").ClickAsync();
            await page.WaitForSelectorAsync("#report-status");
            await Check("/verwaltung/berichte/halbjahr/bearbeiten/{id} (in review)");
            await page.GotoAsync(site.BaseUrl + $"/verwaltung/berichte/halbjahr/{id}/fassung/1");
            await Check("/verwaltung/berichte/halbjahr/{id}/fassung/1");
            await page.GotoAsync(site.BaseUrl + $"/verwaltung/berichte/halbjahr/{id}/freigabe");
            await Check("/verwaltung/berichte/halbjahr/{id}/freigabe");
            await page.GotoAsync(site.BaseUrl + "/verwaltung/berichte/freigabe");
            await Check("/verwaltung/berichte/freigabe");
            await page.GotoAsync(site.BaseUrl + "/verwaltung/berichte/halbjahr");
            await Check("/verwaltung/berichte/halbjahr");
            await page.GotoAsync(site.BaseUrl + "/verwaltung/berichte/schlussbericht");
            await Check("/verwaltung/berichte/schlussbericht");
            var entry = page.Locator("#final-report a[href^='/verwaltung/berichte/schlussbericht/']").First;
            if (await entry.CountAsync() > 0)
            {
                await entry.ClickAsync();
                await page.WaitForURLAsync("**/schlussbericht/*");
                await Check("/verwaltung/berichte/schlussbericht/{measureId}");
            }

            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
