using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>Every page: 0 axe-core violations of WCAG 2.1 A and AA, keyboard use, reflow at 320 px.</summary>
[Collection(SiteCollection.Name)]
public class AccessibilityTests(SiteFixture site, ITestOutputHelper output)
{
    private async Task<List<string>> AllPagesAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var orgs = await http.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        var papers = await http.GetFromJsonAsync<JsonElement>("/api/v1/papers");
        int Org(string kind) => orgs.EnumerateArray().First(o => o.GetProperty("kind").GetString() == kind).GetProperty("id").GetInt32();
        var meetings = await http.GetStringAsync("/sitzungen");
        var meeting = System.Text.RegularExpressions.Regex.Matches(meetings, "href=\"(/sitzungen/[0-9]+)\"").Select(m => m.Groups[1].Value).Last();
        var measure = (await http.GetFromJsonAsync<JsonElement>("/api/v1/measures")).EnumerateArray().First().GetProperty("id").GetInt32();
        var indicator = (await http.GetFromJsonAsync<JsonElement>("/api/v1/indicators")).EnumerateArray().First();
        var lab = System.Text.RegularExpressions.Regex.Matches(await http.GetStringAsync("/quartierslabore"), "href=\"(/quartierslabore/[0-9]+)\"").Select(m => m.Groups[1].Value).First();
        var call = System.Text.RegularExpressions.Regex.Matches(await http.GetStringAsync("/beteiligung"), "href=\"(/beteiligung/[0-9]+)\"").Select(m => m.Groups[1].Value).First();
        var contribution = System.Text.RegularExpressions.Regex.Matches(await http.GetStringAsync(call), "href=\"(/beteiligung/beitraege/[0-9]+)\"").Select(m => m.Groups[1].Value).First();
        return
        [
            "/sitzungen", meeting, "/empfehlungen", "/empfehlungen?alle=true", "/massnahmen", "/massnahmen?status=InProgress", $"/massnahmen/{measure}", $"/massnahmen/{indicator.GetProperty("measureId").GetInt32()}", "/kennzahlen",
            $"/kennzahlen/{indicator.GetProperty("id").GetInt32()}",
            "/", "/handlungsfelder", "/handlungsfelder?stand=2024-01-01", "/handlungsfelder?nummer=2.5", "/handlungsfelder/aenderungen", "/gremien", $"/gremien/{Org("PlenaryAssembly")}", $"/gremien/{Org("SpecialTaskForce")}",
            $"/gremien/{Org("Fraction")}", "/vorlagen", $"/vorlagen/{papers.EnumerateArray().Last().GetProperty("id").GetInt32()}",
            $"/vorlagen/{papers.EnumerateArray().First().GetProperty("id").GetInt32()}", "/vorlagen?q=Masterplan&von=2022-01-01", "/vorlagen?von=2030-01-01&bis=2020-01-01",
            "/stadtbezirke", "/barrierefreiheit", "/datenschutz", "/impressum", "/gibt-es-nicht",
            "/quartierslabore", lab, $"{lab}/losverfahren", "/quartierslabore/anmeldung", "/quartierslabore/anmeldung?code=ABCD-EFGH-JKLM",
            "/beteiligung", call, $"{call}?bezirk=Eving", $"{call}/beitrag", contribution, "/beteiligung/so-machen-sie-mit", "/beteiligung/bestaetigen/unbekannt",
            "/api/docs", "/mitmachen", "/kontakt", "/leichte-sprache", "/gebaerdensprache", "/suche", "/suche?q=Sicherheit", "/suche?q=Sicherheit&art=massnahmen", "/suche?q=Xylophonwerkstatt", "/suche?q=%25%25%25", "/konto/passwort-vergessen", "/konto/passwort-zuruecksetzen/unbekannt",
        ];
    }

    [BrowserFact]
    public async Task Every_page_has_no_WCAG_2_1_AA_violations_in_German_and_English()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var page = await site.NewPageAsync(locale: locale);
            foreach (var url in await AllPagesAsync())
            {
                await page.GotoAsync(site.BaseUrl + url);
                var result = await page.RunAxe(Axe.WcagAA);
                output.WriteLine($"axe {locale} {url}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
                failures.AddRange(result.Violations.Select(v =>
                    $"{locale} {url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task Every_page_reflows_at_320_pixels_without_horizontal_scrolling()
    {
        var page = await site.NewPageAsync(width: 320, height: 640);
        var failures = new List<string>();
        foreach (var url in await AllPagesAsync())
        {
            await page.GotoAsync(site.BaseUrl + url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                failures.Add($"{url} scrolls sideways by {overflow}px at 320px");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_API_reference_has_no_WCAG_2_1_AA_violations_and_reflows_at_320_pixels()
    {
        var failures = new List<string>();
        foreach (var (locale, width) in new[] { ("de-DE", 1280), ("en-GB", 1280), ("de-DE", 320) })
        {
            var page = await site.NewPageAsync(width: width, locale: locale);
            await page.GotoAsync(site.BaseUrl + "/api/docs");
            Assert.Equal(locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
            Assert.True(await page.Locator(".api-operation").CountAsync() > 15, "the reference lists the operations");
            var result = await page.RunAxe(Axe.WcagAA);
            failures.AddRange(result.Violations.Select(v =>
                $"{locale} {width}px: {v.Id} ({v.Impact}) {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                failures.Add($"{locale} {width}px: scrolls sideways by {overflow}px");
            }

            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task The_first_Tab_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/gremien");
        var hidden = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(hidden is { Y: < 0 }, "the skip link stays off screen until it gets focus (the stylesheet applies)");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        Assert.Equal("Zum Inhalt springen", focused);
        var visible = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(visible is { Y: >= 0 }, "the focused skip link is on screen");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhalt", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateAsync<string>("() => document.activeElement.closest('main') ? 'main' : 'elsewhere'");
        Assert.Equal("main", next);
    }

    [BrowserFact]
    public async Task The_catalogue_tree_opens_and_closes_with_the_keyboard()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/handlungsfelder");
        var field3 = page.Locator("summary", new() { HasTextString = "3 Bevölkerungsschutz" }).First;
        var gas = page.GetByText("3.3.1.1 Gas/Strom/Benzin");
        Assert.True(await gas.IsVisibleAsync());

        await field3.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await gas.IsVisibleAsync());

        await page.Keyboard.PressAsync("Space");
        Assert.True(await gas.IsVisibleAsync());
    }

    [BrowserFact]
    public async Task The_language_switch_turns_the_interface_English_and_back()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/handlungsfelder");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("Fields of action", await page.Locator("h1").TextContentAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith("/handlungsfelder", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();
        Assert.Equal("Handlungsfelder", await page.Locator("h1").TextContentAsync());
    }
}
