using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// Meldungen in a real browser, by keyboard only (the address typed from the demo address list, no map click): the form with
/// its errors and both steps, the receipt, the public list and a report's page, each with axe (WCAG 2.1 A and AA) in German
/// and English; then the department's staff member sets "in Bearbeitung" with a public note, and the public page and
/// Open311 show it.
/// </summary>
[Collection(SiteCollection.Name)]
public class ServiceRequestPagesTests(SiteFixture site, ITestOutputHelper output)
{
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

    [BrowserFact]
    public async Task A_resident_reports_by_keyboard_and_the_form_list_and_report_page_pass_axe()
    {
        var failures = new List<string>();
        var ids = new List<string>();
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

            // An address the address list does not know: a German (or English) message at the field, nothing else lost.
            await page.Locator("#Category").SelectOptionAsync("beleuchtung");
            await page.Locator("#Place_Address").FocusAsync();
            await page.Keyboard.TypeAsync("Nirgendwoweg 5");
            await page.Locator("form.form button[type=submit]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Equal("true", await page.Locator("#Place_Address").GetAttributeAsync("aria-invalid"));
            await CheckAsync(page, $"{locale} /meldungen/neu (unknown address)", failures);

            // Step 1 by keyboard: category, the typed address and (the demo has no boundaries) the district.
            await page.Locator("#Place_Address").FillAsync("");
            await page.Locator("#Place_Address").FocusAsync();
            await page.Keyboard.TypeAsync("Kampstr. 10");
            await page.Locator("#Place_DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Innenstadt-West" });
            await page.Locator("form.form button[type=submit]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#Description");
            Assert.Contains("Kampstraße 10, 44137 Dortmund", await page.Locator("main").TextContentAsync());
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
            ids.Add(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
            await page.GotoAsync(site.BaseUrl + "/meldungen?kategorie=beleuchtung");
            Assert.Contains("Die Laterne vor dem Eingang", await page.Locator("#meldungen-liste").TextContentAsync());
            await page.Locator("[data-map-view] .leaflet-marker-icon").First.WaitForAsync(new() { Timeout = 10_000 }); // the map with its markers
            await CheckAsync(page, $"{locale} /meldungen", failures);
            await page.GotoAsync(site.BaseUrl + "/meldungen?von=2025-02-31");
            await CheckAsync(page, $"{locale} /meldungen (errors)", failures);
            await page.Context.CloseAsync();
        }

        // The department that handles street lighting finds the report in its queue and sets "in Bearbeitung" with a public note.
        var id = ids[0];
        var staff = await SignedInStaffAsync("beleuchtung");
        await staff.GotoAsync(site.BaseUrl + "/verwaltung/meldungen");
        await CheckAsync(staff, "/verwaltung/meldungen", failures);
        var link = staff.Locator($"main a[href='/verwaltung/meldungen/{id}']");
        await link.FocusAsync();
        await staff.Keyboard.PressAsync("Enter");
        await staff.WaitForURLAsync($"**/verwaltung/meldungen/{id}");
        await CheckAsync(staff, "/verwaltung/meldungen/{id}", failures);
        await staff.Locator("#Status").SelectOptionAsync("in-progress");
        await staff.Locator("#Note").FocusAsync();
        await staff.Keyboard.TypeAsync("Die Wartungsfirma tauscht die Lampe diese Woche.");
        await staff.Locator("form.form button[type=submit]").Last.FocusAsync();
        await staff.Keyboard.PressAsync("Enter");
        await staff.WaitForLoadStateAsync();
        Assert.Contains("in Bearbeitung", await staff.Locator("main").TextContentAsync());

        // The public page and Open311 show the new status and the note.
        var reader = await site.NewPageAsync();
        await reader.GotoAsync(site.BaseUrl + $"/meldungen/{id}");
        var details = await reader.Locator("main").TextContentAsync();
        Assert.Contains("in Bearbeitung", details);
        Assert.Contains("Die Wartungsfirma tauscht die Lampe diese Woche.", details);
        await CheckAsync(reader, "/meldungen/{id} (in Bearbeitung)", failures);
        var open311 = await reader.APIRequest.GetAsync(site.BaseUrl + $"/open311/v2/requests/{id}.json");
        Assert.Equal(200, open311.Status);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await open311.TextAsync())![0]!;
        Assert.Equal("open", (string)json["status"]!);
        Assert.Contains("in Bearbeitung", (string)json["status_notes"]!);
        Assert.Contains("Die Wartungsfirma tauscht die Lampe diese Woche.", (string)json["status_notes"]!);
        Assert.Equal("Kampstraße 10, 44137 Dortmund", (string)json["address"]!);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_categories_page_with_questions_the_form_s_questions_the_overview_and_the_alert_pages_pass_axe()
    {
        var failures = new List<string>();

        // The Office: the categories page, its error state, a category's extra questions with their errors.
        var office = await SignedInAsync("Office");
        await office.GotoAsync(site.BaseUrl + "/verwaltung/meldungen/kategorien");
        await CheckAsync(office, "/verwaltung/meldungen/kategorien", failures);
        await office.Locator("#Code").FillAsync("Falsch!");
        await office.Locator("form.form button[type=submit]").First.ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        Assert.Equal("true", await office.Locator("#Code").GetAttributeAsync("aria-invalid"));
        await CheckAsync(office, "/verwaltung/meldungen/kategorien (errors)", failures);
        await office.GotoAsync(site.BaseUrl + "/verwaltung/meldungen/kategorien");
        await office.Locator("main table a", new() { HasText = "Sonstiges" }).ClickAsync();
        await office.WaitForSelectorAsync("#QuestionPrompt");
        await office.Locator("#QuestionKind").SelectOptionAsync("choice");
        await office.Locator("#QuestionOptions").FillAsync("nur eine");
        await office.GetByRole(AriaRole.Button, new() { Name = "Frage hinzufügen" }).ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        Assert.Equal("true", await office.Locator("#QuestionPrompt").GetAttributeAsync("aria-invalid"));
        await CheckAsync(office, "/verwaltung/meldungen/kategorien/{id} (question errors)", failures);
        await office.Locator("#QuestionPrompt").FillAsync("Seit wann besteht der Mangel?");
        await office.Locator("#QuestionOptions").FillAsync("seit heute\nseit einer Woche\nlänger");
        await office.GetByRole(AriaRole.Button, new() { Name = "Frage hinzufügen" }).ClickAsync();
        await office.Locator("main li", new() { HasText = "Seit wann besteht der Mangel?" }).WaitForAsync();
        await office.Locator("#QuestionKind").SelectOptionAsync("yesno");
        await office.Locator("#QuestionPrompt").FillAsync("Ist der Weg gesperrt?");
        await office.GetByRole(AriaRole.Button, new() { Name = "Frage hinzufügen" }).ClickAsync();
        await office.Locator("main li", new() { HasText = "Ist der Weg gesperrt?" }).WaitForAsync();
        await CheckAsync(office, "/verwaltung/meldungen/kategorien/{id} (questions)", failures);

        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            // The form's second step asks them.
            var page = await site.NewPageAsync(locale: locale);
            await page.GotoAsync(site.BaseUrl + "/meldungen/neu?kategorie=sonstiges");
            await page.Locator("#Place_Address").FillAsync("Kampstr. 10");
            await page.Locator("#Place_DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Innenstadt-West" });
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("#Description");
            Assert.Contains("Ist der Weg gesperrt?", await page.Locator("main").TextContentAsync());
            await CheckAsync(page, $"{locale} /meldungen/neu (step 2 with questions)", failures);

