namespace Masterplan.Web.Features.Enforcement;

/// <summary>
/// A field officer of the Kommunaler Ordnungsdienst as the module knows them: the account, the service number and the name
/// (seen only by the lead), and the pseudonym that statistics use instead. The officer gives the service number once, on the
/// first visit to the officer pages.
/// </summary>
public sealed class EnforcementOfficer
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string ServiceNumber { get; set; }

    public required string Name { get; set; }

    /// <summary>"Dienstkraft 0007": counts per officer show this, never the number or the name.</summary>
    public required string Pseudonym { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A stop receipt (Kontrollquittung): one check by an officer, with date and time, place, kind of measure, legal basis,
/// outcome and the reason in a few words. The person gets a code, of which only the SHA-256 is stored
/// (<see cref="Shared.HashedCodes"/>). Nothing about the person is stored: no name, no ethnicity, no religion.
/// </summary>
public sealed class StopReceipt
{
    public int Id { get; set; }

    public required string CodeHash { get; set; }

    public int OfficerId { get; set; }

    /// <summary>When the check took place (UTC); never in the future.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public int DistrictId { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    /// <summary>One of <see cref="EnforcementModule.Kinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>One of <see cref="EnforcementModule.LegalBases"/>.</summary>
    public required string LegalBasis { get; set; }

    /// <summary>One of <see cref="EnforcementModule.Outcomes"/>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The reason in a few words; person-related, so it is deleted after the retention period (then null).</summary>
    public string? Reason { get; set; }

    public DateOnly? ReasonDeletedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>The person's anonymous feedback on a receipt: once per receipt (a unique index), the day only, no address.</summary>
public sealed class ReceiptFeedback
{
    public int Id { get; set; }

    public int ReceiptId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>One of <see cref="EnforcementModule.Fairness"/>.</summary>
    public required string Fairness { get; set; }

    /// <summary>One of <see cref="EnforcementModule.CheckedBecause"/>: why the person thinks they were checked.</summary>
    public required string CheckedBecause { get; set; }

    /// <summary>Free text; deleted after the retention period.</summary>
    public string? Text { get; set; }

    public DateOnly? TextDeletedOn { get; set; }
}

/// <summary>
/// A use-of-force and bodycam record: one per incident, by the officer; the lead reviews and signs it off by
/// <see cref="SignOffBy"/> (a lead other than the officer).
/// </summary>
public sealed class ForceIncident
{
    public int Id { get; set; }

    public int OfficerId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public int DistrictId { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    /// <summary>The act during which force or the bodycam came in (one of <see cref="EnforcementModule.Kinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>One of <see cref="EnforcementModule.BatonUses"/>.</summary>
    public required string Baton { get; set; }

    public bool PepperSpray { get; set; }

    public bool Handcuffs { get; set; }

    public bool BodycamOn { get; set; }

    /// <summary>Why the bodycam was on or off; required when it was off.</summary>
    public string? BodycamReason { get; set; }

    /// <summary>Whether the recording was kept (null when the bodycam was off).</summary>
    public bool? RecordingKept { get; set; }

    public bool OfficerInjured { get; set; }

    public bool PersonInjured { get; set; }

    public bool ComplaintFollowed { get; set; }

    /// <summary>What happened; person-related, deleted after the retention period.</summary>
    public string? Description { get; set; }

    public DateOnly? DescriptionDeletedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The day by which a lead signs the record off.</summary>
    public DateOnly SignOffBy { get; set; }

    public DateTimeOffset? SignedOffAt { get; set; }

    public string? SignedOffByUserId { get; set; }

    public string? SignedOffByName { get; set; }

    public string? SignOffNote { get; set; }

    public DateOnly? RemindedOn { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>A periodic report to the committee: the period and the department's text sections; the figures are computed when rendered.</summary>
public sealed class EnforcementReport
{
    public int Id { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Title { get; set; }

    public string Introduction { get; set; } = "";

    public string Assessment { get; set; } = "";

    public string NextSteps { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The paper it became (Papers), once sent.</summary>
    public int? PaperId { get; set; }
}
