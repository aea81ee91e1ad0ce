using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// Minutes are approved under an agenda item of a later meeting held after the draft existed, once they were circulated and
/// the comment deadline has passed (docs/domain.md#minutes); each refusal says which rule and from when approval is possible.
/// </summary>
public class MinutesApprovalTests
{
    private static async Task<(int Meeting, int Item)> MeetingWithItemAsync(AppFactory app, int organizationId, DateTimeOffset start, MeetingState state, string title)
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
        var item = new AgendaItem { MeetingId = meeting.Id, Number = "1", SortKey = "0001", Title = "Genehmigung der Niederschrift" };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync();
        return (meeting.Id, item.Id);
    }

    [Theory, Engines]
    public async Task Approval_needs_a_meeting_after_the_draft_after_circulation_and_after_the_comment_deadline(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (minuted, _) = await MeetingWithItemAsync(app, body.OrganizationId, new DateTimeOffset(2026, 11, 18, 16, 0, 0, TimeSpan.Zero), MeetingState.Held, "3. Sitzung");

        // Held on 20.11., three days before the first draft (the clock stands at 23.11.2026, 09:00 in Dortmund).
        var (_, beforeDraft) = await MeetingWithItemAsync(app, body.OrganizationId, new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero), MeetingState.Held, "Sondersitzung");
        var minutes = $"/verwaltung/sitzungen/{minuted}/niederschrift";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Save", new() { ["introduction"] = "Die Vorsitzende eröffnet die Sitzung." }, minutes)).StatusCode);

        async Task<string> RefusedAsync(int item)
        {
            var answer = await office.PostFormAsync($"{minutes}?handler=Approve", new() { ["approvalItemId"] = item.ToString(CultureInfo.InvariantCulture) }, minutes);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return (await Html.ParseAsync(answer)).QuerySelector(".error-summary")!.Text();
        }

        Assert.Contains("Genehmigt werden kann nur eine Niederschrift, die den Mitgliedern zur Durchsicht vorlag.", await RefusedAsync(beforeDraft));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Circulate", new() { ["deadline"] = "2026-12-10" }, minutes)).StatusCode);

        Assert.Contains("Die Sitzung vom 20.11.2026 fand statt, bevor es den ersten Entwurf dieser Niederschrift gab (23.11.2026 09:00). Genehmigt wird in einer Sitzung nach dem Entwurf und nach Ablauf der Frist für Anmerkungen, also ab dem 11.12.2026.",
            await RefusedAsync(beforeDraft));

        // Held within the comment period.
        var (_, inPeriod) = await MeetingWithItemAsync(app, body.OrganizationId, new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero), MeetingState.Held, "4. Sitzung");
        Assert.Contains("Die Sitzung vom 10.12.2026 lag in der Frist für Anmerkungen, die bis zum 10.12.2026 läuft. Genehmigt wird in einer Sitzung ab dem 11.12.2026.", await RefusedAsync(inPeriod));
        var form = await office.GetPageAsync(minutes);
        Assert.Null(form.QuerySelector("#approvalItemId"));
        Assert.Contains("Die Frist für Anmerkungen läuft bis zum 10.12.2026. Genehmigt wird danach unter einem Tagesordnungspunkt einer Sitzung dieses Gremiums ab dem 11.12.2026",
            form.QuerySelector("p.notice[role=note]")!.Text());

        // After the deadline, but not yet held.
        var (next, afterDeadline) = await MeetingWithItemAsync(app, body.OrganizationId, new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero), MeetingState.Scheduled, "5. Sitzung");
        Assert.Contains("Die Sitzung vom 15.12.2026 hat noch nicht stattgefunden.", await RefusedAsync(afterDeadline));
        Assert.Contains("Die nächste mögliche Sitzung dieses Gremiums am 15.12.2026 hat noch nicht stattgefunden.", (await office.GetPageAsync(minutes)).QuerySelector("p.notice[role=note]")!.Text());

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(MinutesState.Circulated, (await db.Minutes.SingleAsync(m => m.MeetingId == minuted)).State);
            await db.Meetings.Where(m => m.Id == next).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MeetingState.Held));
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 19, 0, 0, TimeSpan.Zero));
        office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office2@stadtdo.de", Roles.Office));
        form = await office.GetPageAsync(minutes);
        Assert.Equal(["15.12.2026 5. Sitzung, TOP 1 Genehmigung der Niederschrift"], form.QuerySelectorAll("#approvalItemId option").Skip(1).Select(o => o.Text()));
        Assert.Contains("frühestens am 11.12.2026", form.QuerySelector("main")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Approve", new() { ["approvalItemId"] = afterDeadline.ToString(CultureInfo.InvariantCulture) }, minutes)).StatusCode);

        await using (var scope = app.Scope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Minutes.SingleAsync(m => m.MeetingId == minuted);
            Assert.Equal(MinutesState.Approved, record.State);
            Assert.Equal(afterDeadline, record.ApprovedUnderAgendaItemId);
        }
    }
}
