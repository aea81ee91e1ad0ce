using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Reports;

/// <summary>The final report of masterplan 1.0: its measures with outcome, successors in 2.0 and lessons, as page, PDF and DOCX.</summary>
public class FinalReportTests
{
    [Theory, Engines]
    public async Task The_Office_records_outcome_successors_and_lessons_of_each_measure_of_masterplan_1(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        int old, older, successor;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var field = await db.FieldsOfAction.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            Measure M(string title, int edition, string? number) => new()
            {
                FieldOfActionId = field, Title = title, PlanEdition = edition, ExternalNumber = number, Status = MeasureStatus.Established, Progress = 100, UpdatedAt = app.Clock.GetUtcNow(),
            };
            var (a, b, c) = (M("Ordnungspartnerschaft Nordstadt", 1, "M 2.10"), M("Präventionsrat", 1, "M 2.9"), M("Ordnungspartnerschaft für alle Bezirke", 2, null));
            db.Measures.AddRange(a, b, c);
            await db.SaveChangesAsync();
            (old, older, successor) = (a.Id, b.Id, c.Id);
        }

        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var list = await office.GetPageAsync("/verwaltung/berichte/schlussbericht");
        var rows = list.QuerySelectorAll("#final-report tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("M 2.9", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains("für alle Bezirke", StringComparison.Ordinal));

        var entry = $"/verwaltung/berichte/schlussbericht/{old}";
        var wrong = await office.PostFormAsync(entry, new() { ["Outcome"] = "x", ["Successors"] = older.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("Nachfolger kann nur eine Maßnahme des Masterplans 2.0 sein.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/verwaltung/berichte/schlussbericht/{successor}")).StatusCode);

        var saved = await office.PostFormAsync(entry, new()
        {
            ["Outcome"] = "In die Regelarbeit des Ordnungsamts übergegangen.", ["Lessons"] = "Feste Ansprechpersonen wirken.",
            ["Successors"] = successor.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await CountAsync(app));

        var page = (await office.GetPageAsync("/verwaltung/berichte/schlussbericht")).QuerySelector("#final-report")!;
        Assert.Contains("In die Regelarbeit des Ordnungsamts übergegangen.", page.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/massnahmen/{successor}']"));

        var pdf = await office.GetByteArrayAsync("/verwaltung/berichte/schlussbericht?handler=File&format=pdf");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("OrdnungspartnerschaftfüralleBezirke", text, StringComparison.Ordinal);
            Assert.Contains("FesteAnsprechpersonenwirken.", text, StringComparison.Ordinal);
            Assert.Equal(FinalReport.Title, document.Information.Title);
        }

        var docx = await office.GetAsync("/verwaltung/berichte/schlussbericht?handler=File&format=docx");
        Assert.Equal(ReportDocument.DocxType, docx.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CountAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FinalReportEntries.CountAsync();
    }
}
