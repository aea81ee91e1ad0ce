using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>The calendar of all public meetings of the masterplan, linked from /sitzungen (docs/domain.md#meetings).</summary>
public class PublicCalendarTests
{
    private const string SecretMeeting = "Klausur zur Lage am Hafen";
    private const string SecretItem = "Vertrauliche Einschätzung der Polizei zur Nordstadt";

    [Theory, Engines]
    public async Task The_calendar_of_all_public_meetings_has_every_body_and_cancellations_and_nothing_non_public(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PlatformUrl"] = "https://masterplan.example/" });
        var first = await MeetingChainTests.CreateBodyAsync(app);
        var second = await MeetingChainTests.CreateBodyAsync(app, "AG Zweites Gremium");
        var innenstadt = await AddMeetingAsync(app, first.OrganizationId, "Sitzung Innenstadt", new DateTimeOffset(2026, 12, 9, 16, 0, 0, TimeSpan.Zero));
        var hoerde = await AddMeetingAsync(app, second.OrganizationId, "Sitzung Hörde", new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero));
        await AddMeetingAsync(app, first.OrganizationId, SecretMeeting, new DateTimeOffset(2026, 12, 11, 16, 0, 0, TimeSpan.Zero), isPublic: false);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AgendaItems.AddRange(
                new AgendaItem { MeetingId = innenstadt, Number = "1", SortKey = "0001", Title = "Begrüßung" },
                new AgendaItem { MeetingId = innenstadt, Number = "2", SortKey = "0002", Title = SecretItem, IsPublic = false });
            await db.SaveChangesAsync();
        }

        var anonymous = Users.Client(app);
        var links = (await anonymous.GetPageAsync("/sitzungen")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("webcal://masterplan.example/kalender/sitzungen.ics", links);
        Assert.Contains("https://masterplan.example/kalender/sitzungen.ics", links);

        var (before, beforeText) = await FeedAsync(anonymous);
        var summaries = before.Events.Select(e => e.Summary).ToList();
        Assert.Contains("AG Sitzungstest: Sitzung Innenstadt", summaries);
        Assert.Contains("AG Zweites Gremium: Sitzung Hörde", summaries);
        Assert.DoesNotContain(SecretMeeting, beforeText);
        Assert.DoesNotContain(SecretItem, beforeText);
        var announced = before.Events.Single(e => e.Summary == "AG Zweites Gremium: Sitzung Hörde");
        Assert.Equal("CONFIRMED", announced.Status);

        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = $"/verwaltung/sitzungen/bearbeiten/{hoerde}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=Cancel", new() { ["CancellationReason"] = "Raum nicht verfügbar" }, page)).StatusCode);

        var (after, afterText) = await FeedAsync(anonymous);
        var cancelled = after.Events.Single(e => e.Uid == announced.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > announced.Sequence, $"SEQUENCE {cancelled.Sequence} after the cancellation, {announced.Sequence} before");
        Assert.Equal("CONFIRMED", after.Events.Single(e => e.Summary == "AG Sitzungstest: Sitzung Innenstadt").Status);
        Assert.Equal(before.Events.Select(e => e.Uid).Order(), after.Events.Select(e => e.Uid).Order());
        Assert.DoesNotContain(SecretMeeting, afterText);
        Assert.DoesNotContain(SecretItem, afterText);
    }

    /// <summary>The feed parsed, and its text with folded lines joined again (so a search cannot miss a long line).</summary>
    private static async Task<(Ical.Net.Calendar Calendar, string Text)> FeedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/kalender/sitzungen.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (Ical.Net.Calendar.Load(text)!, text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal));
    }

    private static async Task<int> AddMeetingAsync(AppFactory app, int organizationId, string title, DateTimeOffset start, bool isPublic = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = new Meeting
        {
            OrganizationId = organizationId, Title = title, Start = start, End = start.AddHours(2), IsPublic = isPublic,
            CalendarUid = $"{Guid.NewGuid():N}@test",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
