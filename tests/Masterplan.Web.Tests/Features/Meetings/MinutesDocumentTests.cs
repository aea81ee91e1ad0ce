using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// The minutes as a document (docs/domain.md#minutes): a draft preview marked "Entwurf" on every page, the absent members,
/// the close of the meeting and signature lines; the approval form offers only eligible items and says why there are none.
/// </summary>
public class MinutesDocumentTests
{
    private static async Task<int> AddMeetingAsync(AppFactory app, int organizationId, DateTimeOffset start, MeetingState state, string title = "Sitzung")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = new Meeting
        {
            OrganizationId = organizationId, Title = title, Start = start, End = start.AddHours(2), Room = "Raum 1", IsPublic = true, State = state,
            CalendarUid = $"{Guid.NewGuid():N}@test",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private static string Text(byte[] pdf, out List<string> pages)
    {
        using var document = PdfDocument.Open(pdf);
        pages = document.GetPages().Select(p => p.Text).ToList();
        return Squeeze(string.Join(" ", pages));
    }

    /// <summary>Without white space: a table cell's or line's text may wrap, and PDF text has no space where a line breaks.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory, Engines]
    public async Task The_draft_is_marked_on_every_page_and_lists_absentees_close_and_signatures(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var id = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 11, 18, 16, 0, 0, TimeSpan.Zero), MeetingState.Held, "3. Sitzung");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Memberships.SingleAsync(m => m.Id == body.Anna)).Role = "Vorsitz";
            var bernd = await db.Memberships.SingleAsync(m => m.Id == body.Bernd);
            var dieter = await db.Memberships.SingleAsync(m => m.Id == body.Dieter);
            db.Attendances.AddRange(
                new Attendance { MeetingId = id, PersonId = bernd.PersonId, MembershipId = bernd.Id },
                new Attendance { MeetingId = id, PersonId = dieter.PersonId, MembershipId = dieter.Id, RepresentsMembershipId = body.Anna });
            await db.SaveChangesAsync();
        }

        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, officeUser);
        var minutes = $"/verwaltung/sitzungen/{id}/niederschrift";
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"{minutes}?handler=Draft&format=pdf")).StatusCode); // nothing saved yet

        var early = await office.PostFormAsync($"{minutes}?handler=Save", new() { ["introduction"] = "Eröffnung.", ["closingTime"] = "16:30" }, minutes);
        Assert.Contains("Der Schluss der Sitzung muss nach ihrem Beginn liegen.", await MeetingChainTests.Errors(early));

        // Long enough for several pages.
        var introduction = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Absatz {i}: Die Arbeitsgruppe bespricht den Sachstand der Maßnahmen im Quartier ausführlich."));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Save", new() { ["introduction"] = introduction, ["closingTime"] = "18:40" }, minutes)).StatusCode);
        var page = await office.GetPageAsync(minutes);
        Assert.Equal("18:40", page.QuerySelector("#closingTime")!.GetAttribute("value"));

        var preview = await office.GetAsync($"{minutes}?handler=Draft&format=pdf");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType!.MediaType);
        Assert.Null(preview.Content.Headers.ContentDisposition); // shown in the browser
        var text = Text(await preview.Content.ReadAsByteArrayAsync(), out var pages);
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.Contains("Entwurf", p));
        Assert.Contains(Squeeze("Abwesende Mitglieder"), text);
        Assert.Contains(Squeeze("Anna Arndt"), text);
        Assert.Contains(Squeeze("vertreten durch Dieter Dahl"), text);
        Assert.Contains(Squeeze("Clara Conrad"), text);
        Assert.Contains(Squeeze("nicht vertreten"), text);
        Assert.Contains(Squeeze("Eva Ebert"), text);
        Assert.Matches("Schluss:?18:40Uhr", text); // the key-value line
        Assert.Contains(Squeeze("Schluss der Sitzung: 18:40 Uhr."), text);
        Assert.Contains(Squeeze("Vorsitz: Anna Arndt"), text);
        Assert.Contains(Squeeze("Schriftführung: "), text);
        Assert.Contains(Squeeze("________"), text);

        var docx = await office.GetAsync($"{minutes}?handler=Draft&format=docx");
        Assert.Equal("attachment", docx.Content.Headers.ContentDisposition!.DispositionType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.Contains(word.MainDocumentPart!.HeaderParts, h => h.Header!.InnerText.Contains("Entwurf", StringComparison.Ordinal));
            Assert.Contains("Clara Conrad", word.MainDocumentPart.Document!.InnerText);
        }

        // Approval: the form says which step is missing, and from when, until an item of a held meeting of this body after the comment deadline exists.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Circulate", new() { ["deadline"] = "2026-12-10" }, minutes)).StatusCode);
        string Reason(AngleSharp.Dom.IDocument d) => d.QuerySelector("p.notice[role=note]")?.Text() ?? "";
        Assert.Contains("Die Frist für Anmerkungen läuft bis zum 10.12.2026. Genehmigt wird danach unter einem Tagesordnungspunkt einer Sitzung dieses Gremiums ab dem 11.12.2026", Reason(await office.GetPageAsync(minutes)));
        Assert.Null((await office.GetPageAsync(minutes)).QuerySelector("#approvalItemId"));

        var other = await MeetingChainTests.CreateBodyAsync(app, "AG Andere");
        var elsewhere = await AddMeetingAsync(app, other.OrganizationId, new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero), MeetingState.Held);
        var next = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 12, 14, 16, 0, 0, TimeSpan.Zero), MeetingState.Scheduled, "4. Sitzung");
        Assert.Contains("Die nächste mögliche Sitzung dieses Gremiums am 14.12.2026 hat noch nicht stattgefunden.", Reason(await office.GetPageAsync(minutes)));
        int item;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Meetings.SingleAsync(m => m.Id == next)).State = MeetingState.Held;
            await db.SaveChangesAsync();
        }

        Assert.Contains("haben keine Tagesordnungspunkte", Reason(await office.GetPageAsync(minutes)));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AgendaItems.Add(new AgendaItem { MeetingId = elsewhere, Number = "1", SortKey = "0001", Title = "Fremder Punkt" });
            var approvalItem = new AgendaItem { MeetingId = next, Number = "1", SortKey = "0001", Title = "Genehmigung der Niederschrift" };
            db.AgendaItems.Add(approvalItem);
            await db.SaveChangesAsync();
            item = approvalItem.Id;
        }

        var form = await office.GetPageAsync(minutes);
        Assert.Equal("", Reason(form));
        var options = form.QuerySelectorAll("#approvalItemId option").Skip(1).Select(o => o.Text()).ToList();
        Assert.Equal(["14.12.2026 4. Sitzung, TOP 1 Genehmigung der Niederschrift"], options);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Approve", new() { ["approvalItemId"] = item.ToString(CultureInfo.InvariantCulture) }, minutes)).StatusCode);
        await using (var scope = app.Scope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Minutes.SingleAsync(m => m.MeetingId == id);
            var approved = Text(await office.GetByteArrayAsync($"/sitzungen/{id}/dokumente/{record.PdfDocumentId}"), out _);
            Assert.DoesNotContain("Entwurf", approved);
            Assert.Contains(Squeeze("Vorsitz: Anna Arndt"), approved);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"{minutes}?handler=Draft&format=pdf")).StatusCode); // frozen: no more drafts
    }
}
