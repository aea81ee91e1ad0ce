using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Participation;

/// <summary>
/// What residents give only for an answer (their address) and what the Office removed before publishing (a third
/// party's name) never leaves: no public page, feed, API or export shows it, and both go when the retention ends.
/// </summary>
public sealed partial class ParticipationTests
{
    private const string PlantedAddress = "planted-7f3c9a41@example.org";
    private const string PlantedName = "Quirinius Zwetschgenbaum";

    /// <summary>A published, redacted, answered contribution with a confirmed unique address; returns (call, contribution).</summary>
    private static async Task<(int Call, int Contribution, HttpClient Office)> PlantAsync(AppFactory app, string mail)
    {
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office);
        var resident = Users.Client(app);
        var text = $"=HYPERLINK(\"http://evil.example\") Vor dem Kiosk pöbelt {PlantedName} jeden Abend, \"laut\"; bitte öfter kontrollieren.";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, resident, id, new() { ["Text"] = text, ["Email"] = PlantedAddress, ["District"] = "Eving", ["Theme"] = "Lärm" })).StatusCode);
        var link = Regex.Match((await MeetingChainTests.MailsAsync(app, mail)).Last().TextBody!, @"https://masterplan\.example(/beteiligung/bestaetigen/\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await resident.PostFormAsync(link, [])).StatusCode);
        int contributionId;
        await using (var scope = app.Scope())
        {
            contributionId = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.SingleAsync()).Id;
        }

        var queue = $"/verwaltung/beteiligung/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=Publish",
            new() { ["contributionId"] = $"{contributionId}", ["redacted"] = text.Replace(PlantedName, "[entfernt]", StringComparison.Ordinal) }, queue)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=Answer",
            new() { ["contributionId"] = $"{contributionId}", ["status"] = "in-review", ["answer"] = "Wir prüfen das mit dem Ordnungsdienst." }, queue)).StatusCode);
        return (id, contributionId, office);
    }

    [Theory, Engines]
    public async Task A_planted_address_and_redacted_original_appear_on_no_public_page_api_or_export(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var (callId, contributionId, office) = await PlantAsync(app, mail);

        // A public measure takes the contribution up, so the measure's page and its way back to the residents are crawled too.
        int measureId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var measure = new Measure
            {
                Title = "Mehr Präsenz am Kiosk", FieldOfActionId = (await db.FieldsOfAction.OrderBy(f => f.Id).FirstAsync()).Id, IsPublic = true,
                SourceKind = CatalogueSourceKind.Document, SourceText = "Beteiligung", UpdatedAt = app.Clock.GetUtcNow(),
            };
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            measureId = measure.Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/verwaltung/beteiligung/{callId}?handler=Answer&zeige=published", new()
        {
            ["contributionId"] = $"{contributionId}", ["status"] = "taken-up", ["answer"] = "Aufgegriffen.", ["takenUp"] = $"measure:{measureId}",
        }, $"/verwaltung/beteiligung/{callId}")).StatusCode);
        await using (var scope = app.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.SingleAsync();
            Assert.Equal(PlantedAddress, stored.Email); // planted, so the search below means something
            Assert.Contains(PlantedName, stored.OriginalText);
        }

        // Crawl every page an anonymous visitor reaches from the module's pages, and every public GET of the API.
        var visitor = Users.Client(app);
        var queue = new Queue<string>([
            "/beteiligung", $"/beteiligung/{callId}", $"/beteiligung/{callId}?bezirk=Eving&thema=L%C3%A4rm", $"/beteiligung/beitraege/{contributionId}",
            $"/beteiligung/{callId}/beitrag", "/beteiligung/so-machen-sie-mit", "/datenschutz", "/openapi/v1.json", $"/massnahmen/{measureId}",
            $"/api/v1/input-calls/{callId}/contributions", $"/api/v1/input-calls/{callId}/contributions?district=Eving&theme=L%C3%A4rm",
        ]);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.StartsWith("api/", StringComparison.Ordinal) && !pattern.Contains('{', StringComparison.Ordinal)
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            {
                queue.Enqueue("/" + pattern);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0 && seen.Count < 400)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            var response = await visitor.GetAsync(url);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(PlantedAddress, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(PlantedName, body, StringComparison.Ordinal);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                foreach (Match m in Regex.Matches(body, "href=\"(/[^\"#]*)"))
                {
                    var next = m.Groups[1].Value;
                    if ((next.StartsWith("/beteiligung", StringComparison.Ordinal) || next.StartsWith("/api/", StringComparison.Ordinal)
                            || next.StartsWith("/massnahmen/", StringComparison.Ordinal)) && !seen.Contains(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }

        Assert.Contains($"/beteiligung/beitraege/{contributionId}", seen);
        Assert.Contains($"/beteiligung/massnahmen/{measureId}", seen); // reached from the measure's page, not given

        // The open-data API has the published text.
        Assert.Contains("[entfernt]", await visitor.GetStringAsync($"/api/v1/input-calls/{callId}/contributions"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/api/v1/input-calls/999999/contributions")).StatusCode);

        // The privacy page says what is kept and for how long (every module adds its notes).
        Assert.Contains("Eine E-Mail-Adresse speichern wir nur, wenn Sie eine Antwort auf Ihren Beitrag möchten.", await BodyAsync(await visitor.GetAsync("/datenschutz")));
        Assert.Contains(seen, u => u.StartsWith("/api/v1/", StringComparison.Ordinal));

        // The Office's export: RFC 4180 with a BOM, the formula cell escaped, no address and no original.
        var export = await office.GetAsync($"/verwaltung/beteiligung/{callId}?handler=Export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain(PlantedAddress, csv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PlantedName, csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\") Vor dem Kiosk pöbelt [entfernt]", csv);
        Assert.Contains("ja (bestätigt)", csv);
        Assert.EndsWith("\r\n", csv);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // After closing, the published evaluation and its report (PDF, DOCX) carry neither.
        app.Clock.Advance(TimeSpan.FromDays(15));
        var evaluation = await BodyAsync(await visitor.GetAsync($"/beteiligung/{callId}"));
        Assert.Contains("Auswertung", evaluation);
        Assert.DoesNotContain(PlantedAddress, evaluation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PlantedName, evaluation, StringComparison.Ordinal);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await visitor.GetByteArrayAsync($"/beteiligung/{callId}?handler=Report&format=pdf")))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("AuswertungderBeteiligung", text);
            Assert.DoesNotContain("Zwetschgenbaum", text, StringComparison.Ordinal);
            Assert.DoesNotContain("planted-7f3c9a41", text, StringComparison.Ordinal);
        }

        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await visitor.GetByteArrayAsync($"/beteiligung/{callId}?handler=Report&format=docx")), false);
        Assert.DoesNotContain(PlantedName, word.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedAddress, word.MainDocumentPart!.Document!.InnerText, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, Engines]
    public async Task Retention_deletes_addresses_and_originals_when_the_period_ends_with_an_audit_entry(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var (callId, contributionId, _) = await PlantAsync(app, mail);
        async Task<int> RunAsync()
        {
            await using var scope = app.Scope();
            return await ActivatorUtilities.CreateInstance<ParticipationRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        // The call closes in 14 days at 18:00 and keeps personal data 30 days after that.
        app.Clock.Advance(TimeSpan.FromDays(14 + 29));
        Assert.Equal(0, await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(10));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync()); // once

        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Contributions.SingleAsync(x => x.Id == contributionId);
        Assert.Null(c.Email);
        Assert.Null(c.OriginalText);
        Assert.Null(c.ConfirmTokenHash);
        Assert.Contains("[entfernt]", c.Text); // what was published stays
        Assert.NotNull((await db.InputCalls.SingleAsync(x => x.Id == callId)).PersonalDataDeletedAt);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "participation.personal-data.deleted");
        Assert.Equal(callId.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Contains("\"contributions\":1", audit.Changes);
    }
}
