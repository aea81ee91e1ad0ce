using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Organizations;

/// <summary>
/// The history the plan starts from: the three working groups of masterplan 1.0 (000 l. 17) and the key figures of its
/// measures are recorded with edition 1 and shown apart from the bodies and figures of today.
/// </summary>
public class FirstPlanHistoryTests
{
    [Theory, Engines]
    public async Task The_working_groups_and_key_figures_of_masterplan_1_0_are_history_apart_from_today(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var anonymous = Users.Client(app);

        // The reference data brings the three working groups of 1.0, with their source, in a section of their own.
        var list = await anonymous.GetPageAsync("/gremien");
        var history = list.QuerySelector("section[aria-labelledby=masterplan-1]")!;
        var names = history.QuerySelectorAll("li a").Select(a => a.TextContent).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains("Arbeitsgruppe „Sichere Nachbarschaft“ (Masterplan 1.0)", names);
        Assert.Contains("Arbeitsgruppe „Sichere öffentliche Räume“ (Masterplan 1.0)", names);
        Assert.Contains("Arbeitsgruppe „Sichere Infrastruktur“ (Masterplan 1.0)", names);
        var current = list.QuerySelector("section[aria-labelledby=art-WorkingGroup]")!.TextContent;
        Assert.DoesNotContain("Masterplan 1.0", current);
        var group = await anonymous.GetPageAsync(history.QuerySelector("li a")!.GetAttribute("href")!);
        var facts = group.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Gremium des Masterplans 1.0 (Geschichte)", facts);
        Assert.Contains("Zeitungsartikel vom Mai 2021 über den ersten Masterplan", facts);

        // The Office records another body of 1.0 the same way.
        var created = await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new()
        {
            ["Name"] = "Lenkungsgruppe Masterplan 1.0", ["Kind"] = "Forum", ["ParentId"] = "", ["FirstPlan"] = "true",
            ["StartDate"] = "2016-01-01", ["EndDate"] = "2019-02-28",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Lenkungsgruppe Masterplan 1.0", (await anonymous.GetPageAsync("/gremien")).QuerySelector("section[aria-labelledby=masterplan-1]")!.TextContent);

        // A key figure of a measure of 1.0 (000 l. 23: the city trains 15 security staff a year) is marked as history.
        int indicator;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var field = await db.FieldsOfAction.Where(f => f.SeedKey == "field:2").Select(f => f.Id).SingleAsync();
            var measure = new Measure
            {
                Title = "Ausbildung von Fachkräften für Schutz und Sicherheit", FieldOfActionId = field, IsPublic = true, PlanEdition = 1, ExternalNumber = "M 2.4",
                SourceKind = CatalogueSourceKind.Document,
            };
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            var figure = new Indicator
            {
                Name = "Selbst ausgebildete Fachkräfte für Schutz und Sicherheit", Unit = "Personen je Jahr", FieldOfActionId = field, MeasureId = measure.Id,
                TargetValue = 15, IsPublic = true, DataSource = "Ordnungsamt",
            };
            figure.Values.Add(new IndicatorValue { Date = new DateOnly(2020, 12, 31), Value = 15 });
            db.Indicators.Add(figure);
            db.Indicators.Add(new Indicator { Name = "Sicherheitsgefühl in der Nordstadt", Unit = "%", FieldOfActionId = field, IsPublic = true });
            await db.SaveChangesAsync();
            indicator = figure.Id;
        }

        var rows = (await anonymous.GetPageAsync("/kennzahlen")).QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Contains(rows, r => r.StartsWith("Selbst ausgebildete Fachkräfte für Schutz und Sicherheit", StringComparison.Ordinal) && r.Contains("Masterplan 1.0", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Sicherheitsgefühl in der Nordstadt", StringComparison.Ordinal) && !r.Contains("Masterplan 1.0", StringComparison.Ordinal));
        Assert.Contains("Kennzahl der Maßnahme M 2.4 des Masterplans 1.0 (DS 12534-18): Geschichte",
            (await anonymous.GetPageAsync($"/kennzahlen/{indicator.ToString(CultureInfo.InvariantCulture)}")).QuerySelector("dl")!.TextContent);
    }
}
