using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The start page (next meetings, current lab, news, the search form), the site search with results, without results and
/// with bad input, and the contact page, in German and English at 375 and 1280 px: axe (WCAG 2.1 A and AA) and no
/// sideways scrolling.
/// </summary>
[Collection(SiteCollection.Name)]
public class FindYourWayPagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_start_page_the_search_and_the_contact_page_pass_axe_on_phone_and_desktop_in_German_and_English()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            foreach (var width in new[] { 375, 1280 })
            {
                var page = await site.NewPageAsync(width: width, height: 800, locale: locale);
                async Task CheckAsync(string what)
                {
                    await Axe.CheckAsync(page, $"{what} at {width}px", failures, output);
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow > 0)
                    {
                        failures.Add($"{locale} {what} scrolls sideways by {overflow}px at {width}px");
                    }
                }

                await page.GotoAsync(site.BaseUrl + "/");
                // The demo has one public meeting ahead and a non-public one that is not shown.
                Assert.Equal(["4. Sitzung der Vollversammlung"], await page.Locator("section[aria-labelledby=next-meetings] li > a").AllInnerTextsAsync());
                Assert.Equal(1, await page.Locator("section[aria-labelledby=current-lab] li").CountAsync());
                Assert.True(await page.Locator("section[aria-labelledby=news] li").CountAsync() > 0, "the demo's papers are news");
                await CheckAsync("/");

                // The start page's search form, by keyboard: type and press Enter.
                await page.Locator("main input[type=search]").FillAsync("Sicherheit");
                await page.Keyboard.PressAsync("Enter");
                await page.WaitForURLAsync("**/suche?q=Sicherheit");
                Assert.True(await page.Locator("main section h2").CountAsync() >= 2, "results of several kinds");
                await CheckAsync("/suche?q=Sicherheit");

                var all = page.Locator("main section p a[href*='art=']").First;
                if (await all.CountAsync() > 0)
                {
                    await all.ClickAsync();
                    await page.WaitForURLAsync("**art=*");
                    await CheckAsync("/suche?q=Sicherheit&art=…");
                }

                await page.GotoAsync(site.BaseUrl + "/suche?q=Xylophonwerkstatt");
                Assert.Equal(0, await page.Locator("main section").CountAsync());
                Assert.True(await page.Locator("main [role=status]").CountAsync() == 1, "the empty state says nothing was found");
                await CheckAsync("/suche (nothing found)");

                await page.GotoAsync(site.BaseUrl + "/suche?q=%25%25%25");
                Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
                await CheckAsync("/suche (bad input)");

                // The header's search link and the footer's contact link.
                await page.GotoAsync(site.BaseUrl + "/kontakt");
                Assert.Equal(1, await page.Locator("footer a[href='/kontakt']").CountAsync());
                Assert.Equal(1, await page.Locator("header a[href='/suche']").CountAsync());
                await CheckAsync("/kontakt");
                await page.Context.CloseAsync();
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
