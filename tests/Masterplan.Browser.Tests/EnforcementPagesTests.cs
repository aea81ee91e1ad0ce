using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// Transparenz im Ordnungsdienst in a real browser: an officer records a check on a phone-sized screen by keyboard alone and,
/// separately, by touch; the person reads the receipt with its code and answers; the public figures count both. Every new
/// page with axe (WCAG 2.1 A and AA), the forms with their errors, and the phone-sized forms at 320 px without sideways scrolling.
/// </summary>
[Collection(SiteCollection.Name)]
public partial class EnforcementPagesTests(SiteFixture site, ITestOutputHelper output)
{
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

    [GeneratedRegex("/ordnungsdienst/quittungen/[0-9]+$")]
    private static partial Regex IssuedUrl();

    private static async Task SignInAsync(IPage page, SiteFixture.Account account, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(account.Email);
        await page.GetByLabel("Passwort").FillAsync(SiteFixture.Password);
        await page.GetByLabel("Passwort").PressAsync("Enter");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(SiteFixture.Totp(account.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");
    }

    private async Task<IPage> SignedInAsync(string role, int width = 1280, int height = 900)
    {
        var page = await site.NewPageAsync(width, height);
        await SignInAsync(page, await site.CreateAccountAsync(role), site.BaseUrl);
        return page;
    }

    /// <summary>Presses Tab until the element with the id has the focus; fails when it is not reachable within the page's tab stops.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"#{id} is not reachable by Tab on {page.Url}");
    }

    /// <summary>Presses Tab until the focused element matches the selector (a link or button without an id).</summary>
    private static async Task TabToMatchingAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} is not reachable by Tab on {page.Url}");
    }

    /// <summary>The figure in the total row of the public table with the caption (a number, "verdeckt" or "0").</summary>
    private async Task<string> PublicTotalAsync(string caption)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/ordnungsdienst/zahlen");
        var total = (await page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = caption }) }).Locator("tfoot td").TextContentAsync())!.Trim();
        await page.Context.CloseAsync();
        return total;
    }

    /// <summary>
    /// After one more entry the suppressed total moved on: 0 becomes hidden, n ≥ 5 becomes n + 1, and a hidden total (small, or
    /// hidden so that a small count cannot be worked out) stays hidden or shows from 5 up.
    /// </summary>
    private static void AssertCountedOneMore(string before, string after, string what)
    {
        const string hidden = "verdeckt";
        var ok = before switch
        {
            "0" => after == hidden,
            hidden => after == hidden || int.Parse(after, System.Globalization.CultureInfo.InvariantCulture) >= 5,
            _ => after == (int.Parse(before, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.True(ok, $"{what}: {before} before, {after} after one more");
    }

    /// <summary>The person opens /quittung, types the code, answers; the answer is thanked and cannot be given twice.</summary>
    private async Task PersonAnswersAsync(string code)
    {
        var person = await site.NewPageAsync(375, 812);
        await person.GotoAsync(site.BaseUrl + "/quittung");
        await person.Locator("#nr").FillAsync(code.ToLowerInvariant());
        await person.Locator("#nr").PressAsync("Enter");
        await person.WaitForURLAsync("**/quittung?nr=*");
        Assert.Contains("Browsertest", await person.Locator("main dl").TextContentAsync());
        await person.GetByLabel("nicht fair behandelt").CheckAsync();
        await person.GetByLabel("wegen meines Aussehens", new() { Exact = false }).First.CheckAsync();
        await person.Locator("#Feedback_Text").FillAsync("Ich stand nur an der Haltestelle.");
        await Task.Delay(3500); // the form guard refuses answers sent faster than a person types
        await person.GetByRole(AriaRole.Button, new() { Name = "Rückmeldung senden" }).ClickAsync();
        await person.WaitForURLAsync("**danke=true*");
        Assert.Contains("Danke für Ihre Rückmeldung", await person.Locator("main [role=status]").TextContentAsync());
        Assert.Equal(0, await person.GetByRole(AriaRole.Button, new() { Name = "Rückmeldung senden" }).CountAsync());
        await person.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_officer_records_a_check_by_keyboard_alone_on_a_phone_and_the_person_and_the_figures_see_it()
    {
        var checksBefore = await PublicTotalAsync("Kontrollen nach Monat");
        var answersBefore = await PublicTotalAsync("Rückmeldungen: fair behandelt?");

        var page = await SignedInAsync("FieldOfficer", 375, 812);
        await page.GotoAsync(site.BaseUrl + "/ordnungsdienst");

        // The service number once: Tab to the field, type, Enter.
        await TabToAsync(page, "ServiceNumber");
        await page.Keyboard.TypeAsync($"KOD-{Random.Shared.Next(10_000, 99_999)}");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("a[href='/ordnungsdienst/kontrolle']");

        await TabToMatchingAsync(page, "a[href='/ordnungsdienst/kontrolle']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ordnungsdienst/kontrolle");

        // Date and time come filled in; the kind, the district and the legal basis by arrow keys, the reason typed.
        Assert.False(string.IsNullOrEmpty(await page.Locator("#Input_Date").InputValueAsync()));
        Assert.False(string.IsNullOrEmpty(await page.Locator("#Input_Time").InputValueAsync()));
        await TabToAsync(page, "Input_Kind");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "Input_DistrictId");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "Input_LegalBasis");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "Input_Reason");
        await page.Keyboard.TypeAsync("Browsertest: Hinweis auf Ruhestörung");
        await TabToMatchingAsync(page, "form.field-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(IssuedUrl());

        var code = (await page.Locator("#receipt-code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9-]{6,}$", code);
        Assert.Contains("Identitätsfeststellung", await page.Locator("main dl").TextContentAsync());

        // The receipt as PDF, by keyboard too.
        await TabToMatchingAsync(page, "main form button[type=submit]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await page.Context.CloseAsync();

        await PersonAnswersAsync(code);
        AssertCountedOneMore(checksBefore, await PublicTotalAsync("Kontrollen nach Monat"), "checks this year");
        AssertCountedOneMore(answersBefore, await PublicTotalAsync("Rückmeldungen: fair behandelt?"), "answers this year");
    }

    [BrowserFact]
    public async Task An_officer_records_a_check_by_touch_on_a_phone_and_the_person_and_the_figures_see_it()
    {
        var checksBefore = await PublicTotalAsync("Kontrollen nach Monat");
        var answersBefore = await PublicTotalAsync("Rückmeldungen: fair behandelt?");

        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 }, HasTouch = true, IsMobile = true, Locale = "de-DE",
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, await site.CreateAccountAsync("FieldOfficer"), site.BaseUrl);
        await page.GotoAsync(site.BaseUrl + "/ordnungsdienst");
        await page.Locator("#ServiceNumber").TapAsync();
        await page.Keyboard.TypeAsync($"KOD-{Random.Shared.Next(10_000, 99_999)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).TapAsync();
        await page.Locator("a[href='/ordnungsdienst/kontrolle']").TapAsync();
        await page.WaitForURLAsync("**/ordnungsdienst/kontrolle");

        // A phone's select opens its own picker, which a test cannot tap; choosing the option is what the picker does.
        await page.Locator("#Input_Kind").TapAsync();
        await page.Locator("#Input_Kind").SelectOptionAsync("platzverweis");
        await page.Locator("#Input_DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Innenstadt-West" });
        await page.Locator("#Input_LegalBasis").SelectOptionAsync("obg-polg-34");
        await page.Locator("#Input_Reason").TapAsync();
        await page.Keyboard.TypeAsync("Browsertest: Platz vor dem Bahnhof");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern und Quittung zeigen" }).TapAsync();
        await page.WaitForURLAsync(IssuedUrl());
        var code = (await page.Locator("#receipt-code").TextContentAsync())!.Trim();
        Assert.Contains("Platzverweis", await page.Locator("main dl").TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Quittung als PDF drucken" }).TapAsync());
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4]);
        await context.CloseAsync();

        await PersonAnswersAsync(code);
        AssertCountedOneMore(checksBefore, await PublicTotalAsync("Kontrollen nach Monat"), "checks this year");
        AssertCountedOneMore(answersBefore, await PublicTotalAsync("Rückmeldungen: fair behandelt?"), "answers this year");
    }

    [BrowserFact]
    public async Task Every_Enforcement_page_passes_axe_and_the_phone_forms_reflow_at_320_pixels()
    {
        var failures = new List<string>();

        // The officer: start (empty, with its error, then registered), the check form (empty, with errors), the receipt,
        // the incident form (empty, with errors).
        var officer = await SignedInAsync("FieldOfficer", 375, 812);
        await officer.GotoAsync(site.BaseUrl + "/ordnungsdienst");
        await CheckAsync(officer, "/ordnungsdienst (no service number yet)", failures);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await officer.WaitForSelectorAsync(".error-summary");
        await CheckAsync(officer, "/ordnungsdienst (errors)", failures);
        await officer.Locator("#ServiceNumber").FillAsync($"KOD-{Random.Shared.Next(10_000, 99_999)}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await officer.WaitForSelectorAsync("a[href='/ordnungsdienst/kontrolle']");
        await CheckAsync(officer, "/ordnungsdienst", failures);

        await officer.GotoAsync(site.BaseUrl + "/ordnungsdienst/kontrolle");
        await CheckAsync(officer, "/ordnungsdienst/kontrolle", failures);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Speichern und Quittung zeigen" }).ClickAsync();
        await officer.WaitForSelectorAsync(".error-summary");
        await CheckAsync(officer, "/ordnungsdienst/kontrolle (errors)", failures);
        await officer.Locator("#Input_Kind").SelectOptionAsync("identity-check");
        await officer.Locator("#Input_DistrictId").SelectOptionAsync(new SelectOptionValue { Label = "Innenstadt-West" });
        await officer.Locator("#Input_LegalBasis").SelectOptionAsync("obg-polg-12");
        await officer.Locator("#Input_Reason").FillAsync("Browsertest: axe");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Speichern und Quittung zeigen" }).ClickAsync();
        await officer.WaitForURLAsync(IssuedUrl());
        var code = (await officer.Locator("#receipt-code").TextContentAsync())!.Trim();
        await CheckAsync(officer, "/ordnungsdienst/quittungen/{id}", failures);

        await officer.GotoAsync(site.BaseUrl + "/ordnungsdienst/einsatz");
        await CheckAsync(officer, "/ordnungsdienst/einsatz", failures);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Einsatz speichern" }).ClickAsync();
        await officer.WaitForSelectorAsync(".error-summary");
        await CheckAsync(officer, "/ordnungsdienst/einsatz (errors)", failures);

        // The phone-sized forms at 320 px: no sideways scrolling, the errors and the open "exact place" included.
        await officer.SetViewportSizeAsync(320, 640);
        foreach (var url in new[] { "/ordnungsdienst", "/ordnungsdienst/kontrolle", "/ordnungsdienst/einsatz" })
        {
            await officer.GotoAsync(site.BaseUrl + url);
            if (url != "/ordnungsdienst")
            {
                await officer.Locator("details.field > summary").ClickAsync();
                await CheckAsync(officer, $"{url} at 320 px, exact place open", failures);
                await AssertNoSidewaysScrollingAsync(officer, url, failures);
                await officer.Locator("form.field-form button[type=submit]").ClickAsync();
                await officer.WaitForSelectorAsync(".error-summary");
                await AssertNoSidewaysScrollingAsync(officer, url + " (errors)", failures);
            }
            else
            {
                await AssertNoSidewaysScrollingAsync(officer, url, failures);
            }
        }

        await officer.Context.CloseAsync();

        // The person: the empty page, an unknown code, the receipt with the feedback form, the form with its error, after the answer.
        foreach (var width in new[] { 1280, 320 })
        {
            var person = await site.NewPageAsync(width, 800);
            var at = width == 320 ? " at 320 px" : "";
            await person.GotoAsync(site.BaseUrl + "/quittung");
            await CheckAsync(person, "/quittung" + at, failures);
            await AssertNoSidewaysScrollingAsync(person, "/quittung" + at, failures);
            await person.GotoAsync(site.BaseUrl + "/quittung?nr=GIBTSNICHT");
            await CheckAsync(person, "/quittung (unknown code)" + at, failures);
            await AssertNoSidewaysScrollingAsync(person, "/quittung (unknown code)" + at, failures);
            await person.GotoAsync(site.BaseUrl + "/quittung?nr=" + Uri.EscapeDataString(code));
            await CheckAsync(person, "/quittung (feedback form)" + at, failures);
            await AssertNoSidewaysScrollingAsync(person, "/quittung (feedback form)" + at, failures);
            if (width == 1280)
            {
                await person.Locator("#Feedback_Text").FillAsync(new string('x', 5));
                await Task.Delay(3500);
                await person.GetByRole(AriaRole.Button, new() { Name = "Rückmeldung senden" }).ClickAsync();
                await person.WaitForSelectorAsync(".error-summary");
                await CheckAsync(person, "/quittung (feedback errors)", failures);
                await person.GetByLabel("fair behandelt", new() { Exact = true }).CheckAsync();
                await person.GetByLabel("ich weiß es nicht").First.CheckAsync();
                await Task.Delay(3500);
                await person.GetByRole(AriaRole.Button, new() { Name = "Rückmeldung senden" }).ClickAsync();
                await person.WaitForURLAsync("**danke=true*");
                await CheckAsync(person, "/quittung (after the answer)", failures);
            }
            else
            {
                await person.GotoAsync(site.BaseUrl + "/quittung?nr=" + Uri.EscapeDataString(code) + "&danke=true");
                await AssertNoSidewaysScrollingAsync(person, "/quittung (after the answer)" + at, failures);
            }

            await person.Context.CloseAsync();
        }

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync(site.BaseUrl + "/ordnungsdienst/zahlen");
        await CheckAsync(visitor, "/ordnungsdienst/zahlen", failures);
        await visitor.Context.CloseAsync();

        // The lead: the list, an incident to sign off, a new report (empty with errors, then saved).
        var lead = await SignedInAsync("EnforcementLead");
        await lead.GotoAsync(site.BaseUrl + "/verwaltung/ordnungsdienst");
        await CheckAsync(lead, "/verwaltung/ordnungsdienst", failures);
        await lead.Locator("main a[href^='/verwaltung/ordnungsdienst/einsaetze/']").First.ClickAsync();
        await lead.WaitForURLAsync(new Regex("/verwaltung/ordnungsdienst/einsaetze/[0-9]+$"));
        await CheckAsync(lead, "/verwaltung/ordnungsdienst/einsaetze/{id}", failures);
        await lead.GotoAsync(site.BaseUrl + "/verwaltung/ordnungsdienst/bericht");
        await CheckAsync(lead, "/verwaltung/ordnungsdienst/bericht", failures);
        // The form comes with a period and a title filled in; a period that ends before it starts and no title are errors.
        await lead.Locator("#Input_From").FillAsync("2026-06-30");
        await lead.Locator("#Input_To").FillAsync("2026-01-01");
        await lead.Locator("#Input_Title").FillAsync("");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Bericht speichern" }).ClickAsync();
        await lead.WaitForSelectorAsync(".error-summary");
        await CheckAsync(lead, "/verwaltung/ordnungsdienst/bericht (errors)", failures);
        await lead.Locator("#Input_From").FillAsync("2026-01-01");
        await lead.Locator("#Input_To").FillAsync("2026-06-30");
        await lead.Locator("#Input_Title").FillAsync("Browsertest: Bericht erstes Halbjahr");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Bericht speichern" }).ClickAsync();
        await lead.WaitForURLAsync(new Regex("/verwaltung/ordnungsdienst/bericht/[0-9]+"));
        await CheckAsync(lead, "/verwaltung/ordnungsdienst/bericht/{id}", failures);
        await lead.Context.CloseAsync();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page, string what, List<string> failures)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            failures.Add($"{what} scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px");
        }
    }
}
