using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The shell on a phone (375 px) and a desktop (1280 px), in German and English: a compact header whose menu
/// opens with the keyboard, the full navigation on wide screens, tables that keep their words whole, a footer
/// at the bottom of short pages; axe clean.
/// </summary>
[Collection(SiteCollection.Name)]
public class LayoutTests(SiteFixture site, ITestOutputHelper output)
{
    public static readonly TheoryData<string> Locales = new() { "de-DE", "en-GB" };

    private static (string Menu, string Meetings) Names(string locale) => locale == "de-DE" ? ("Menü", "Sitzungen") : ("Menu", "Meetings");

    private async Task<List<string>> AxeAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Axe.WcagAA);
        output.WriteLine($"axe {what}: {result.Violations.Length} violations");
        return result.Violations.Select(v => $"{what}: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }

    [BrowserTheory, MemberData(nameof(Locales))]
    public async Task On_a_phone_the_header_is_compact_and_the_menu_opens_with_the_keyboard(string locale)
    {
        var (menuName, meetings) = Names(locale);
        var page = await site.NewPageAsync(width: 375, height: 800, locale: locale);
        await page.GotoAsync(site.BaseUrl + "/");
        var failures = await AxeAsync(page, $"{locale} 375px / (menu closed)");

        var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 110, $"the header takes {header.Height}px of 800 (it took 230 with the links wrapped)");
        var menu = page.Locator("details.site-menu > summary");
        Assert.True(await menu.IsVisibleAsync());
        Assert.Equal(menuName, (await menu.TextContentAsync())!.Trim());
        var meetingsLink = page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = meetings, Exact = true });
        Assert.False(await meetingsLink.IsVisibleAsync(), "the links wait behind the menu button");

        // Skip link, brand, then the menu button; Enter opens it and Tab goes on into its links.
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(menuName, await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('details.site-menu').open"));
        Assert.True(await meetingsLink.IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("/", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        failures.AddRange(await AxeAsync(page, $"{locale} 375px / (menu open)"));

        var box = (await meetingsLink.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 375, "the open menu fits the screen");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        // Space closes it again, as a button does.
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.False(await meetingsLink.IsVisibleAsync());

        await meetingsLink.Page.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserTheory, MemberData(nameof(Locales))]
    public async Task On_a_desktop_the_full_navigation_shows_without_a_menu_button(string locale)
    {
        var (_, meetings) = Names(locale);
        var page = await site.NewPageAsync(width: 1280, height: 800, locale: locale);
        await page.GotoAsync(site.BaseUrl + "/stadtbezirke");

        Assert.False(await page.Locator("details.site-menu > summary").IsVisibleAsync());
        var links = page.Locator("header nav a");
        Assert.True(await links.CountAsync() >= 7);
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            Assert.True(await links.Nth(i).IsVisibleAsync(), $"{await links.Nth(i).TextContentAsync()} is shown");
        }

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = meetings, Exact = true }).FocusAsync();
        Assert.Equal(meetings, await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 130, $"the header takes {header.Height}px");

        var failures = await AxeAsync(page, $"{locale} 1280px /stadtbezirke");

        // A short page: the footer ends at the bottom of the window, no white band under it.
        await page.GotoAsync(site.BaseUrl + "/impressum");
        var footer = (await page.Locator("footer.site-footer").BoundingBoxAsync())!;
        Assert.InRange(footer.Y + footer.Height, 799, 801);
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>A resident holding a lab letter finds the registration through "Mitmachen", on a phone and a desktop, by keyboard.</summary>
    [BrowserTheory]
    [InlineData("de-DE", 375)]
    [InlineData("de-DE", 1280)]
    [InlineData("en-GB", 375)]
    [InlineData("en-GB", 1280)]
    public async Task A_resident_with_a_lab_letter_finds_the_registration_through_Mitmachen(string locale, int width)
    {
        var (menuName, takePart, register) = locale == "de-DE"
            ? ("Menü", "Mitmachen", "Mit dem Brief zum Quartierslabor anmelden")
            : ("Menu", "Take part", "Register for the neighbourhood lab with your letter");
        var page = await site.NewPageAsync(width: width, height: 800, locale: locale);
        await page.GotoAsync(site.BaseUrl + "/");
        var failures = await AxeAsync(page, $"{locale} {width}px /");

        if (width < 768)
        {
            await page.Locator("details.site-menu > summary").FocusAsync();
            Assert.Equal(menuName, await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
            await page.Keyboard.PressAsync("Enter");
        }

        var link = page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = takePart, Exact = true });
        // Enter on the focused link (the locator focuses it and presses in one step: a separate focus could be taken by the
        // page before the key, which made this test time out now and then on a loaded machine).
        await link.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await link.PressAsync("Enter");
        await page.WaitForURLAsync("**/mitmachen");
        failures.AddRange(await AxeAsync(page, $"{locale} {width}px /mitmachen"));

        var way = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = register, Exact = true });
        await way.PressAsync("Enter");
        await page.WaitForURLAsync("**/quartierslabore/anmeldung");
        Assert.Equal(1, await page.Locator("main form input#Code").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        failures.AddRange(await AxeAsync(page, $"{locale} {width}px /quartierslabore/anmeldung"));
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Every word of every visible table cell stays on one line (a word that breaks onto two lines has client
    /// rectangles at two heights); words may still part at a hyphen or slash, where people expect it.
    /// </summary>
    private const string SplitWords = """
        () => {
          const found = [];
          for (const cell of document.querySelectorAll('main td, main th')) {
            if (getComputedStyle(cell).overflowWrap === 'anywhere') found.push('overflow-wrap: anywhere on ' + cell.textContent.trim().slice(0, 30));
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const words = /[^\s\-–\/]+/g;
              let m;
              while ((m = words.exec(node.data))) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) found.push(m[0]);
              }
            }
          }
          return found;
        }
        """;

    [BrowserTheory, MemberData(nameof(Locales))]
    public async Task Tables_keep_their_words_whole_and_scroll_inside_a_focusable_region(string locale)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var orgs = await http.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        var plenary = orgs.EnumerateArray().First(o => o.GetProperty("kind").GetString() == "PlenaryAssembly").GetProperty("id").GetInt32();
        var paper = (await http.GetFromJsonAsync<JsonElement>("/api/v1/papers")).EnumerateArray().First().GetProperty("id").GetInt32();
        string[] urls = ["/stadtbezirke", "/massnahmen", "/kennzahlen", "/sitzungen", "/empfehlungen?alle=true", $"/gremien/{plenary}", $"/vorlagen/{paper}", "/handlungsfelder/aenderungen"];

        var failures = new List<string>();
        var scrolled = 0;
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await site.NewPageAsync(width: width, height: 800, locale: locale);
            foreach (var url in urls)
            {
                await page.GotoAsync(site.BaseUrl + url);
                var split = await page.EvaluateAsync<string[]>(SplitWords);
                failures.AddRange(split.Distinct().Select(w => $"{locale} {width}px {url}: „{w}“ is split"));
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    failures.Add($"{locale} {width}px {url}: the page scrolls sideways by {overflow}px");
                }

                // A table wider than the screen scrolls in its region, and the keyboard scrolls it.
                var regions = page.Locator("main .table-scroll");
                for (var i = 0; i < await regions.CountAsync(); i++)
                {
                    var region = regions.Nth(i);
                    if (!await region.IsVisibleAsync() || !await region.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"))
                    {
                        continue;
                    }

                    await region.FocusAsync();
                    await page.Keyboard.PressAsync("ArrowRight");
                    await page.WaitForTimeoutAsync(100);
                    if (await region.EvaluateAsync<int>("e => e.scrollLeft") > 0)
                    {
                        scrolled++;
                    }
                    else
                    {
                        failures.Add($"{locale} {width}px {url}: a wide table does not scroll with the arrow key");
                    }
                }

                if (width == 375)
                {
                    failures.AddRange(await AxeAsync(page, $"{locale} 375px {url}"));
                }
            }

            await page.Context.CloseAsync();
        }

        output.WriteLine($"{scrolled} wide tables scrolled with the keyboard");
        Assert.True(scrolled > 0, "at 375px some table is wider than the screen, so the scrolling was tried");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
