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
    private Task CheckAsync(IPage page, string what, List<string> failures) => Axe.CheckAsync(page, what, failures, output);

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

    /// <summary>Follows a link by the keyboard only: focus, then Enter.</summary>
    private static async Task FollowAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        await link.PressAsync("Enter"); // focus and key in one step, on the link itself
        await page.WaitForURLAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task On_a_phone_a_resident_follows_a_contribution_to_its_measure_and_back_by_keyboard_and_every_step_passes_axe()
    {
        var failures = new List<string>();
        var page = await site.NewPageAsync(width: 375, height: 740);
        async Task FitsAsync(string what)
        {
            // Clear on a phone: nothing wider than the screen.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{what} is {overflow} px wider than the phone");
        }

        await page.GotoAsync(site.BaseUrl + "/beteiligung");
        await FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ideen für den Nordmarkt (Demo)" }));

        // The closed call shows its evaluation: counts, the choice question, what was taken up, and the report.
        Assert.Contains("Auswertung", await page.Locator("#auswertung").TextContentAsync());
        Assert.Contains("Wann sind Sie meistens am Nordmarkt?", await page.Locator("main").TextContentAsync());
        await CheckAsync(page, "closed call with its evaluation", failures);
        await FitsAsync("the closed call");

        // The contribution the measure took up: its whole way.
        var item = page.Locator("ol.contributions > li").Filter(new() { HasText = "Mülleimer" });
        await FollowAsync(page, item.GetByRole(AriaRole.Link, new() { Name = "Was daraus wurde" }));
        var steps = page.Locator("ol.chain > li");
        Assert.True(await steps.CountAsync() >= 4, "contribution, answer, what took it up, the measure");
        Assert.Contains("Mülleimer", await steps.Nth(0).TextContentAsync());
        Assert.Contains("aufgegriffen", await steps.Nth(1).TextContentAsync());
        await CheckAsync(page, "/beteiligung/beitraege/{id} (taken up by a measure)", failures);
        await FitsAsync("the impact chain");

        // On to the measure, and from the measure back to the contributions behind it.
        await FollowAsync(page, page.Locator("ol.chain a[href^='/massnahmen/']").First);
        Assert.Matches("/massnahmen/[0-9]+$", page.Url);
        await FollowAsync(page, page.Locator("a[href^='/beteiligung/massnahmen/']"));
        Assert.Contains("Mülleimer", await page.Locator("ol.chain > li").First.TextContentAsync());
        await CheckAsync(page, "/beteiligung/massnahmen/{id}", failures);
        await FitsAsync("the measure's way back");

        // The one the lab took up names the lab's recommendation and links to the lab, whose concept links to the call.
        await page.GotoAsync(site.BaseUrl + "/beteiligung");
        await FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ideen für den Nordmarkt (Demo)" }));
        await FollowAsync(page, page.Locator("ol.contributions > li").Filter(new() { HasText = "Laternen" }).GetByRole(AriaRole.Link, new() { Name = "Was daraus wurde" }));
        Assert.Contains("Handlungsempfehlung eines Quartierslabors", await page.Locator("ol.chain").TextContentAsync());
        await CheckAsync(page, "/beteiligung/beitraege/{id} (taken up by a lab)", failures);
        await FollowAsync(page, page.Locator("ol.chain a[href^='/quartierslabore/']").First);
        Assert.Equal(1, await page.Locator("a", new() { HasText = "Ideen für den Nordmarkt (Demo)" }).CountAsync());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
