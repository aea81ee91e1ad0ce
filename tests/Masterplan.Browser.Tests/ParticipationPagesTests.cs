using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// Residents' input in a real browser: the contribution form in its error state and after sending, the receipt, and the
/// Office's moderation queue and call form, each with axe (WCAG 2.1 A and AA).
/// </summary>
[Collection(SiteCollection.Name)]
public class ParticipationPagesTests(SiteFixture site, ITestOutputHelper output)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private async Task CheckAsync(IPage page, string what, List<string> failures)
    {
        var result = await page.RunAxe(WcagAA);
        output.WriteLine($"axe {what}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
        failures.AddRange(result.Violations.Select(v => $"{what}: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }

    [BrowserFact]
    public async Task A_resident_writes_a_contribution_with_the_keyboard_and_the_form_passes_axe_with_its_errors()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var page = await site.NewPageAsync(locale: locale);
            await page.GotoAsync(site.BaseUrl + "/beteiligung");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Ordnungsdienst") }).First.ClickAsync();
            await page.Locator("a[href$='/beitrag']").ClickAsync();
            var form = page.Url;

            // Sent empty at once: the errors are announced, and the honeypot is invisible.
            await page.Locator("form.form button[type=submit]").ClickAsync();
            var errors = await page.Locator(".error-summary").TextContentAsync();
            Assert.Contains(locale == "de-DE" ? "Bitte schreiben Sie Ihren Beitrag." : "Please write your contribution.", errors);
            var honeypot = page.Locator("#Homepage").Locator("xpath=..");
            Assert.True((await honeypot.BoundingBoxAsync())!.Width <= 1, "the honeypot is clipped to a pixel");
            Assert.Equal("true", await honeypot.GetAttributeAsync("aria-hidden"));
            await CheckAsync(page, $"{locale} {form} (errors)", failures);

            // A person's pace: the text typed with the keyboard, then sent with Enter on the button.
            await page.Locator("#Text").FocusAsync();
            await page.Keyboard.TypeAsync("Mehr Beleuchtung am Fredenbaumpark, bitte.");
            await page.Locator("#District").SelectOptionAsync("Innenstadt-Nord");
            await Task.Delay(3500);
            await page.Locator("form.form button[type=submit]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/beteiligung/eingegangen?nr=*");
            Assert.Matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", await page.Locator("strong.receipt").TextContentAsync());
            await CheckAsync(page, $"{locale} /beteiligung/eingegangen", failures);
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_Office_moderation_queue_and_call_form_pass_axe()
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

        await page.GotoAsync(site.BaseUrl + "/verwaltung/beteiligung");
        await CheckAsync(page, "/verwaltung/beteiligung", failures);
        await page.Locator("table a[href^='/verwaltung/beteiligung/']").First.ClickAsync();
        Assert.True(await page.Locator("section.contribution").CountAsync() > 0, "the demo queue has a contribution waiting");
        await CheckAsync(page, "/verwaltung/beteiligung/{id} (queue)", failures);
        await page.Locator("section.contribution").First.GetByRole(AriaRole.Button, new() { Name = "Ablehnen" }).ClickAsync();
        Assert.Contains("Bitte wählen Sie den Grund aus der Netiquette", await page.Locator(".error-summary").TextContentAsync());
        await CheckAsync(page, "/verwaltung/beteiligung/{id} (errors)", failures);
        await page.GotoAsync(page.Url.Split('?')[0] + "?zeige=published");
        await CheckAsync(page, "/verwaltung/beteiligung/{id}?zeige=published", failures);

        await page.GotoAsync(site.BaseUrl + "/verwaltung/beteiligung/bearbeiten");
        await CheckAsync(page, "/verwaltung/beteiligung/bearbeiten", failures);
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Contains("Bitte geben Sie einen Titel an.", await page.Locator(".error-summary").TextContentAsync());
        await CheckAsync(page, "/verwaltung/beteiligung/bearbeiten (errors)", failures);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
