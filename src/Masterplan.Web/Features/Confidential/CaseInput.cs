namespace Masterplan.Web.Features.Confidential;

/// <summary>A complaint or a report of an attack as the public form sends it (each form uses the fields of its unit).</summary>
public sealed class CaseInput
{
    /// <summary>The authority (complaints) or the kind of attack (reports).</summary>
    public string? Kind { get; set; }

    public string? What { get; set; }

    public DateOnly? HappenedOn { get; set; }

    /// <summary>The time of day or other words about when (free text).</summary>
    public string? WhenText { get; set; }

    /// <summary>Complaints: who was involved, what would help. Reports: the service's unit (Dienststelle, Wache).</summary>
    public string? Details { get; set; }

    public string? Service { get; set; }

    public string? Injuries { get; set; }

    public bool ChargesPressed { get; set; }

    public bool AdviceWanted { get; set; }

    public string? ContactWay { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The fields the person lets the unit pass on to the authority.</summary>
    public List<string> Forward { get; set; } = [];

    /// <summary>Reports: send with the signed-in staff account instead of anonymously.</summary>
    public bool WithAccount { get; set; }
}

/// <summary>What the sender gets once: the case number and the mailbox secret.</summary>
public sealed record CaseReceipt(string Number, string Secret);

/// <summary>A file as it came with a form.</summary>
public sealed record UploadedAttachment(string Name, byte[] Bytes);

/// <summary>One row of a unit's list (the excerpt decrypted).</summary>
public sealed record CaseRow(int Id, string Number, string Status, string Kind, DateOnly ReceivedOn, DateOnly AcknowledgeBy, DateOnly FeedbackBy,
    DateOnly? AcknowledgedOn, DateOnly? FeedbackOn, bool UnreadMessage, string Excerpt, bool IsDemo);

/// <summary>A message as the mailbox or the unit shows it.</summary>
public sealed record MessageView(int Id, bool FromUnit, DateOnly On, string? AuthorName, string Body, IReadOnlyList<FileView> Files);

public sealed record FileView(int Id, string Name, string MediaType, int Size);

public sealed record NoteView(DateTimeOffset At, string AuthorName, string Body);

/// <summary>A case decrypted for its unit.</summary>
public sealed record CaseView(
    int Id, string Unit, string Number, string Status, string Kind, string? Service, string? District, DateOnly ReceivedOn, DateOnly AcknowledgeBy, DateOnly FeedbackBy,
    DateOnly? AcknowledgedOn, DateOnly? FeedbackOn, DateOnly? ClosedOn, string? OutcomeCategory, string ContactWay, bool SignedIn, bool ChargesPressed, bool AdviceWanted,
    IReadOnlyList<string> ForwardConsent, DateOnly? ForwardedOn, string? What, string? When, string? Where, string? Details, string? Injuries, string? Contact,
    string? Reporter, string? Advice, string? OutcomeText, IReadOnlyList<MessageView> Messages, IReadOnlyList<NoteView> Notes, IReadOnlyList<FileView> Files,
    bool ContentDeleted, bool IsDemo);

/// <summary>What the person sees in the mailbox.</summary>
public sealed record MailboxView(string Number, string Unit, string Status, IReadOnlyList<MessageView> Messages, IReadOnlyList<FileView> Files);
