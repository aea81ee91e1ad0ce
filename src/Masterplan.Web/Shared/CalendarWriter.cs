using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Masterplan.Web.Shared;

/// <summary>One event of an iCalendar feed; times are moments (written in UTC).</summary>
public sealed record CalendarEntry(string Uid, int Sequence, string Summary, string? Location, string? Description, DateTimeOffset Start, DateTimeOffset End, bool Cancelled = false);

/// <summary>
/// iCalendar (RFC 5545) writing for every module: the meetings' invitations and feeds, the Schutzorte' event help points.
/// One product id, one way to write an event, so every feed reads the same in calendar programs.
/// </summary>
public static class CalendarWriter
{
    public const string MediaType = "text/calendar";

    /// <summary>A subscribable feed (METHOD:PUBLISH) of the given events.</summary>
    public static string Publish(string name, IEnumerable<CalendarEntry> entries, DateTimeOffset now)
    {
        var calendar = NewCalendar("PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var entry in entries)
        {
            calendar.Events.Add(Event(entry, now));
        }

        return Serialize(calendar);
    }

    public static Calendar NewCalendar(string method) => new()
    {
        ProductId = "-//Stadt Dortmund//Masterplan Kommunale Sicherheit//DE",
        Method = method,
    };

    public static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";

    public static CalendarEvent Event(CalendarEntry entry, DateTimeOffset now) => new()
    {
        Uid = entry.Uid,
        Sequence = entry.Sequence,
        Summary = entry.Summary,
        Location = entry.Location,
        Description = entry.Description,
        DtStart = new CalDateTime(entry.Start.UtcDateTime, CalDateTime.UtcTzId),
        DtEnd = new CalDateTime(entry.End.UtcDateTime, CalDateTime.UtcTzId),
        DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
        Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
    };
}
