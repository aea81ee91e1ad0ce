using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// iCalendar (RFC 5545) for meetings: invitations and updates as METHOD:REQUEST, cancellations as
/// METHOD:CANCEL, always with the meeting's UID and its current SEQUENCE (RFC 5546 §3.2.2, §3.2.5).
/// </summary>
public static class MeetingCalendar
{
    public const string MediaType = "text/calendar";

    /// <summary>One meeting as a scheduling message to the given attendees.</summary>
    public static string Message(Meeting meeting, string organizerEmail, IEnumerable<(string Email, string Name)> attendees, DateTimeOffset now)
    {
        var cancel = meeting.State == MeetingState.Cancelled;
        var calendar = NewCalendar(cancel ? "CANCEL" : "REQUEST");
        var e = Event(meeting, now);
        e.Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = "Geschäftsstelle Masterplan Kommunale Sicherheit" };
        foreach (var (email, name) in attendees)
        {
            e.Attendees.Add(new Attendee($"mailto:{email}") { CommonName = name, Role = "REQ-PARTICIPANT", Rsvp = !cancel });
        }

        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// A subscribable feed (METHOD:PUBLISH) of several meetings. An event names only the meeting's body, title, place,
    /// time and state, never its agenda, so choosing the meetings decides everything a feed shows.
    /// </summary>
    public static string Feed(string name, IEnumerable<Meeting> meetings, DateTimeOffset now)
    {
        var calendar = NewCalendar("PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(Event(meeting, now));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static Calendar NewCalendar(string method) => new()
    {
        ProductId = "-//Stadt Dortmund//Masterplan Kommunale Sicherheit//DE",
        Method = method,
    };

    private static CalendarEvent Event(Meeting meeting, DateTimeOffset now) => new()
    {
        Uid = meeting.CalendarUid,
        Sequence = meeting.CalendarSequence,
        Summary = $"{meeting.Organization.Name}: {meeting.Title}",
        Location = meeting.Place,
        Description = meeting.State == MeetingState.Cancelled && meeting.CancellationReason is { } reason ? $"Abgesagt: {reason}" : null,
        DtStart = new CalDateTime(meeting.Start.UtcDateTime, CalDateTime.UtcTzId),
        DtEnd = new CalDateTime(meeting.End.UtcDateTime, CalDateTime.UtcTzId),
        DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
        Status = meeting.State == MeetingState.Cancelled ? "CANCELLED" : "CONFIRMED",
    };
}
