using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Reports;

/// <summary>The status overview (docs/domain.md#status-overview) lists every field of 001 §II and the measures; PDF and DOCX.</summary>
public class StatusOverviewTests
{
    [Theory, Engines]
    public async Task The_overview_lists_every_field_of_001_and_the_measures_as_page_PDF_and_DOCX_and_satisfies_the_Lenkungskreis_check(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        List<string> topLevel;
        int steeringMeeting;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            topLevel = await db.FieldsOfAction.Where(f => f.ParentId == null && !f.IsRetired).Select(f => f.Title).ToListAsync();
            var node = await db.FieldsOfAction.FirstAsync(f => f.Title == "Videoüberwachung im öffentlichen Raum");
            db.FieldsOfAction.Add(new FieldOfAction { ParentId = node.Id, Position = 99, Title = "Leeres Unterfeld ohne Arbeit" }); // no measures, no KPIs
            db.Measures.Add(new Measure
            {
                FieldOfActionId = node.Id, Title = "Kameras am Nordmarkt erneuern", Status = MeasureStatus.InProgress, Progress = 40, IsPublic = false,
                StartDate = new DateOnly(2026, 1, 1), UpdatedAt = app.Clock.GetUtcNow(),
                Updates = [new MeasureStatusUpdate { Date = new DateOnly(2026, 10, 15), Text = "Ausschreibung veröffentlicht", AuthorName = "Amt 32", RecordedAt = app.Clock.GetUtcNow() }],
                Milestones =
                [
                    new Milestone { Title = "Vergabe erteilt", DueDate = new DateOnly(2026, 11, 1) },
                    new Milestone { Title = "Standorte geprüft", DueDate = new DateOnly(2026, 10, 1), DoneDate = new DateOnly(2026, 9, 20) },
                ],
            });
            db.Indicators.Add(new Indicator
            {
                FieldOfActionId = node.Id, Name = "Gemeldete Angsträume am Nordmarkt", Unit = "Orte", Direction = IndicatorDirection.LowerIsBetter,
                BaselineValue = 20, BaselineDate = new DateOnly(2025, 1, 1), TargetValue = 10, TargetDate = new DateOnly(2027, 1, 1), UpdatedAt = app.Clock.GetUtcNow(),
                Values = [new IndicatorValue { Date = new DateOnly(2026, 1, 1), Value = 19 }, new IndicatorValue { Date = new DateOnly(2026, 12, 1), Value = 9 }],
            });
            var steering = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.SteeringCircle);
            var meeting = new Meeting
            {
                OrganizationId = steering.Id, Title = "Lenkungskreis", Start = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero), CalendarUid = "lk@test",
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            steeringMeeting = meeting.Id;
        }

        Assert.Equal(4, topLevel.Count);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = (await office.GetPageAsync("/verwaltung/statusuebersicht?von=2026-09-01&bis=2026-11-23")).Body!.Text();
        Assert.Contains("Kameras am Nordmarkt erneuern", page);
        Assert.Contains("15.10.2026: Ausschreibung veröffentlicht", page);
        Assert.All(topLevel, t => Assert.Contains(t, page));
        // Milestones and KPIs as of the period's end: the November value is after it, so January's 19 (path: 15) decides.
        Assert.Contains("Vergabe erteilt (fällig am 01.11.2026)", page);
        Assert.DoesNotContain("Standorte geprüft", page);
        Assert.Contains("Gemeldete Angsträume am Nordmarkt 19 Orte (01.01.2026) 10 Orte (01.01.2027) nicht auf Kurs", page);

        var pdf = await office.GetByteArrayAsync("/verwaltung/statusuebersicht?handler=Pdf&von=2026-09-01&bis=2026-11-23");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.All(topLevel, t => Assert.Contains(t.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal)));
            Assert.Contains("KamerasamNordmarkterneuern", text.Replace(" ", "", StringComparison.Ordinal));
            Assert.Contains("Fortschritt:40%aus1Maßnahme(", text.Replace(" ", "", StringComparison.Ordinal));
            // Sources as readable references, never as citation codes of the seed documents ("001 §I", "004 §3").
            Assert.Contains("Ratsvorlage26093-22vom08.11.2022,TeilI", text.Replace(" ", "", StringComparison.Ordinal));
            Assert.DoesNotMatch(@"\b00[0-4]\s*§|§\s*[IVX]+\b", text);
            Assert.Contains("Vergabeerteilt(fällig01.11.2026)", text.Replace(" ", "", StringComparison.Ordinal));
            Assert.Contains("GemeldeteAngsträumeamNordmarkt", text.Replace(" ", "", StringComparison.Ordinal));
            Assert.Contains("nichtaufKurs", text.Replace(" ", "", StringComparison.Ordinal));

            // Fields without measures or indicators get no heading of their own: one line names them all, at the end.
            var compact = text.Replace(" ", "", StringComparison.Ordinal);
            var line = compact.IndexOf("OhneMaßnahmenundKennzahlen:", StringComparison.Ordinal);
            Assert.True(line > compact.IndexOf("KamerasamNordmarkterneuern", StringComparison.Ordinal), "the line comes after the fields with measures");
            Assert.True(compact.IndexOf("LeeresUnterfeldohneArbeit", StringComparison.Ordinal) > line, "the empty field is first named in that line, not as a heading");
        }

        var docx = await office.GetByteArrayAsync("/verwaltung/statusuebersicht?handler=Docx&von=2026-09-01&bis=2026-11-23");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.Contains("Kameras am Nordmarkt erneuern", word.MainDocumentPart!.Document!.InnerText);
        }

        // Nobody but the Office prepares it; the measure is not public.
        Assert.Equal(HttpStatusCode.Redirect, (await Users.Client(app).GetAsync("/verwaltung/statusuebersicht")).StatusCode);

        // Attached to the Lenkungskreis meeting, the dashboard's 001 §I check no longer names that meeting.
        var agenda = $"/verwaltung/sitzungen/{steeringMeeting}/tagesordnung";
        Assert.Contains("03.12.2026 Lenkungskreis", (await office.GetPageAsync("/verwaltung/sitzungen")).Body!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{agenda}?handler=AttachOverview", [], agenda)).StatusCode);
        var check = (await office.GetPageAsync("/verwaltung/sitzungen")).QuerySelectorAll(".checks li").Select(li => li.Text())
            .Single(c => c.Contains("Übersicht der Handlungsfelder in jeder Sitzung", StringComparison.Ordinal));
        Assert.StartsWith("Erfüllt", check, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().MeetingDocuments.SingleAsync(d => d.MeetingId == steeringMeeting);
            Assert.Equal(MeetingDocumentKind.StatusOverview, stored.Kind);
            Assert.False(stored.IsPublic);
        }
    }

    [Fact]
    public async Task A_working_group_gets_the_overview_of_its_field_only_and_an_unknown_field_is_named()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        int videoField;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var video = await db.FieldsOfAction.FirstAsync(f => f.Title == "Videoüberwachung im öffentlichen Raum");
            var extremism = await db.FieldsOfAction.FirstAsync(f => f.Title == "Extremismus");
            videoField = video.Id;
            db.Measures.AddRange(
                new Measure { FieldOfActionId = video.Id, Title = "Kameras am Nordmarkt erneuern", Status = MeasureStatus.InProgress, UpdatedAt = app.Clock.GetUtcNow() },
                new Measure { FieldOfActionId = extremism.Id, Title = "Beratungsnetz gegen Rechtsextremismus", Status = MeasureStatus.Proposed, UpdatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = await office.GetPageAsync($"/verwaltung/statusuebersicht?von=2026-09-01&bis=2026-11-23&feld={videoField}");
        var text = page.Body!.Text();
        Assert.Contains("Kameras am Nordmarkt erneuern", text);
        Assert.DoesNotContain("Beratungsnetz gegen Rechtsextremismus", text);
        Assert.DoesNotContain("Extremismus", page.QuerySelectorAll("h2, h3, h4").Select(h => h.Text()));
        Assert.Equal(videoField.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#feld option[selected]")!.GetAttribute("value"));
        Assert.Contains($"feld={videoField}", page.QuerySelector("a[href*='handler=Pdf']")!.GetAttribute("href"));

        var pdf = await office.GetAsync($"/verwaltung/statusuebersicht?handler=Pdf&von=2026-09-01&bis=2026-11-23&feld={videoField}");
        Assert.Contains("feld-2.5-", pdf.Content.Headers.ContentDisposition!.FileName);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var compact = string.Join(" ", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("Umfang:Handlungsfeld2.5VideoüberwachungimöffentlichenRaum", compact);
            Assert.Contains("KamerasamNordmarkterneuern", compact);
            Assert.DoesNotContain("BeratungsnetzgegenRechtsextremismus", compact);
        }

        var unknown = await office.GetPageAsync("/verwaltung/statusuebersicht?von=2026-09-01&bis=2026-11-23&feld=999999");
        Assert.Contains("Dieses Handlungsfeld gibt es im Katalog nicht (mehr).", unknown.QuerySelector(".error-summary")!.Text());
        Assert.Contains("Beratungsnetz gegen Rechtsextremismus", unknown.Body!.Text());
    }

    [Fact]
    public async Task A_value_that_cannot_be_read_is_named_in_the_users_language()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        var german = await office.GetPageAsync("/verwaltung/statusuebersicht?von=kein-datum");
        Assert.Contains("„kein-datum“ ist hier kein gültiger Wert.", german.QuerySelector(".error-summary")!.Text());

        await office.GetAsync("/sprache/en");
        var english = await office.GetPageAsync("/verwaltung/statusuebersicht?von=kein-datum");
        Assert.Contains("“kein-datum” is not a valid value here.", english.QuerySelector(".error-summary")!.Text());
    }
}
