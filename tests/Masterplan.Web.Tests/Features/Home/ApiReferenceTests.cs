using System.Net.Http.Json;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>/api/docs: the OpenAPI document as a page of the site, in German and English.</summary>
public class ApiReferenceTests
{
    [Fact]
    public async Task The_reference_shows_every_operation_and_data_type_of_the_OpenAPI_document_with_working_links()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = Users.Client(app);
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var page = await client.GetPageAsync("/api/docs");

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Offene Schnittstelle (API)", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("a[href='/openapi/v1.json']"));
        var operations = page.QuerySelectorAll(".api-operation h3").Select(h => h.Text()).ToList();
        var expected = openApi.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToList();
        Assert.True(expected.Count > 15, "the document lists the API");
        Assert.Equal(expected.Order(), operations.Order());
        var schemas = page.QuerySelectorAll(".api-schema h3").Select(h => h.Text());
        Assert.Equal(openApi.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).Order(), schemas.Order());

        // Every link within the page has its target; the schema of a request body is linked.
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToHashSet();
        var targets = page.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.All(targets, t => Assert.Contains(t, ids));
        var measures = page.QuerySelectorAll(".api-operation").Single(o => o.QuerySelector("h3")!.Text() == "POST /api/v1/measures");
        Assert.Contains("Anfrage application/json: MeasureWrite", measures.Text());
        Assert.NotNull(measures.QuerySelector("a[href='#schema-measurewrite']"));
        Assert.Contains("400 Ungültige Anfrage application/problem+json", measures.Text());
        var list = page.QuerySelectorAll(".api-operation").Single(o => o.QuerySelector("h3")!.Text() == "GET /api/v1/measures");
        Assert.Contains("status (Abfrage): MeasureStatus", list.Text());
        Assert.Contains("page (Abfrage): integer (int32)", list.Text());
        Assert.Contains("200 Erfolg application/json: Liste von MeasureDto", list.Text());
        // The document's descriptions are English: marked as such on the German page.
        Assert.Equal("en", list.QuerySelector("h3 + p")!.GetAttribute("lang"));
        Assert.Contains("Einer der Werte: Proposed, Decided", page.GetElementById("schema-measurestatus")!.ParentElement!.Text());
    }

    [Fact]
    public async Task The_reference_speaks_English_when_asked()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = Users.Client(app);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await client.GetPageAsync("/api/docs");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Open interface (API)", page.QuerySelector("h1")!.Text());
        var list = page.QuerySelectorAll(".api-operation").Single(o => o.QuerySelector("h3")!.Text() == "GET /api/v1/measures");
        Assert.Contains("200 Success application/json: list of MeasureDto", list.Text());
        Assert.Null(list.QuerySelector("[lang]"));
        Assert.Equal("Fields of action, measures and indicators", page.GetElementById("tag-catalogue")!.Text());
    }
}
