using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;
using NetTopologySuite.Geometries;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// A kind of Meldung (Open311: a service), managed by the Office: who handles it (a department and its routing address),
/// when a report counts as overdue, and the field of action it feeds (Angstraum → 1.2.3). The code is the stable
/// Open311 <c>service_code</c>: it never changes once reports use it.
/// </summary>
public sealed class ServiceCategory : ISeeded, IAudited
{
    public int Id { get; set; }

    /// <summary>Open311 <c>service_code</c>: lower-case letters, digits and hyphens, unique, stable.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>What belongs here, in plain language (Open311 <c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>The responsible unit: an Organization of kind Department. Its DepartmentStaff see the reports.</summary>
    public int DepartmentId { get; set; }

    /// <summary>Where a new report is mailed; without one, to the department's staff accounts.</summary>
    public string? RoutingEmail { get; set; }

    /// <summary>The field of action of the catalogue the reports feed (Angstraum → 1.2.3), if any.</summary>
    public int? FieldOfActionId { get; set; }

    /// <summary>A report not fixed, forwarded or closed this many days after it arrived is flagged overdue.</summary>
    public int OverdueAfterDays { get; set; } = 14;

    /// <summary>Only active categories take new reports; old reports keep theirs.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Order on the form and in lists.</summary>
    public int Position { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }
}

/// <summary>
/// A Meldung: a defect or an unsafe place a resident reported (Open311 service request). What is public: category,
/// description, place, district, status with its public notes, published photos, the number of supporters. Never public:
/// the reporter's name and address. Not audited field by field, because contact data must be deletable; status changes
/// and moderation decisions get audit entries of their own.
/// </summary>
public sealed class ServiceRequest : ITimestamped, IEmailOptIn
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the receipt number the reporter was shown (<see cref="HashedCodes"/>); also the Open311 token.</summary>
    public required string ReceiptHash { get; set; }

    public int CategoryId { get; set; }

    public required string Description { get; set; }

    /// <summary>WGS 84 latitude, degrees.</summary>
    public double Latitude { get; set; }

    /// <summary>WGS 84 longitude, degrees.</summary>
    public double Longitude { get; set; }

    /// <summary>
    /// The same point for PostGIS's GiST index (PostgreSQL only: a column generated from <see cref="Latitude"/> and
    /// <see cref="Longitude"/>; the SQLite model ignores it and keeps an R*Tree instead). Never set it in code.
    /// </summary>
    [GeneratedPoint(nameof(Latitude), nameof(Longitude))]
    public Point? Location { get; set; }

    /// <summary>The address as the reporter typed it (free text), if any.</summary>
    public string? Address { get; set; }

    public int DistrictId { get; set; }

    /// <summary>One of <see cref="ServiceRequestsModule.Statuses"/>.</summary>
    public string Status { get; set; } = ServiceRequestsModule.Open;

    /// <summary>For the status duplicate: the report this one repeats.</summary>
    public int? DuplicateOfId { get; set; }

    /// <summary>For the status not responsible: to whom it was forwarded (a body outside the city administration, say).</summary>
    public string? ForwardedTo { get; set; }

    /// <summary>When it reached a final status (fixed, duplicate, not responsible, closed); the retention period counts from here.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The reporter's name, for the department only; never public.</summary>
    public string? ReporterName { get; set; }

    /// <summary>The reporter's address for status mails, sent only once confirmed (double opt-in); never public.</summary>
    public string? ReporterEmail { get; set; }

    /// <summary>SHA-256 of the double opt-in token mailed to <see cref="ReporterEmail"/>.</summary>
    public string? ConfirmTokenHash { get; set; }

    public DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    string? IEmailOptIn.OptInEmail => ReporterEmail;

    /// <summary>When the retention job deleted the contact data and the unpublished photos.</summary>
    public DateTimeOffset? PersonalDataDeletedAt { get; set; }

    /// <summary>Residents who said "me too" (one per browser, <see cref="ServiceRequestSupport"/>).</summary>
    public int SupportCount { get; set; }

    /// <summary>False when the Office took the report off the public pages (abuse); the department still sees it.</summary>
    public bool IsPublic { get; set; } = true;

    /// <summary>Why the Office took the report off the public pages; for staff only, never public, never mailed to the reporter.</summary>
    public string? HiddenReason { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }
}

