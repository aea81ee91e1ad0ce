using Ical.Net.DataTypes;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// iCalendar (RFC 5545) for meetings: invitations and updates as METHOD:REQUEST, cancellations as
/// METHOD:CANCEL, always with the meeting's UID and its current SEQUENCE (RFC 5546 §3.2.2, §3.2.5). Written through
/// <see cref="CalendarWriter"/>, which other modules' feeds share.
/// </summary>
public static class MeetingCalendar
{
    public const string MediaType = CalendarWriter.MediaType;

    /// <summary>One meeting as a scheduling message to the given attendees.</summary>
    public static string Message(Meeting meeting, string organizerEmail, IEnumerable<(string Email, string Name)> attendees, DateTimeOffset now)
    {
        var cancel = meeting.State == MeetingState.Cancelled;
        var calendar = CalendarWriter.NewCalendar(cancel ? "CANCEL" : "REQUEST");
        var e = CalendarWriter.Event(Entry(meeting), now);
        e.Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = "Geschäftsstelle Masterplan Kommunale Sicherheit" };
        foreach (var (email, name) in attendees)
        {
            e.Attendees.Add(new Attendee($"mailto:{email}") { CommonName = name, Role = "REQ-PARTICIPANT", Rsvp = !cancel });
        }

        calendar.Events.Add(e);
        return CalendarWriter.Serialize(calendar);
    }

    /// <summary>
    /// A subscribable feed (METHOD:PUBLISH) of several meetings. An event names only the meeting's body, title, place,
    /// time and state, never its agenda, so choosing the meetings decides everything a feed shows.
    /// </summary>
    public static string Feed(string name, IEnumerable<Meeting> meetings, DateTimeOffset now) => CalendarWriter.Publish(name, meetings.Select(Entry), now);

    private static CalendarEntry Entry(Meeting meeting) => new(
        meeting.CalendarUid, meeting.CalendarSequence, $"{meeting.Organization.Name}: {meeting.Title}", meeting.Place,
        meeting.State == MeetingState.Cancelled && meeting.CancellationReason is { } reason ? $"Abgesagt: {reason}" : null,
        meeting.Start, meeting.End, meeting.State == MeetingState.Cancelled);
}
