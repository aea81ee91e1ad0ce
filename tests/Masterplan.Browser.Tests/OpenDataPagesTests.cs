using Xunit.Abstractions;

namespace Masterplan.Browser.Tests;

/// <summary>The open-data page in a real browser: axe (WCAG 2.1 A and AA) in German and English, and no sideways scrolling at 320 px.</summary>
[Collection(SiteCollection.Name)]
public sealed class OpenDataPagesTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_open_data_page_passes_axe_in_German_and_English_and_reflows_at_320_pixels()
    {
        var failures = new List<string>();
        foreach (var locale in new[] { "de-DE", "en-GB" })
        {
            var page = await site.NewPageAsync(locale: locale);
            await page.GotoAsync(site.BaseUrl + "/offene-daten");
            Assert.Equal(locale == "de-DE" ? "Offene Daten" : "Open data", (await page.Locator("h1").TextContentAsync())?.Trim());
            await Axe.CheckAsync(page, $"{locale} /offene-daten", failures, output);
            await page.Context.CloseAsync();
        }

        var narrow = await site.NewPageAsync(width: 320, height: 640);
        await narrow.GotoAsync(site.BaseUrl + "/offene-daten");
        var overflow = await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            failures.Add($"/offene-daten scrolls sideways by {overflow}px at 320px");
        }

        await narrow.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
