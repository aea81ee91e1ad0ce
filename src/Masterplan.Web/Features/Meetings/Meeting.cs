using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;

namespace Masterplan.Web.Features.Meetings;

/// <summary>The OParl <c>meetingState</c> values plus cancellation (OParl keeps that as a separate flag).</summary>
public enum MeetingState
{
    /// <summary>terminiert</summary>
    Scheduled,

    /// <summary>eingeladen</summary>
    Invited,

    /// <summary>durchgeführt</summary>
    Held,

    /// <summary>abgesagt</summary>
    Cancelled,
}

/// <summary>A meeting (Sitzung) of any organization.</summary>
public sealed class Meeting : IAudited, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    public required string Title { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string? Room { get; set; }

    public string? Address { get; set; }

    /// <summary>Room and address as one line, for pages, mails, calendars and minutes.</summary>
    public string Place => string.Join(", ", new[] { Room, Address }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public MeetingState State { get; set; }

    [Masterplan.Web.Shared.PublicFlag]
    public bool IsPublic { get; set; }

    /// <summary>Meetings created together as a regular series (e.g. the weekly Sonderstab, 003) share this id.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>iCalendar UID: stays the same for every update and the cancellation (RFC 5545 §3.8.4.7).</summary>
    public required string CalendarUid { get; set; }

    /// <summary>iCalendar SEQUENCE: raised with every change sent after the invitation (RFC 5545 §3.8.7.4).</summary>
    public int CalendarSequence { get; set; }

    public DateTimeOffset? InvitedAt { get; set; }

    public string? CancellationReason { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    public List<AgendaItem> AgendaItems { get; set; } = [];
}
