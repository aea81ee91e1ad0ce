using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Papers;

public class PaperPagesTests
{
    [Theory, Engines]
    public async Task Paper_26093_22_has_the_Beratungsfolge_of_001(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var expected = SeedDocuments.ConsultationsOf001();
        Assert.Equal(28, expected.Count);
        int id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Papers.Where(p => p.Reference == "26093-22").Select(p => p.Id).SingleAsync();
        }

        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/papers/{id}"));

        var consultations = doc.RootElement.GetProperty("consultations").EnumerateArray().ToList();
        Assert.Equal(28, consultations.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (body, date, role) = expected[i];
            var c = consultations[i];
            Assert.Equal(i + 1, c.GetProperty("position").GetInt32());
            Assert.StartsWith(body, c.GetProperty("organizationName").GetString(), StringComparison.Ordinal); // "Rat der Stadt" → "Rat der Stadt Dortmund"
            Assert.Equal(date, DateOnly.Parse(c.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(role == "Beschluss" ? "Decision" : "Recommendation", c.GetProperty("role").GetString());
        }
    }

    [Fact]
    public async Task The_paper_page_shows_the_Beratungsfolge_and_the_amending_motion_of_004()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        Paper paper, motion;
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            paper = await data.Papers.SingleAsync(p => p.Reference == "26093-22");
            motion = await data.Papers.Include(p => p.Consultations).ThenInclude(c => c.Organization).SingleAsync(p => p.AmendsPaperId == paper.Id);
        }

        var page = await app.CreateClient().GetPageAsync($"/vorlagen/{paper.Id}");

        var rows = page.QuerySelectorAll("table tbody tr").ToList();
        Assert.Equal(28, rows.Count);
        Assert.Equal("1 Behindertenpolitisches Netzwerk 29.11.2022 Empfehlung", rows[0].Text());
        Assert.Equal("28 Rat der Stadt Dortmund 09.02.2023 Beschluss", rows[27].Text());
        Assert.Contains(page.QuerySelectorAll("dd a"), a => a.GetAttribute("href") == $"/vorlagen/{motion.Id}");

        Assert.Equal("Antrag", motion.PaperType);
        Assert.Equal(new DateOnly(2023, 12, 12), motion.Date);
        var deliberation = Assert.Single(motion.Consultations);
        Assert.Equal("ABöOAB", deliberation.Organization.ShortName);
        Assert.Equal(ConsultationRole.Deliberation, deliberation.Role);
    }
}
