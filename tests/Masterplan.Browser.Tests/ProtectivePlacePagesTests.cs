using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// Schutzorte in a real browser: "open now near an address" by keyboard only with JavaScript switched off; every public page
/// and every Office page with axe (WCAG 2.1 A and AA) in German and English, the sign-up with its errors included.
/// </summary>
[Collection(SiteCollection.Name)]
public class ProtectivePlacePagesTests(SiteFixture site, ITestOutputHelper output)
{
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

    [BrowserFact]
    public async Task Open_now_near_an_address_works_by_keyboard_alone_with_JavaScript_off()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/schutzorte");
        Assert.Equal("tel:110", await page.Locator("main a").First.GetAttributeAsync("href"));

        // Tab from the emergency numbers to the address field, type, Enter submits the plain GET form.
        await page.Locator("main a[href='tel:112']").FocusAsync();
        for (var i = 0; i < 5 && await page.EvaluateAsync<string>("document.activeElement.id") != "Ort_Address"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Ort_Address", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Kampstr. 10");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/schutzorte?*");
        var status = await page.Locator("main p[role=status]").TextContentAsync();
        Assert.Contains("Kampstraße 10, 44137 Dortmund", status);
        // The police station is open around the clock, so it is listed among the open places, with its distance.
        var police = page.Locator("#schutzorte-liste > li", new() { HasText = "Polizeiwache Innenstadt (Demo)" });
        Assert.Contains("geöffnet", await police.Locator("strong").TextContentAsync());
        Assert.Matches("[0-9]+ (m|km)", await police.TextContentAsync());
        Assert.Equal(0, await page.Locator("[data-map-view]:visible").CountAsync());

        // Kind filter by keyboard, then into a place's page by keyboard.
        await page.Locator("#art").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // the first kind: the Guides' base
        await page.Locator("form[role=search] button[type=submit]").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**art=guides-base*");
        var first = page.Locator("#schutzorte-liste a").First;
        Assert.Contains("Dortmund Guides", await first.TextContentAsync());
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/schutzorte/[0-9]+$"));
        Assert.Contains("In Leichter Sprache", await page.Locator("main").TextContentAsync());
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task Every_Schutzorte_page_passes_axe_in_German_and_English()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var page = await site.NewPageAsync(locale: locale);
            foreach (var url in new[] { "/schutzorte", "/schutzorte?Ort.Address=Bahnhofstra%C3%9Fe+1", "/schutzorte?Ort.Address=Kampstr.+10&karte=false", "/schutzorte/druck", "/schutzorte/mitmachen/eingegangen", "/schutzorte/bestaetigen/unbekannt", "/schutzorte/weiter-dabei/unbekannt" })
            {
                await page.GotoAsync(site.BaseUrl + url);
                // The list's pages show the map beside the list unless asked not to; axe checks it with its markers.
                if (url.Contains("karte=false", StringComparison.Ordinal))
                {
                    Assert.Equal(0, await page.Locator("[data-map-view]").CountAsync());
                }
                else if (url == "/schutzorte" || await page.Locator("[data-map-view]").CountAsync() > 0)
                {
                    await page.Locator("[data-map-view] .leaflet-marker-icon, [data-map-view] .marker-cluster").First.WaitForAsync(new() { Timeout = 10_000 });
                }

                await CheckAsync(page, $"{locale} {url}", failures);
            }

            await page.GotoAsync(site.BaseUrl + "/schutzorte");
            await page.Locator("#schutzorte-liste a").First.ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/schutzorte/[0-9]+$"));
            await CheckAsync(page, $"{locale} /schutzorte/{{id}}", failures);

            // The sign-up: sent empty (errors), then complete at a person's pace.
            await page.GotoAsync(site.BaseUrl + "/schutzorte/mitmachen");
            await CheckAsync(page, $"{locale} /schutzorte/mitmachen", failures);
            await page.Locator("form.form button[type=submit]").Last.FocusAsync();
            await Task.Delay(3500);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".error-summary");
            await CheckAsync(page, $"{locale} /schutzorte/mitmachen (errors)", failures);
            await page.Locator("#Input_Name").FillAsync($"Club Nachtfalter {locale}");
            await page.Locator("#Input_VenueKind").SelectOptionAsync("club");
            await page.Locator("#Place_Address").FillAsync("Kampstr. 10");
            if (await page.Locator("#Place_DistrictId").CountAsync() > 0)
            {
                await page.Locator("#Place_DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Innenstadt-West" });
            }

            await page.Locator("#Input_ContactName").FillAsync("Erika Beispiel");
            await page.Locator("#Input_ContactEmail").FillAsync($"club-{locale}@example.org");
            await page.Locator("#Input_Trained").FillAsync("Zwei Barleute, Oktober");
            await page.Locator("#Input_Posters").FillAsync("3");
            await page.Locator("#Input_Consent").CheckAsync();
            await Task.Delay(3500);
            await page.Locator("form.form button[type=submit]").Last.ClickAsync();
            await page.WaitForURLAsync("**/schutzorte/mitmachen/eingegangen");
            await page.Context.CloseAsync();
        }

        var office = await SignedInOfficeAsync();
        foreach (var url in new[] { "/verwaltung/schutzorte", "/verwaltung/schutzorte/orte", "/verwaltung/schutzorte/veranstaltungen", "/verwaltung/schutzorte/anmeldungen", "/verwaltung/schutzorte/material" })
        {
            await office.GotoAsync(site.BaseUrl + url);
            await CheckAsync(office, url, failures);
        }

        // Errors on the Office forms: a place with a night that ends before it starts, an approval without a training date.
        await office.GotoAsync(site.BaseUrl + "/verwaltung/schutzorte/orte");
        await office.Locator("select[name='Rules[0].Day']").SelectOptionAsync("Friday");
        await office.Locator("input[name='Rules[0].Opens']").FillAsync("22:00");
        await office.Locator("input[name='Rules[0].Closes']").FillAsync("04:00");
        await office.Locator("form.form button[type=submit]").Last.ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        Assert.Contains("bis zum Folgetag", await office.Locator(".error-summary").TextContentAsync());
        await CheckAsync(office, "/verwaltung/schutzorte/orte (errors)", failures);
        await office.GotoAsync(site.BaseUrl + "/verwaltung/schutzorte/anmeldungen");
        await office.Locator("form[action*='Approve'] button, form:has(input[name=lastTraining]) button").First.ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        await CheckAsync(office, "/verwaltung/schutzorte/anmeldungen (errors)", failures);
        await office.GotoAsync(site.BaseUrl + "/verwaltung/schutzorte");
        await office.Locator("main table a").First.ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/verwaltung/schutzorte/orte/[0-9]+$"));
        await CheckAsync(office, "/verwaltung/schutzorte/orte/{id}", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<IPage> SignedInOfficeAsync()
    {
        var account = await site.CreateAccountAsync("Office");
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(account.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).Last.ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(account.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
        return page;
    }
}