/// <summary>A status change of a report, with its public note and who made it (the name is for the staff; the public sees the department).</summary>
public sealed class ServiceRequestUpdate
{
    public int Id { get; set; }

    public int ServiceRequestId { get; set; }

    /// <summary>The status the report got.</summary>
    public required string Status { get; set; }

    /// <summary>Public: shown on the report's page, in the feed and in Open311 <c>status_notes</c>.</summary>
    public required string Note { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The staff member's account, for the department and the audit; never public.</summary>
    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    /// <summary>When the mail to the reporter about it was queued with it (only with a confirmed address; <see cref="Shared.Mail.MailOutbox"/>).</summary>
    public DateTimeOffset? MailedAt { get; set; }
}

/// <summary>
/// A photo of a report as the platform re-encoded it (JPEG without any metadata, <see cref="ImageIntake"/>); the original
/// upload is never stored. Public only once a member of staff published it.
/// </summary>
public sealed class ServiceRequestPhoto
{
    public int Id { get; set; }

    public int ServiceRequestId { get; set; }

    /// <summary>1 to 3, in the order they were sent.</summary>
    public int Position { get; set; }

    public required byte[] Jpeg { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary><see cref="ServiceRequestsModule.PhotoPending"/>, <see cref="ServiceRequestsModule.PhotoPublished"/> or <see cref="ServiceRequestsModule.PhotoRejected"/>.</summary>
    public string Moderation { get; set; } = ServiceRequestsModule.PhotoPending;

    public DateTimeOffset? ModeratedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A "me too" on a report: one per browser, known by the SHA-256 of a random cookie value.</summary>
public sealed class ServiceRequestSupport
{
    public int Id { get; set; }

    public int ServiceRequestId { get; set; }

    public required string BrowserHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An optional extra question of a category (a choice from a list, yes/no, or short text), asked in the form's second step and
/// listed as an attribute in the Open311 service definition. Answers go to the department only.
/// </summary>
public sealed class ServiceCategoryQuestion : IAudited, IExtraQuestion
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    /// <summary>Order on the form, from 1.</summary>
    public int Position { get; set; }

    /// <summary>One of <see cref="ExtraQuestions.Kinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Prompt { get; set; }

    /// <summary>The options of a choice, one per line.</summary>
    public string? Options { get; set; }

    public bool Required { get; set; }

    /// <summary>The Open311 attribute code (<c>attribute[frage-12]</c>): stable, since it is made from the id.</summary>
    public string AttributeCode => ServiceRequestsModule.AttributeCode(Id);
}

/// <summary>
/// A reporter's answer to an extra question of the category. Never public (free text can name people); deleted with the
/// contact data by the retention job.
/// </summary>
public sealed class ServiceRequestAnswer
{
    public int Id { get; set; }

    public int ServiceRequestId { get; set; }

    public int QuestionId { get; set; }

    public required string Value { get; set; }
}

/// <summary>
/// A resident's subscription to the new public reports of one district (or of the whole city without one), mailed once a
/// day. Only what the subscription needs: the address, the district, the confirmation state, when the last mail went, and
/// the random token of the unsubscribe link. Deleted on unsubscribe; unconfirmed ones go when their link expires.
/// </summary>
public sealed class ServiceRequestAlert : IEmailOptIn
{
    public int Id { get; set; }

    public required string Email { get; set; }

    /// <summary>The district, or null for the whole city.</summary>
    public int? DistrictId { get; set; }

    public string? ConfirmTokenHash { get; set; }

    public DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    string? IEmailOptIn.OptInEmail => Email;

    /// <summary>The random token of the one-click unsubscribe link in every mail (not guessable, needs no login).</summary>
    public required string UnsubscribeToken { get; set; }

    /// <summary>Reports created up to this moment have been mailed (the digest's watermark).</summary>
    public DateTimeOffset? MailedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
