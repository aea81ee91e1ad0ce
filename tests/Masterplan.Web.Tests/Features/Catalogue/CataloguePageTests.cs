using AngleSharp.Dom;
using System.Net.Http.Json;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Catalogue;

public class CataloguePageTests
{
    // 001 §II writes "Videüberwachung"; the platform uses the correct spelling. Every other title is taken as written.
    private static string AsSeeded(string title) => title.Replace("Videüberwachung", "Videoüberwachung", StringComparison.Ordinal);

    [Theory, Engines]
    public async Task The_catalogue_page_shows_every_entry_of_001_with_its_number(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var expected = SeedDocuments.CatalogueOf001();
        Assert.Equal(55, expected.Count); // 4 fields and 51 numbered topics, down to 3.3.1.1

        var page = await app.CreateClient().GetPageAsync("/handlungsfelder");

        var shown = page.QuerySelectorAll(".tree summary, .tree .leaf").Select(e => e.Text()).ToList();
        foreach (var (number, title) in expected)
        {
            Assert.Contains($"{number} {AsSeeded(title)}", shown);
        }

        Assert.Equal(expected.Count, shown.Count);
        Assert.Contains("Gemeinsam durch Gefahrenlagen", page.Body!.Text()); // guiding sentence of field 3
    }

    [Fact]
    public async Task The_tree_is_nested_and_expandable_without_JavaScript()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var page = await app.CreateClient().GetPageAsync("/handlungsfelder");

        var deepest = page.QuerySelectorAll(".tree .leaf").Single(e => e.Text().StartsWith("3.3.1.1 ", StringComparison.Ordinal));
        var ancestors = deepest.Ancestors<AngleSharp.Dom.IElement>().Where(e => e.LocalName == "details")
            .Select(d => d.QuerySelector("summary")!.Text()).ToList();
        Assert.Equal(["3.3.1 Versorgungsengpässe", "3.3 Großschadenslagen", "3 Bevölkerungsschutz"], ancestors);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task The_catalogue_API_returns_the_numbered_tree()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/catalogue"));

        var fields = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3", "4"], fields.Select(f => f.GetProperty("number").GetString()));
        var field3 = fields[2];
        Assert.Equal("Bevölkerungsschutz", field3.GetProperty("title").GetString());
        var gas = field3.GetProperty("children")[2].GetProperty("children")[0].GetProperty("children")[0];
        Assert.Equal("3.3.1.1", gas.GetProperty("number").GetString());
        Assert.Equal("Gas/Strom/Benzin", gas.GetProperty("title").GetString());
    }
}
