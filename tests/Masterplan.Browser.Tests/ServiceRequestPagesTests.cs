using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// Meldungen in a real browser, by keyboard only (coordinates and address typed, no map): the form with its errors and
/// both steps, the receipt, the public list and a report's page, each with axe (WCAG 2.1 A and AA) in German and English.
/// </summary>
[Collection(SiteCollection.Name)]
public class ServiceRequestPagesTests(SiteFixture site, ITestOutputHelper output)
{
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

    [BrowserFact]
    public async Task A_resident_reports_by_keyboard_and_the_form_list_and_report_page_pass_axe()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var de = locale == "de-DE";
            var page = await site.NewPageAsync(locale: locale);
            await page.GotoAsync(site.BaseUrl + "/meldungen/neu");
            await CheckAsync(page, $"{locale} /meldungen/neu", failures);

            // "Weiter" with nothing chosen: the errors are announced at the top and at the fields.
            await page.Locator("form.form button[type=submit]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Contains(de ? "Bitte wählen Sie, was Sie melden möchten." : "Please choose what you would like to report.", await page.Locator(".error-summary").TextContentAsync());
            await CheckAsync(page, $"{locale} /meldungen/neu (errors)", failures);

            // Step 1 by keyboard: category, typed coordinates and address, district.
            await page.Locator("#Category").SelectOptionAsync("beleuchtung");
            await page.Locator("#Latitude").FillAsync(de ? "51,4881" : "51.4881");
            await page.Locator("#Longitude").FillAsync("7.5012");
            await page.Locator("#Address").FillAsync("Hörder Bahnhofstraße 1");
            await page.Locator("#DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Hörde" });
            await page.Locator("form.form button[type=submit]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#Description");
            await CheckAsync(page, $"{locale} /meldungen/neu (step 2)", failures);

            // Step 2: sent without a description first, then with one at a person's pace.
            await page.Locator("form.form button[type=submit]").First.FocusAsync();
            await Task.Delay(3500);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Contains(de ? "Bitte beschreiben Sie, was nicht in Ordnung ist." : "Please describe what is wrong.", await page.Locator(".error-summary").TextContentAsync());
            await CheckAsync(page, $"{locale} /meldungen/neu (step 2, errors)", failures);
            await page.Locator("#Description").FocusAsync();
            await page.Keyboard.TypeAsync("Die Laterne vor dem Eingang ist seit einer Woche aus.");
            await Task.Delay(3500);
            await page.Locator("form.form button[type=submit]").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/meldungen/eingegangen?nr=*");
            Assert.Matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", await page.Locator("strong.receipt").TextContentAsync());
            await CheckAsync(page, $"{locale} /meldungen/eingegangen", failures);

            // The report's page and the public list.
            await page.Locator("main a[href^='/meldungen/']").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/meldungen/[0-9]+$"));
            Assert.Contains("Die Laterne vor dem Eingang", await page.Locator("main").TextContentAsync());
            await CheckAsync(page, $"{locale} /meldungen/{{id}}", failures);
            await page.GotoAsync(site.BaseUrl + "/meldungen?kategorie=beleuchtung");
            Assert.Contains("Die Laterne vor dem Eingang", await page.Locator("main").TextContentAsync());
            await CheckAsync(page, $"{locale} /meldungen", failures);
            await page.GotoAsync(site.BaseUrl + "/meldungen?von=2025-02-31");
            await CheckAsync(page, $"{locale} /meldungen (errors)", failures);
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
