using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Districts;

public class DistrictTests
{
    [Theory, Engines]
    public async Task The_twelve_districts_are_named_as_in_the_Beratungsfolge_of_001(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var fromSeed = SeedDocuments.ConsultationsOf001()
            .Where(c => c.Body.StartsWith("Bezirksvertretung ", StringComparison.Ordinal))
            .Select(c => c.Body["Bezirksvertretung ".Length..]).Order(StringComparer.Ordinal).ToList();

        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/districts"));
        var page = await app.CreateClient().GetPageAsync("/stadtbezirke");

        Assert.Equal(12, fromSeed.Count);
        Assert.Equal(fromSeed, doc.RootElement.EnumerateArray().Select(d => d.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(12, page.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("54.215", page.QuerySelector("tbody tr")!.Text()); // Innenstadt-West, 31.12.2023
    }
}
