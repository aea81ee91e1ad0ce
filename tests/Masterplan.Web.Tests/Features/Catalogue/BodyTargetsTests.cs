using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>
/// Indicators, goals and milestones of a body (003: the Sonderstab "Ordnung und Stadtleben" works with KPIs, goals and
/// milestones and reports to the Verwaltungsvorstand and the Oberbürgermeister), entered by the Office through its pages.
/// </summary>
public class BodyTargetsTests
{
    private const string Planted = "Geheime Kennzahl XQ7";

    [Theory, Engines]
    public async Task The_Office_sets_a_bodys_indicators_goals_and_milestones_and_its_page_and_meetings_show_them_as_of_their_day(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Jobs:MilestoneReminders:Cron"] = "0 0 3 1 1 ? 2099" });
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (field, body, bodyName) = await IndicatorTests.QueryAsync(app, async db => (
            await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Kind == OrganizationKind.SpecialTaskForce).Select(o => o.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Kind == OrganizationKind.SpecialTaskForce).Select(o => o.Name).SingleAsync()));
        var b = body.ToString(CultureInfo.InvariantCulture);

        // Two indicators of the Sonderstab: a public one with values before and after the meeting, and a non-public one.
        const string indicatorForm = "/verwaltung/kennzahlen/bearbeiten";
        var form = await office.GetPageAsync($"{indicatorForm}?gremium={b}");
        Assert.Equal(b, form.QuerySelector("#OrganizationId option[selected]")?.GetAttribute("value"));
        var created = await office.PostFormAsync(indicatorForm, new()
        {
            ["FieldOfActionId"] = $"{field}", ["OrganizationId"] = b, ["Name"] = "Campierende in der City", ["Unit"] = "Personen",
            ["BaselineValue"] = "40", ["BaselineDate"] = "2026-01-01", ["TargetValue"] = "10", ["TargetDate"] = "2026-12-31", ["Direction"] = "LowerIsBetter", ["IsPublic"] = "true",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(created));
        var kpi = MeetingChainTests.IdFrom(created);
        foreach (var (date, value) in new[] { ("2026-11-10", "30"), ("2026-11-20", "22") })
        {
            var page = $"{indicatorForm}/{kpi}";
            var added = await office.PostFormAsync($"{page}?handler=Value", new() { ["ValueDate"] = date, ["Value"] = value }, page);
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(added));
        }

