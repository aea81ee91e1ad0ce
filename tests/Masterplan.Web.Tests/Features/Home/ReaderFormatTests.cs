using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>An English reader gets English dates, numbers, money and chart texts, never American dates beside German money.</summary>
public class ReaderFormatTests
{
    [Fact]
    public async Task Dates_money_and_chart_texts_follow_the_readers_language()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var measure = await db.Set<Measure>().Where(m => m.Title == "Beleuchtung am Nordausgang des Hauptbahnhofs").Select(m => m.Id).SingleAsync();
        var indicator = await db.Set<Indicator>().Where(i => i.IsPublic && i.Values.Count > 1 && i.TargetValue != null).Select(i => i.Id).FirstAsync();
        var german = Users.Client(app);
        var english = Users.Client(app);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var de = (await german.GetPageAsync($"/massnahmen/{measure}")).QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("120.000,00 €", de);
        Assert.Contains("01.01.2025 – 31.12.2027", de);
        var en = (await english.GetPageAsync($"/massnahmen/{measure}")).QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("€120,000.00", en);
        Assert.Contains("€60,000.00", en);
        Assert.Contains("01/01/2025 – 31/12/2027", en); // British order: never 12/31/2027
        Assert.DoesNotContain("€ ", en);

        var chartDe = (await german.GetPageAsync($"/kennzahlen/{indicator}")).QuerySelector("figure.chart svg desc")!.TextContent;
        var chartEn = (await english.GetPageAsync($"/kennzahlen/{indicator}")).QuerySelector("figure.chart svg desc")!.TextContent;
        Assert.Contains("Ziel", chartDe);
        Assert.Contains("Target", chartEn);
        Assert.DoesNotContain("Ziel", chartEn);
        Assert.DoesNotContain("Wert", chartEn);
        Assert.Matches(@"\b(Jan|Feb|Mar|Apr|May|June|July|Aug|Sept|Oct|Nov|Dec) \d{4}\b", chartEn);
    }
}
