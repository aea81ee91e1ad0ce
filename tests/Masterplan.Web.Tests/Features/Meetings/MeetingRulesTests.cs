using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>Meetings (docs/domain.md#meetings, docs/domain.md#meeting-rules): cancellations, who sees non-public documents, the Office's rule checks.</summary>
public class MeetingRulesTests
{
    private static async Task<int> AddMeetingAsync(AppFactory app, int organizationId, DateTimeOffset start, bool isPublic = true, MeetingState state = MeetingState.Scheduled)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = new Meeting
        {
            OrganizationId = organizationId, Title = "Sitzung", Start = start, End = start.AddHours(2), IsPublic = isPublic, State = state,
            CalendarUid = $"{Guid.NewGuid():N}@test",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private static async Task<int> BodyIdAsync(AppFactory app, OrganizationKind kind)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == kind && o.ParentId == null).Select(o => o.Id).FirstAsync();
    }

    [Theory, Engines]
    public async Task The_dashboard_warns_when_the_Vollversammlung_cannot_reach_three_meetings_this_year(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var plenary = await BodyIdAsync(app, OrganizationKind.PlenaryAssembly);
        await AddMeetingAsync(app, plenary, new DateTimeOffset(2026, 3, 12, 16, 0, 0, TimeSpan.Zero), state: MeetingState.Held);
        await AddMeetingAsync(app, plenary, new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero));
        var cancelled = await AddMeetingAsync(app, plenary, new DateTimeOffset(2026, 12, 17, 16, 0, 0, TimeSpan.Zero), state: MeetingState.Cancelled);

        var warning = (await office.GetPageAsync("/verwaltung/sitzungen")).QuerySelector(".checks .warning")!.Text();
        Assert.True(warning.Contains("mindestens 3 Sitzungen im Kalenderjahr (Quelle: Gemeinsamer Antrag von SPD, GRÜNEN und CDU im Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden vom 12.12.2023, Nummer 3)", StringComparison.Ordinal), warning);
        Assert.Contains("2026: 1 durchgeführt, 1 geplant – mit diesem Plan wird das Minimum von 3 Sitzungen nicht erreicht. Es fehlen 1.", warning);

        await AddMeetingAsync(app, plenary, new DateTimeOffset(2026, 12, 18, 16, 0, 0, TimeSpan.Zero));
        var checks = (await office.GetPageAsync("/verwaltung/sitzungen")).QuerySelectorAll(".checks li").Select(li => li.Text()).ToList();
        Assert.Contains(checks, c => c.StartsWith("Erfüllt", StringComparison.Ordinal) && c.Contains("Vollversammlung", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.StartsWith("Warnung", StringComparison.Ordinal) && c.Contains("wöchentliche Sitzung", StringComparison.Ordinal));
        _ = cancelled;
    }

    [Fact]
    public async Task A_cancellation_keeps_the_UID_raises_the_SEQUENCE_and_says_CANCEL()
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail });
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero));
        var page = $"/verwaltung/sitzungen/bearbeiten/{id}";

        var past = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero));
        var refused = await office.PostFormAsync($"/verwaltung/sitzungen/bearbeiten/{past}?handler=Invite", [], $"/verwaltung/sitzungen/bearbeiten/{past}");
        Assert.Contains("Zu einer Sitzung, die schon begonnen hat oder vorbei ist, kann nicht eingeladen werden.", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await MeetingChainTests.MailsAsync(mail));

        await office.PostFormAsync($"{page}?handler=Invite", [], page);
        var noReason = await office.PostFormAsync($"{page}?handler=Cancel", new() { ["CancellationReason"] = "" }, page);
        Assert.Contains("Bitte geben Sie den Grund der Absage an.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=Cancel", new() { ["CancellationReason"] = "Erkrankung der Vorsitzenden" }, page)).StatusCode);

        var mails = await MeetingChainTests.MailsAsync(mail);
        var invitation = MeetingChainTests.Ics(mails.First());
        var cancellation = mails.Skip(5).Select(MeetingChainTests.Ics).ToList();
        Assert.Equal(5, cancellation.Count);
        Assert.All(cancellation, c =>
        {
            Assert.Equal("CANCEL", c.Method);
            Assert.Equal(invitation.Events.Single().Uid, c.Events.Single().Uid);
            Assert.Equal(invitation.Events.Single().Sequence + 1, c.Events.Single().Sequence);
            Assert.Equal("CANCELLED", c.Events.Single().Status);
        });
        Assert.Contains("Erkrankung der Vorsitzenden", mails.Last().TextBody);
    }

    [Theory, Engines]
    public async Task Non_public_documents_are_only_for_the_members_and_the_Office(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var other = await MeetingChainTests.CreateBodyAsync(app, "AG Andere");
        var id = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero));
        var secretMeeting = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 12, 9, 16, 0, 0, TimeSpan.Zero), isPublic: false);
        int secret;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var document = new MeetingDocument
            {
                MeetingId = id, Title = "Vertraulicher Lagebericht", FileName = "lage.pdf", MediaType = "application/pdf", Sha512 = new string('a', 128),
                IsPublic = false, UploadedBy = "Test", Content = new DocumentContent { Data = "%PDF-1.4 geheim"u8.ToArray() },
            };
            db.MeetingDocuments.Add(document);
            await db.SaveChangesAsync();
            secret = document.Id;
        }

        var member = await Users.SignInAsync(app, await Users.CreateAsync(app, "bernd@stadtdo.de", body.BerndPerson));
        var stranger = await Users.SignInAsync(app, await Users.CreateAsync(app, "fremd@stadtdo.de", await PersonOfAsync(app, other.Bernd)));
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var url = $"/sitzungen/{id}/dokumente/{secret}";

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(url)).StatusCode);
        foreach (var outsider in new[] { Users.Client(app), stranger, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/sitzungen/{secretMeeting}")).StatusCode);
            Assert.DoesNotContain("Vertraulicher Lagebericht", await (await outsider.GetAsync($"/sitzungen/{id}")).Content.ReadAsStringAsync());
        }

        Assert.Contains("Vertraulicher Lagebericht", await (await member.GetAsync($"/sitzungen/{id}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/sitzungen/{secretMeeting}")).StatusCode);

        // The public feed lists only the public meeting; the member's secret feed both.
        var feed = Ical.Net.Calendar.Load(await Users.Client(app).GetStringAsync($"/kalender/gremien/{body.OrganizationId}.ics"))!;
        Assert.Single(feed.Events);
        var created = await member.PostFormAsync("/sitzungen/kalender", []);
        var address = (await Html.ParseAsync(created)).QuerySelector("code")!.TextContent;
        var personal = Ical.Net.Calendar.Load(await Users.Client(app).GetStringAsync(new Uri(address).PathAndQuery))!;
        Assert.Equal(2, personal.Events.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await Users.Client(app).GetAsync("/kalender/persoenlich/geraten.ics")).StatusCode);
    }

    private static async Task<int> PersonOfAsync(AppFactory app, int membershipId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.Where(m => m.Id == membershipId).Select(m => m.PersonId).SingleAsync();
    }

    [Fact]
    public async Task A_weekly_series_fills_the_Sonderstab_rhythm_and_an_upload_over_the_limit_is_refused()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Meetings:MaxUploadMegabytes"] = "1" });
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var taskForce = await BodyIdAsync(app, OrganizationKind.SpecialTaskForce);

        // 23.11.2026 is a Monday: the series covers this week and the next four (the check looks four weeks ahead).
        var created = await office.PostFormAsync("/verwaltung/sitzungen/bearbeiten", new()
        {
            ["OrganizationId"] = taskForce.ToString(CultureInfo.InvariantCulture), ["Title"] = "Wöchentliche Lage", ["Date"] = "2026-11-25",
            ["StartTime"] = "09:00", ["EndTime"] = "10:00", ["RepeatWeekly"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using (var scope = app.Scope())
        {
            var series = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Meetings.Where(m => m.OrganizationId == taskForce).ToListAsync();
            Assert.Equal(5, series.Count);
            Assert.Single(series.Select(m => m.SeriesId).Distinct());
            Assert.Equal(new DateTimeOffset(2026, 12, 23, 8, 0, 0, TimeSpan.Zero), series.Max(m => m.Start));
        }

        var weekly = (await office.GetPageAsync("/verwaltung/sitzungen")).QuerySelectorAll(".checks li").Select(li => li.Text()).Single(c => c.Contains("wöchentliche Sitzung", StringComparison.Ordinal));
        Assert.Contains("Ohne Sitzung: KW 40/2026", weekly); // the eight weeks before are still empty
        Assert.DoesNotContain("KW 48/2026", weekly);
        Assert.DoesNotContain("KW 52/2026", weekly);

        var id = MeetingChainTests.IdFrom(created);
        var agenda = $"/verwaltung/sitzungen/{id}/tagesordnung";
        var big = new byte[1_600_000];
        "%PDF-1.4"u8.CopyTo(big);
        var refused = await office.PostFileAsync($"{agenda}?handler=Upload", agenda, [], "file", "gross.pdf", big);
        Assert.Contains("Die Datei „gross.pdf“ ist 1,5 MB groß; erlaubt sind höchstens 1 MB.", await refused.Content.ReadAsStringAsync());
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().MeetingDocuments.AnyAsync());
        }
    }

    [Fact]
    public async Task A_roll_call_counts_each_filled_seat_once_and_the_Lenkungskreis_check_names_meetings_without_the_overview()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var id = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
        var steering = await BodyIdAsync(app, OrganizationKind.SteeringCircle);
        await AddMeetingAsync(app, steering, new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var office = await Users.SignInAsync(app, officeUser);
        var agenda = $"/verwaltung/sitzungen/{id}/tagesordnung";
        await office.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = "1", ["ItemTitle"] = "Antrag" }, agenda);
        var conduct = $"/verwaltung/sitzungen/{id}/ablauf";
        var attendance = new FormUrlEncodedContent(
        [
            new("present", body.Bernd.ToString(CultureInfo.InvariantCulture)), new("present", body.Clara.ToString(CultureInfo.InvariantCulture)),
            new("deputies", body.Dieter.ToString(CultureInfo.InvariantCulture)), new("__RequestVerificationToken", await office.AntiforgeryTokenAsync(conduct)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"{conduct}?handler=Attendance", attendance)).StatusCode);
        var item = await MeetingChainTests.ItemIdAsync(app, id, "1");
        string Seat(int membership) => $"choice-{membership.ToString(CultureInfo.InvariantCulture)}";

        // The typed counts are ignored in a roll call; the seats decide. Anna's seat is filled by her deputy Dieter.
        var voted = await office.PostFormAsync($"{conduct}?handler=Vote", new()
        {
            ["VoteItemId"] = item, ["Subject"] = "Antrag", ["IsRollCall"] = "true", ["Yes"] = "0", ["No"] = "0", ["Abstain"] = "0",
            [Seat(body.Anna)] = "Yes", [Seat(body.Bernd)] = "No", [Seat(body.Clara)] = "Yes",
        }, conduct);
        Assert.True(voted.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(voted));
        await using (var scope = app.Scope())
        {
            var vote = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Votes.Include(v => v.RollCall).SingleAsync();
            Assert.Equal((2, 1, 0, true, true), (vote.Yes, vote.No, vote.Abstain, vote.Adopted, vote.QuorumReached));
            Assert.Equal(await PersonOfAsync(app, body.Dieter), vote.RollCall.Single(r => r.MembershipId == body.Anna).PersonId);
        }

        var checks = (await office.GetPageAsync("/verwaltung/sitzungen")).QuerySelectorAll(".checks li").Select(li => li.Text()).ToList();
        var overview = checks.Single(c => c.Contains("Übersicht der Handlungsfelder in jeder Sitzung", StringComparison.Ordinal));
        Assert.StartsWith("Warnung", overview, StringComparison.Ordinal);
        Assert.Contains("1 Sitzungen ohne die Übersicht der Handlungsfelder.", overview);
        Assert.Contains("07.12.2026 Sitzung", overview);
    }

    [Fact]
    public async Task The_quorum_follows_the_share_set_in_the_rules_of_procedure()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var edit = $"/verwaltung/gremien/bearbeiten/{body.OrganizationId}";
        var rules = new Dictionary<string, string> { ["RulesAdoptedBy"] = "AG, Sitzung vom 01.02.2026", ["RulesAdoptedOn"] = "2026-02-01", ["RulesText"] = "§ 3 Beschlussfähigkeit", ["RulesQuorumPercent"] = "120" };
        Assert.Contains("Der Anteil für die Beschlussfähigkeit muss zwischen 1 und 99 Prozent liegen.", await (await office.PostFormAsync($"{edit}?handler=Rules", rules, edit)).Content.ReadAsStringAsync());
        rules["RulesQuorumPercent"] = "70";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{edit}?handler=Rules", rules, edit)).StatusCode);

        var id = await AddMeetingAsync(app, body.OrganizationId, new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var conduct = $"/verwaltung/sitzungen/{id}/ablauf";
        var attendance = new FormUrlEncodedContent(
        [
            new("present", body.Bernd.ToString(CultureInfo.InvariantCulture)), new("present", body.Clara.ToString(CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", await office.AntiforgeryTokenAsync(conduct)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"{conduct}?handler=Attendance", attendance)).StatusCode);
        var quorum = (await office.GetPageAsync(conduct)).QuerySelector("section.quorum")!.Text();
        Assert.Contains("Nicht beschlussfähig", quorum); // 2 of 3 seats is 66.7 %, not more than 70 %
        Assert.Contains("nötig sind 3", quorum);
        Assert.Contains("mehr als 70 % der stimmberechtigten Sitze sind besetzt", quorum);
    }

    [Fact]
    public void Agenda_numbers_sort_numerically_and_reject_malformed_input()
    {
        Assert.True(AgendaNumber.IsValid("2.1"));
        Assert.False(AgendaNumber.IsValid("2."));
        Assert.False(AgendaNumber.IsValid("0"));
        Assert.False(AgendaNumber.IsValid("1.2.3.4"));
        var sorted = new[] { "10", "2.10", "2.9", "2", "1" }.OrderBy(AgendaNumber.SortKey, StringComparer.Ordinal).ToList();
        Assert.Equal(["1", "2", "2.9", "2.10", "10"], sorted);
        Assert.Equal("3", AgendaNumber.Next(["1", "2", "2.1"]));
        _ = CultureInfo.InvariantCulture;
    }
}
