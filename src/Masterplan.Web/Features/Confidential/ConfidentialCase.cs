namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// One case of a confidential unit: a complaint to the Beschwerdestelle or a report of an attack on staff to the Fachstelle
/// (<see cref="Unit"/>). Everything a person wrote and everything that names people is encrypted field by field with the
/// case's own data key (<see cref="WrappedKey"/>, wrapped by the key-encryption key <see cref="KeyId"/>); in plain text
/// are only the case number, the state, the dates the deadlines need (days, no times: a time could identify the sender)
/// and the categories the committee's figures count. Not <c>IAudited</c>: field values must never reach the audit log;
/// the unit's actions and every read are audited in the unit's scope instead.
/// </summary>
public sealed class ConfidentialCase
{
    public int Id { get; set; }

    /// <summary><see cref="ConfidentialModule.Complaints"/> or <see cref="ConfidentialModule.Assaults"/>.</summary>
    public required string Unit { get; set; }

    /// <summary>The case number the sender keeps (e.g. <c>B-K7QM-3XTR-P9ZC</c>); not a secret.</summary>
    public required string Number { get; set; }

    /// <summary>PBKDF2 hash of the mailbox secret (<see cref="MailboxSecret"/>); null once the case's content is deleted.</summary>
    public string? SecretHash { get; set; }

    /// <summary>Wrong secrets in a row; the mailbox stays shut for a while after too many (<see cref="BlockedUntil"/>).</summary>
    public int FailedOpens { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    public required string KeyId { get; set; }

    public required byte[] WrappedKey { get; set; }

    public string Status { get; set; } = ConfidentialModule.Received;

    /// <summary>The day the case came in (Dortmund); the deadlines count from it.</summary>
    public DateOnly ReceivedOn { get; set; }

    public DateOnly AcknowledgeBy { get; set; }

    public DateOnly FeedbackBy { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    public DateOnly? FeedbackOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>Which authority (complaints) or which kind of attack (reports).</summary>
    public required string Kind { get; set; }

    /// <summary>The service of the attacked person (reports only).</summary>
    public string? Service { get; set; }

    public int? DistrictId { get; set; }

    public string? OutcomeCategory { get; set; }

    /// <summary>How the person wants to be contacted: only through the mailbox, or also by e-mail or phone (details encrypted).</summary>
    public string ContactWay { get; set; } = ConfidentialModule.ContactMailbox;

    /// <summary>Sent from a signed-in staff account (reports); who it was is only in <see cref="Reporter"/>.</summary>
    public bool SignedIn { get; set; }

    public bool ChargesPressed { get; set; }

    public bool AdviceWanted { get; set; }

    /// <summary>The person agreed that the unit may pass these fields on to the authority (comma list of field names; empty: no consent).</summary>
    public string ForwardConsent { get; set; } = "";

    public DateOnly? ForwardedOn { get; set; }

    /// <summary>The last day a deadline reminder went out for this case (at most one a day).</summary>
    public DateOnly? RemindedOn { get; set; }

    /// <summary>Whether the person has not yet read the unit's newest reply.</summary>
    public bool UnreadReply { get; set; }

    /// <summary>Whether the unit has not yet read the person's newest message.</summary>
    public bool UnreadMessage { get; set; }

    /// <summary>When the retention job removed the content (the row stays for the figures, without any text).</summary>
    public DateOnly? ContentDeletedOn { get; set; }

    public DateOnly? AttachmentsDeletedOn { get; set; }

    public bool IsDemo { get; set; }

    // Encrypted with the case's data key; each field is bound to the case number and its name.
    public byte[]? What { get; set; }

    public byte[]? When { get; set; }

    public byte[]? Where { get; set; }

    public byte[]? Details { get; set; }

    public byte[]? Injuries { get; set; }

    public byte[]? Contact { get; set; }

    public byte[]? Reporter { get; set; }

    public byte[]? Advice { get; set; }

    public byte[]? OutcomeText { get; set; }

    public List<ConfidentialMessage> Messages { get; set; } = [];

    public List<ConfidentialNote> Notes { get; set; } = [];

    public List<ConfidentialFile> Files { get; set; } = [];
}

/// <summary>A message in the anonymous mailbox, from the person or from the unit; the text encrypted with the case's key.</summary>
public sealed class ConfidentialMessage
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public bool FromUnit { get; set; }

    /// <summary>The day only: a time could identify the sender.</summary>
    public DateOnly On { get; set; }

    /// <summary>The staff member's name for the unit's own list (never shown to the person).</summary>
    public string? AuthorName { get; set; }

    public required byte[] Body { get; set; }
}

/// <summary>An internal note of the unit on a case (never shown to the person); the text encrypted.</summary>
public sealed class ConfidentialNote
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string AuthorName { get; set; }

    public required byte[] Body { get; set; }
}

/// <summary>An attachment: a photo as the platform re-encoded it, or a checked PDF; name and bytes encrypted.</summary>
public sealed class ConfidentialFile
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>The mailbox message it came with, if any.</summary>
    public int? MessageId { get; set; }

    public required string MediaType { get; set; }

    public int Size { get; set; }

    public DateOnly AddedOn { get; set; }

    public required byte[] Name { get; set; }

    public required byte[] Content { get; set; }
}
