using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Grants;

/// <summary>
/// A Förderaufruf of the Office: what it funds, who may apply, its budget and the most one project gets, the deadline (an
/// instant; the Office types it in Dortmund time), the criteria reviewers score, the catalogue measure it serves and the
/// documents an application needs. Amounts are whole cents, so both engines add them exactly.
/// </summary>
public sealed class GrantCall : IAudited
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Purpose { get; set; }

    public required string Eligibility { get; set; }

    /// <summary>The budget year whose money the call spends (the masterplan has 50,000 € a year, 001).</summary>
    public int Year { get; set; }

    public long BudgetCents { get; set; }

    public long MaxPerProjectCents { get; set; }

    public DateTimeOffset Deadline { get; set; }

    /// <summary>The catalogue measure the grants serve (Catalogue's <c>Measure</c>).</summary>
    public int? MeasureId { get; set; }

    /// <summary>One required document per line ("Satzung des Vereins").</summary>
    public string RequiredDocuments { get; set; } = "";

    /// <summary>Null while the Office prepares the call; the public sees it from then on.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }

    public List<GrantCriterion> Criteria { get; set; } = [];
}

/// <summary>A criterion of a call with its weight; reviewers score each from 0 to 10.</summary>
public sealed class GrantCriterion
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public int Weight { get; set; }
}

/// <summary>The money of the masterplan for one year (001: 50,000 €); granted amounts are committed against it.</summary>
public sealed class GrantYearBudget : IAudited
{
    public int Year { get; set; }

    public long AmountCents { get; set; }
}

/// <summary>An association or initiative that applies (several persons sign in for it).</summary>
public sealed class Association : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Postal address for the decision letter.</summary>
    [NotAudited]
    public string? Address { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>SHA-256 of the code with which a further person joins (<see cref="Masterplan.Web.Shared.HashedCodes"/>); the code is shown once.</summary>
    [NotAudited]
    public string? InviteCodeHash { get; set; }

    public DateTimeOffset? InviteCodeExpiresAt { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>A person who signs in for an association: an account (role <c>Applicant</c> once the address is confirmed).</summary>
public sealed class AssociationMember : IEmailOptIn
{
    public int Id { get; set; }

    public int AssociationId { get; set; }

    public required string UserId { get; set; }

    /// <summary>The address the account was registered with; null once the account is gone.</summary>
    public string? Email { get; set; }

    public string? OptInEmail => Email;

    public string? ConfirmTokenHash { get; set; }

    public DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>The states of an application.</summary>
public enum GrantStatus
{
    /// <summary>Being written; only the association sees it.</summary>
    Draft,

    /// <summary>Sent before the deadline, with a receipt number.</summary>
    Submitted,

    /// <summary>The Office asked for more ("Nachforderung"); the applicant sees what is missing and sends again.</summary>
    Incomplete,

    /// <summary>Complete; reviewers score it.</summary>
    InReview,

    Approved,

    Rejected,

    /// <summary>Proof of use accepted; the project is done.</summary>
    Closed,
}

/// <summary>A Förderantrag of an association for a call.</summary>
public sealed class GrantApplication : IAudited
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public int AssociationId { get; set; }

    public GrantStatus Status { get; set; }

    [NotAudited]
    public string ProjectTitle { get; set; } = "";

    [NotAudited]
    public string Description { get; set; } = "";

    [NotAudited]
    public string TargetGroup { get; set; } = "";

    /// <summary>The Stadtbezirke the project works in.</summary>
    public List<int> DistrictIds { get; set; } = [];

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public long RequestedCents { get; set; }

    public long CoFundingCents { get; set; }

    [NotAudited]
    public string? ContactName { get; set; }

    [NotAudited]
    public string? ContactEmail { get; set; }

    [NotAudited]
    public string? ContactPhone { get; set; }

    /// <summary>"F-2026-0001": shown on the receipt and the letter.</summary>
    public string? ReceiptNumber { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>What the Office asked for (Nachforderung); shown to the applicant.</summary>
    public string? MissingNote { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public long? GrantedCents { get; set; }

    /// <summary>The agenda item of the meeting where the responsible body decided (Meetings' <c>AgendaItem</c>).</summary>
    public int? DecisionAgendaItemId { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>The proof of use is due by this date.</summary>
    public DateOnly? ProofDueOn { get; set; }

    public DateTimeOffset? ProofReminderSentAt { get; set; }

    /// <summary>When the contact data were deleted by the retention rule.</summary>
    public DateTimeOffset? ContactDeletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }

    public List<GrantBudgetLine> Lines { get; set; } = [];
}

/// <summary>A line of the budget plan; <see cref="SpentCents"/> comes with the proof of use.</summary>
public sealed class GrantBudgetLine
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }

    public long AmountCents { get; set; }

    public long? SpentCents { get; set; }
}

/// <summary>A file of an application: a required document or, with the proof of use, a receipt.</summary>
public sealed class GrantFile
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public bool IsReceipt { get; set; }

    public required string Title { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required string Sha512 { get; set; }

    public long Length { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public byte[] Data { get; set; } = [];
}

/// <summary>A reviewer's part: a declared conflict of interest (then no scores) or scores per criterion.</summary>
public sealed class GrantReview : IAudited
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public required string ReviewerId { get; set; }

    public bool Conflict { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }

    public List<GrantScore> Scores { get; set; } = [];
}

public sealed class GrantScore
{
    public int Id { get; set; }

    public int ReviewId { get; set; }

    public int CriterionId { get; set; }

    /// <summary>0 (not met) to 10 (fully met).</summary>
    public int Value { get; set; }
}

/// <summary>Money paid out in an instalment, or (<see cref="IsReturn"/>) unspent money paid back.</summary>
public sealed class GrantPayment : IAudited
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public bool IsReturn { get; set; }

    public long AmountCents { get; set; }

    public DateOnly On { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>States of a proof of use.</summary>
public enum ProofStatus
{
    Submitted,

    /// <summary>The Office asked back; the grantee sends it again.</summary>
    Returned,

    Accepted,
}

/// <summary>The Verwendungsnachweis: what was done, whom it reached; spending per line is on the budget lines, receipts are files.</summary>
public sealed class ProofOfUse : IAudited
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public ProofStatus Status { get; set; }

    public required string Activities { get; set; }

    public int Reach { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string? OfficeNote { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