            // The overview of unsafe places with its heat map next to the table.
            await page.GotoAsync(site.BaseUrl + "/meldungen/unsichere-orte");
            await page.Locator("#unsichere-orte table").WaitForAsync();
            await page.Locator("[data-map-view]:not([hidden])").WaitForAsync(new() { Timeout = 10_000 });
            await CheckAsync(page, $"{locale} /meldungen/unsichere-orte", failures);

            // The alerts: the form, its errors, the answer; the unsubscribe page of an unknown link.
            await page.GotoAsync(site.BaseUrl + "/meldungen/benachrichtigungen");
            await CheckAsync(page, $"{locale} /meldungen/benachrichtigungen", failures);
            await page.Locator("#Email").FillAsync("keine-adresse");
            await Task.Delay(3500);
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Equal("true", await page.Locator("#Email").GetAttributeAsync("aria-invalid"));
            await CheckAsync(page, $"{locale} /meldungen/benachrichtigungen (errors)", failures);
            await page.Locator("#Email").FillAsync($"nachbar-{locale}@example.org");
            await page.Locator("#DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Eving" });
            await Task.Delay(3500);
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/meldungen/benachrichtigungen?angefragt=1");
            await CheckAsync(page, $"{locale} /meldungen/benachrichtigungen (requested)", failures);
            await page.GotoAsync(site.BaseUrl + "/meldungen/benachrichtigungen/abmelden/unbekannt");
            await CheckAsync(page, $"{locale} /meldungen/benachrichtigungen/abmelden", failures);

            // The public map follows the viewport: zoomed in by keyboard, it loads the points of the visible box.
            await page.GotoAsync(site.BaseUrl + "/meldungen");
            await page.Locator("[data-map-view] .leaflet-marker-icon, [data-map-view] .marker-cluster").First.WaitForAsync(new() { Timeout = 10_000 });
            var request = await page.RunAndWaitForRequestAsync(async () =>
            {
                await page.Locator("[data-map-view]").FocusAsync();
                await page.Keyboard.PressAsync("-");
            }, r => r.Url.Contains("/meldungen/karte.geojson", StringComparison.Ordinal) && r.Url.Contains("bbox=", StringComparison.Ordinal), new() { Timeout = 10_000 });
            Assert.Matches(@"bbox=[0-9.]+(,|%2C)[0-9.]+(,|%2C)[0-9.]+(,|%2C)[0-9.]+", request.Url);
            await page.Context.CloseAsync();
        }

        // The Office's switch on a report's page.
        await office.GotoAsync(site.BaseUrl + "/verwaltung/meldungen?zeigen=alle");
        await office.Locator("main table a").First.ClickAsync();
        await office.WaitForSelectorAsync("#HiddenReason");
        await office.GetByRole(AriaRole.Button, new() { Name = "Von den öffentlichen Seiten nehmen" }).ClickAsync();
        await office.WaitForSelectorAsync(".error-summary");
        await CheckAsync(office, "/verwaltung/meldungen/{id} (public switch, errors)", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<IPage> SignedInAsync(string role)
    {
        var account = await site.CreateAccountAsync(role);
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

    private async Task<IPage> SignedInStaffAsync(string category)
    {
        var account = await site.CreateAccountAsync("DepartmentStaff");
        await site.AssignDepartmentOfCategoryAsync(account.Email, category);
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