        // The public list and the indicator's page name the body that keeps it, with a link to the body's page.
        var visitor = Users.Client(app);
        var listed = (await visitor.GetPageAsync("/kennzahlen")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Campierende in der City", StringComparison.Ordinal));
        Assert.Contains($"geführt von {bodyName}", listed.TextContent, StringComparison.Ordinal);
        Assert.NotNull(listed.QuerySelector($"a[href='/gremien/{b}']"));
        var details = await visitor.GetPageAsync($"/kennzahlen/{kpi}");
        Assert.Equal(bodyName, details.QuerySelector($"dl.facts a[href='/gremien/{b}']")?.TextContent);

        var hidden = await office.PostFormAsync(indicatorForm, new()
        {
            ["FieldOfActionId"] = $"{field}", ["OrganizationId"] = b, ["Name"] = Planted, ["Unit"] = "Fälle", ["Direction"] = "LowerIsBetter",
        });
        Assert.True(hidden.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(hidden));

        // A goal measured by the public indicator, with a milestone due between the meeting and today.
        var manage = $"/verwaltung/gremien/{b}/kennzahlen-und-ziele";
        var noTitle = await office.PostFormAsync($"{manage}?handler=Goal", new() { ["GoalDate"] = "2026-12-31", ["GoalValue"] = "20" }, manage);
        Assert.Contains("Bitte beschreiben Sie das Ziel.", await MeetingChainTests.Errors(noTitle));
        Assert.Contains("Ein Zielwert braucht die Kennzahl, an der er gemessen wird.", await MeetingChainTests.Errors(noTitle));
        // The day a goal was set: not in the future, not after its own target date; today unless the Office says otherwise.
        Assert.Equal("2026-11-23", (await office.GetPageAsync(manage)).QuerySelector("#GoalSetOn")?.GetAttribute("value"));
        var futureGoal = await office.PostFormAsync($"{manage}?handler=Goal", new() { ["GoalTitle"] = "Später", ["GoalDate"] = "2026-12-31", ["GoalSetOn"] = "2026-11-24" }, manage);
        Assert.Contains("Der Tag darf nicht in der Zukunft liegen.", await MeetingChainTests.Errors(futureGoal));
        var late = await office.PostFormAsync($"{manage}?handler=Goal", new() { ["GoalTitle"] = "Zu spät", ["GoalDate"] = "2026-10-31", ["GoalSetOn"] = "2026-11-02" }, manage);
        Assert.Contains("Der Tag, an dem das Ziel gesetzt wurde, liegt nach dem Tag, bis zu dem es erreicht sein soll.", await MeetingChainTests.Errors(late));
        var goalSaved = await office.PostFormAsync($"{manage}?handler=Goal", new()
        {
            ["GoalTitle"] = "Campieren in der City halbieren", ["GoalDate"] = "2026-12-31", ["GoalSetOn"] = "2026-11-02", ["GoalIndicatorId"] = $"{kpi}", ["GoalValue"] = "20", ["GoalPublic"] = "true",
        }, manage);
        Assert.True(goalSaved.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(goalSaved));
        // A goal the body set after the meeting below: today's page shows it, the meeting's day does not.
        var laterGoal = await office.PostFormAsync($"{manage}?handler=Goal", new() { ["GoalTitle"] = "Winterhilfe ausbauen", ["GoalDate"] = "2027-03-31", ["GoalSetOn"] = "2026-11-20", ["GoalPublic"] = "true" }, manage);
        Assert.True(laterGoal.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(laterGoal));
        Assert.Contains("Winterhilfe ausbauen", (await Users.Client(app).GetPageAsync($"/gremien/{b}")).QuerySelector(".body-targets")!.Text());
        var goal = await IndicatorTests.QueryAsync(app, db => db.BodyGoals.Where(g => g.OrganizationId == body && g.Title.StartsWith("Campieren")).Select(g => g.Id).SingleAsync());
        var milestone = await office.PostFormAsync($"{manage}?handler=Milestone&goalId={goal}", new() { ["MilestoneTitle"] = "Winterquartier geöffnet", ["MilestoneDue"] = "2026-11-18" }, manage);
        Assert.True(milestone.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(milestone));

        // The weekly meeting of 16.11.2026 reviews the state of its day: the value of 10.11., the milestone not yet due.
        var meeting = await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", new()
        {
            ["OrganizationId"] = b, ["Title"] = "Wöchentliche Lage", ["Date"] = "2026-11-16", ["StartTime"] = "09:00", ["EndTime"] = "10:00", ["IsPublic"] = "true",
        });
        Assert.True(meeting.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(meeting));
        var anonymous = Users.Client(app);
        var agenda = (await anonymous.GetPageAsync($"/sitzungen/{MeetingChainTests.IdFrom(meeting)}")).QuerySelector("#kennzahlen-und-ziele");
        Assert.NotNull(agenda);
        Assert.Contains("Kennzahlen und Ziele", agenda.QuerySelector("h2")!.Text());
        var row = agenda.QuerySelectorAll("table.body-indicators tbody tr").Single().QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Campierende in der City", "30 Personen am 10.11.2026", "10 Personen bis 31.12.2026", "nicht auf Kurs"], row);
        Assert.Contains("Winterquartier geöffnet, fällig am 18.11.2026: offen", agenda.QuerySelector(".milestones")!.Text());
        Assert.Contains("Gemessen an „Campierende in der City“: 30 Personen am 10.11.2026; Zielwert 20 Personen", agenda.Text());
        Assert.DoesNotContain(Planted, agenda.Text());
        Assert.DoesNotContain("Winterhilfe ausbauen", agenda.Text());
        Assert.Contains(Planted, (await office.GetPageAsync($"/sitzungen/{MeetingChainTests.IdFrom(meeting)}")).QuerySelector("#kennzahlen-und-ziele")!.Text());
        // A member of the Sonderstab sees it in its meeting, as in the full minutes members receive; a member of another body does not.
        var (memberPerson, outsiderPerson) = await IndicatorTests.QueryAsync(app, async db =>
        {
            var other = await db.Organizations.Where(o => o.Id != body).Select(o => o.Id).FirstAsync();
            var member = new Person { GivenName = "Mara", FamilyName = "Mitglied", PublicConsent = false };
            var outsider = new Person { GivenName = "Otto", FamilyName = "Anders", PublicConsent = false };
            db.Memberships.AddRange(
                new Membership { Person = member, OrganizationId = body, StartDate = new DateOnly(2025, 1, 1) },
                new Membership { Person = outsider, OrganizationId = other, StartDate = new DateOnly(2025, 1, 1) });
            await db.SaveChangesAsync();
            return (member.Id, outsider.Id);
        });
        var meetingPage = $"/sitzungen/{MeetingChainTests.IdFrom(meeting)}";
        var memberClient = await Users.SignInAsync(app, await Users.CreateAsync(app, "mitglied@stadtdo.de", memberPerson));
        Assert.Contains(Planted, (await memberClient.GetPageAsync(meetingPage)).QuerySelector("#kennzahlen-und-ziele")!.Text());
        var outsiderClient = await Users.SignInAsync(app, await Users.CreateAsync(app, "anders@stadtdo.de", outsiderPerson));
        Assert.DoesNotContain(Planted, (await outsiderClient.GetPageAsync(meetingPage)).QuerySelector("#kennzahlen-und-ziele")!.Text());

