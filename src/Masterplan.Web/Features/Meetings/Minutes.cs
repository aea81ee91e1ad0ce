using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Meetings;

public enum MinutesState
{
    Draft,
    Circulated,
    Approved,
}

/// <summary>The minutes (Niederschrift) of a meeting: draft → circulated for comments → approved at a later meeting.</summary>
public sealed class Minutes : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public MinutesState State { get; set; }

    public DateOnly? CommentDeadline { get; set; }

    public DateTimeOffset? CirculatedAt { get; set; }

    /// <summary>The agenda item of the later meeting under which the minutes were approved.</summary>
    public int? ApprovedUnderAgendaItemId { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The version that was approved; it and its exports never change afterwards.</summary>
    public int? ApprovedVersion { get; set; }

    public int? PdfDocumentId { get; set; }

    public int? DocxDocumentId { get; set; }

    public List<MinutesVersion> Versions { get; set; } = [];

    public List<MinutesComment> Comments { get; set; } = [];
}

/// <summary>Every saved text of the minutes is kept as its own version.</summary>
public sealed class MinutesVersion
{
    public int Id { get; set; }

    public int MinutesId { get; set; }

    public int Number { get; set; }

    /// <summary>Opening text (Eröffnung, Feststellungen).</summary>
    public string? Introduction { get; set; }

    /// <summary>Notes per agenda item, JSON object agenda item id → text.</summary>
    public required string ItemNotes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string AuthorName { get; set; }
}

/// <summary>A member's comment on circulated minutes.</summary>
public sealed class MinutesComment
{
    public int Id { get; set; }

    public int MinutesId { get; set; }

    public int VersionNumber { get; set; }

    public required string AuthorName { get; set; }

    public string? AuthorUserId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A person's secret calendar feed address (only the hash is stored), valid while the account that made it is.</summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The account that made the address; the address dies with it.</summary>
    public required string UserId { get; set; }

    /// <summary>SHA-256 of the account's security stamp when the address was made; a new stamp (sign out everywhere) ends the address.</summary>
    public required string StampHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
