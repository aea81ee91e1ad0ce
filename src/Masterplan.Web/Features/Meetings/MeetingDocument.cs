using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Meetings;

public enum MeetingDocumentKind
{
    Attachment,
    Minutes,
    StatusOverview,
}

/// <summary>A file of a meeting (Anlage). The bytes live in <see cref="DocumentContent"/> so lists stay light.</summary>
public sealed class MeetingDocument : IAudited, Masterplan.Web.Shared.ITimestamped, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int? AgendaItemId { get; set; }

    public required string Title { get; set; }

    public required string FileName { get; set; }

    /// <summary>The media type found from the content, never from the name.</summary>
    public required string MediaType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-512 of the content, hex, so anyone can check a copy.</summary>
    public required string Sha512 { get; set; }

    /// <summary>Non-public documents are for the members of the organization and the Office only.</summary>
    [Masterplan.Web.Shared.PublicFlag]
    public bool IsPublic { get; set; }

    public MeetingDocumentKind Kind { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    /// <summary>The bytes; loaded only when the file is downloaded.</summary>
    public DocumentContent? Content { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Open data shows a file inside its meeting or agenda item.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() =>
        AgendaItemId is { } item ? [(typeof(Meeting), MeetingId), (typeof(AgendaItem), item)] : [(typeof(Meeting), MeetingId)];
}

public sealed class DocumentContent
{
    public int Id { get; set; }

    public required byte[] Data { get; set; }
}