        // The minutes carry the same state of the meeting's day; the draft is the full edition, with the non-public indicator.
        var minutes = $"/verwaltung/sitzungen/{MeetingChainTests.IdFrom(meeting)}/niederschrift";
        var saved = await office.PostFormAsync($"{minutes}?handler=Save", new() { ["introduction"] = "Lage der Woche.", ["closingTime"] = "10:00" }, minutes);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(saved));
        {
            // PdfPig reads words without the spaces between them; compare without any.
            static string Squeeze(string t) => string.Concat(t.Where(c => !char.IsWhiteSpace(c)));
            static string PdfText(byte[] pdf)
            {
                using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
                return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
            }

            static string DocxText(byte[] docx)
            {
                using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
                return Squeeze(word.MainDocumentPart!.Document!.Body!.InnerText);
            }

            var text = PdfText(await office.GetByteArrayAsync($"{minutes}?handler=Draft&format=pdf"));
            Assert.Contains(Squeeze("Kennzahlen und Ziele"), text);
            Assert.Contains(Squeeze("Stand vom 16.11.2026"), text);
            Assert.Contains(Squeeze("Campierende in der City"), text);
            Assert.Contains(Squeeze("Winterquartier geöffnet"), text);
            Assert.Contains(Squeeze(Planted), text);
            Assert.DoesNotContain(Squeeze("Winterhilfe ausbauen"), text);

            // The public edition, which approval stores for a public meeting, carries the public state and not the planted one.
            var meetingId = MeetingChainTests.IdFrom(meeting);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Minutes.AsNoTracking().SingleAsync(m => m.MeetingId == meetingId);
            var version = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == record.Id).OrderByDescending(v => v.Number).FirstAsync();
            var open = await scope.ServiceProvider.GetRequiredService<MinutesExport>()
                .BuildAsync(meetingId, version, publicEdition: true, approval: null, CancellationToken.None);
            foreach (var publicText in new[] { PdfText(Masterplan.Documents.PdfRenderer.Render(open)), DocxText(Masterplan.Documents.DocxRenderer.Render(open)) })
            {
                Assert.Contains(Squeeze("Campierende in der City"), publicText);
                Assert.Contains(Squeeze("Winterquartier geöffnet"), publicText);
                Assert.DoesNotContain(Squeeze(Planted), publicText);
            }
        }

        // The body's page shows today's state: the latest value, and the milestone overdue in words.
        var bodyPage = await anonymous.GetPageAsync($"/gremien/{b}");
        var section = bodyPage.QuerySelector(".body-targets")!;
        Assert.Contains("letzter Wert 22 Personen am 20.11.2026", section.Text());
        Assert.Contains("Winterquartier geöffnet, fällig am 18.11.2026: überfällig seit 5 Tagen", section.QuerySelector(".milestones")!.Text());
        Assert.DoesNotContain(Planted, bodyPage.Body!.Text());
        Assert.DoesNotContain(Planted, (await anonymous.GetPageAsync($"/gremien/{b}/lagebild")).Body!.Text());
        Assert.Contains(Planted, (await office.GetPageAsync($"/gremien/{b}")).QuerySelector(".body-targets")!.Text());

        // A draft of the minutes of a meeting still to come (30.11.) shows today's state, as the meeting's page does, and says
        // so: the milestone is overdue by the 5 days until today, not by 12 until a day that has not come.
        var coming = await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", new()
        {
            ["OrganizationId"] = b, ["Title"] = "Nächste Lage", ["Date"] = "2026-11-30", ["StartTime"] = "09:00", ["EndTime"] = "10:00", ["IsPublic"] = "true",
        });
        Assert.True(coming.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(coming));
        await using (var scope = app.Scope())
        {
            var draft = await scope.ServiceProvider.GetRequiredService<MinutesExport>().BuildAsync(MeetingChainTests.IdFrom(coming),
                new MinutesVersion { Number = 1, ItemNotes = "{}", AuthorName = "Office" }, publicEdition: false, approval: null, CancellationToken.None);
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(Masterplan.Documents.DocxRenderer.Render(draft)), false);
            var text = string.Concat(word.MainDocumentPart!.Document!.Body!.InnerText.Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("mitStandvom23.11.2026;dieSitzungisterstam30.11.2026", text);
            Assert.Contains("überfälligseit5Tagen", text);
            Assert.DoesNotContain("überfälligseit12Tagen", text);
        }

        // The overdue milestone is on the Office's overview, which says that no mail reaches a body.
        var overview = await office.GetPageAsync("/verwaltung/meilensteine");
        var overdue = overview.QuerySelectorAll("table.body-milestones tbody tr").Single().QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Winterquartier geöffnet", "Campieren in der City halbieren", bodyName, "18.11.2026", "5", "niemand per E-Mail"], overdue);
        Assert.Contains("Ein Gremium hat kein Konto einer Fachdienststelle, daher wird niemand erinnert.", overview.Body!.Text());
        // The reminder job mails nobody about it, and says so in its run record instead of skipping it silently.
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(MilestoneReminderJob.Key);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? run = null;
        while (run is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            run = await IndicatorTests.QueryAsync(app, db => db.JobRuns.AsNoTracking()
                .Where(r => r.Job == MilestoneReminderJob.Key.ToString() && r.FinishedAt != null).Select(r => r.Result).FirstOrDefaultAsync());
        }

        Assert.Equal("0 reminders about 0 overdue milestones sent; 1 overdue milestones of bodies are mailed to nobody (listed on /verwaltung/meilensteine and in their meetings)", run);

        // The Lagebild of the meeting's day goes to the Oberbürgermeister; the record is shown on the body's page and in the PDF.
        var future = await office.PostFormAsync($"{manage}?handler=Report", new() { ["ReportAsOf"] = "2026-11-16", ["ReportAddressee"] = "LordMayor", ["ReportSentOn"] = "2026-11-30" }, manage);
        Assert.Contains("Der Tag der Übermittlung darf nicht in der Zukunft liegen.", await MeetingChainTests.Errors(future));
        var sent = await office.PostFormAsync($"{manage}?handler=Report", new() { ["ReportAsOf"] = "2026-11-16", ["ReportAddressee"] = "LordMayor", ["ReportSentOn"] = "2026-11-17" }, manage);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(sent));
        Assert.Contains("Lagebild mit Stand vom 16.11.2026: an Oberbürgermeister, übermittelt am 17.11.2026",
            (await anonymous.GetPageAsync($"/gremien/{b}")).QuerySelector(".body-reports")!.Text());
        var situation = await anonymous.GetPageAsync($"/gremien/{b}/lagebild?stand=2026-11-16");
        Assert.Contains("an Oberbürgermeister, übermittelt am 17.11.2026", situation.QuerySelector(".body-reports")!.Text());
        Assert.Contains("30 Personen am 10.11.2026", situation.QuerySelector("table.body-indicators")!.Text());
        Assert.DoesNotContain("Winterhilfe ausbauen", situation.Body!.Text());
        var pdf = await anonymous.GetAsync($"/gremien/{b}/lagebild?handler=Pdf&stand=2026-11-16");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Oberbürgermeister,", text);
            Assert.Contains("Campierende", text);
            Assert.Contains("30 Personen am 10.11.2026", text);
            Assert.DoesNotContain("XQ7", text);
        }

        // Every change is in the audit log.
        Assert.Equal((2, 1, 1), await IndicatorTests.QueryAsync(app, async db => (
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(BodyGoal)),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(BodyMilestone)),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(BodyReport)))));
    }
}
