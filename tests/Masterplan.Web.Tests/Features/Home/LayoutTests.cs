using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>The shell that works on a phone without JavaScript: the menu is a disclosure, wide tables scroll in a labelled region.</summary>
public class LayoutTests
{
    [Fact]
    public async Task The_navigation_sits_in_a_menu_disclosure_and_every_public_table_in_a_focusable_labelled_region()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var client = app.CreateClient();

        var start = await client.GetPageAsync("/");
        var menu = start.QuerySelector("header details.site-menu")!;
        Assert.Equal("Menü", menu.QuerySelector(":scope > summary")!.Text());
        Assert.Null(menu.GetAttribute("open")); // closed until asked for; wide screens show its content by style
        Assert.Contains("/mitmachen", menu.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(menu.QuerySelector("a[href='/konto/anmelden']"));
        Assert.NotNull(menu.QuerySelector("a.lang"));

        var failures = new List<string>();
        var tables = 0;
        foreach (var (url, page) in await PlainLanguageTests.CrawlAsync(client))
        {
            foreach (var table in page.QuerySelectorAll("main table"))
            {
                tables++;
                var region = table.ParentElement!;
                if (!region.ClassList.Contains("table-scroll") || region.GetAttribute("role") != "region"
                    || string.IsNullOrWhiteSpace(region.GetAttribute("aria-label")) || region.GetAttribute("tabindex") != "0")
                {
                    failures.Add($"{url}: a table outside a focusable, labelled scroll region: {region.OuterHtml[..Math.Min(120, region.OuterHtml.Length)]}");
                }
            }
        }

        Assert.True(tables > 10, $"the crawl found {tables} tables");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    [Fact]
    public async Task The_stylesheet_never_splits_words_anywhere_in_table_cells()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var css = await app.CreateClient().GetStringAsync("/css/site.css");

        // The cause of "Maßnah-me" letter by letter on phones: table cells may break words only where a word is
        // wider than the whole screen, never to make a column narrower.
        Assert.DoesNotMatch(@"(?m)^\s*(td|th|table)[^{]*\{[^}]*overflow-wrap:\s*anywhere", css);
        Assert.DoesNotMatch(@"(?m)^\s*(td|th)[^{]*\{[^}]*hyphens:\s*auto", css);
    }
}
