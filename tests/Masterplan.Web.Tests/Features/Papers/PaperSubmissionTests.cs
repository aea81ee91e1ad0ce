using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.OParl;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Papers;

/// <summary>
/// The hook another module (the reports module's half-year report) uses to send a paper to a committee: one call makes the
/// paper with its PDF and first consultation, which then shows on the public page and in OParl; bad input stores nothing.
/// </summary>
public class PaperSubmissionTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static NewPaper Report(int committee, string reference = "31415-26", byte[]? data = null) => new(
        reference, "Halbjahresbericht Masterplan Kommunale Sicherheit, 1. Halbjahr 2026", "Bericht", new(2026, 7, 15), "Geschäftsstelle Masterplan", null,
        null, "Der Bericht fasst den Stand der Maßnahmen zusammen.", new("Halbjahresbericht 2026/1", "halbjahresbericht-2026-1.pdf", data ?? Pdf),
        new(committee, new(2026, 9, 10), ConsultationRole.Acknowledgement, true));

    private static async Task<T> WithAsync<T>(AppFactory app, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Scope();
        return await use(scope.ServiceProvider);
    }

    private static Task<int> CommitteeAsync(AppFactory app) => WithAsync(app, s =>
        s.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == OrganizationKind.Committee).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    [Theory, Engines]
    public async Task A_report_sent_as_a_paper_shows_on_its_page_and_in_OParl_with_its_PDF_and_consultation(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var committee = await CommitteeAsync(app);

        var outcome = await WithAsync(app, s => s.GetRequiredService<PaperSubmission>().CreateAsync(Report(committee), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var id = outcome.Value;

        var client = Users.Client(app);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/vorlagen/{id}"));
        Assert.Contains("Halbjahresbericht Masterplan Kommunale Sicherheit", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31415-26", page.Body!.TextContent, StringComparison.Ordinal);
        var fileLink = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith($"/vorlagen/{id}/dateien/", StringComparison.Ordinal));
        Assert.Equal(Pdf, await client.GetByteArrayAsync(fileLink));

        var crawler = new OParlCrawler(client);
        var paper = (JsonObject)await crawler.GetAsync($"/oparl/v1/paper/{id}");
        OParlSchemas.Validate(paper);
        Assert.Equal("Bericht", (string?)paper["paperType"]);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(Pdf)), (string?)paper["mainFile"]!["sha512Checksum"]);
        Assert.Equal("halbjahresbericht-2026-1.pdf", (string?)paper["mainFile"]!["fileName"]);
        var consultation = Assert.Single((JsonArray)paper["consultation"]!)!;
        Assert.Equal($"{OParlCrawler.Base}/oparl/v1/organization/{committee}", (string?)consultation["organization"]![0]);
        Assert.Equal("Kenntnisnahme", (string?)consultation["role"]);
        Assert.True((bool)consultation["authoritative"]!);
    }

    [Theory, Engines]
    public async Task A_paper_with_a_body_that_does_not_exist_a_file_that_is_no_PDF_or_a_taken_reference_stores_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var committee = await CommitteeAsync(app);
        var department = await WithAsync(app, s => s.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == OrganizationKind.Department).Select(o => o.Id).FirstAsync());
        var counts = () => WithAsync(app, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            return (await db.Papers.CountAsync(), await db.Consultations.CountAsync(), await db.PaperFiles.CountAsync());
        });
        var before = await counts();

        async Task<IReadOnlyList<FieldError>> RefusedAsync(NewPaper paper)
        {
            var outcome = await WithAsync(app, s => s.GetRequiredService<PaperSubmission>().CreateAsync(paper, CancellationToken.None));
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            return outcome.Errors;
        }

        var unknownBody = await RefusedAsync(Report(987_654));
        Assert.Equal(("Consultation", "Das gewählte Gremium gibt es nicht. Bitte wählen Sie ein Gremium aus der Liste."), (unknownBody.Single().Field, unknownBody.Single().Key));

        var departmentConsults = await RefusedAsync(Report(department));
        Assert.Equal("Consultation", departmentConsults.Single().Field);

        var notPdf = await RefusedAsync(Report(committee, data: "PK\u0003\u0004 not a pdf"u8.ToArray()));
        Assert.Equal("File", notPdf.Single().Field);
        Assert.Equal("halbjahresbericht-2026-1.pdf", notPdf.Single().Args[0]);

        var badReference = await RefusedAsync(Report(committee, reference: "Bericht 1"));
        Assert.Equal("Reference", badReference.Single().Field);

        var taken = await RefusedAsync(Report(committee, reference: "26093-22"));
        Assert.Equal(("Reference", "Die Drucksachennummer {0} ist schon vergeben."), (taken.Single().Field, taken.Single().Key));

        var everything = await RefusedAsync(Report(committee) with { Name = " ", PaperType = "Roman", Date = new(1800, 1, 1) });
        Assert.Equal(["Name", "PaperType", "Date"], everything.Select(e => e.Field));

        Assert.Equal(before, await counts());
        Assert.Equal(HttpStatusCode.OK, (await Users.Client(app).GetAsync("/vorlagen")).StatusCode);
    }
}
