using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Reports;

/// <summary>Where a half-year report stands: the Office writes, the Lenkungskreis approves, the Office sends it to the committee.</summary>
public enum HalfYearStatus
{
    Draft,
    InReview,
    Approved,
    Sent,
}

/// <summary>
/// The half-year report to the Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden (004 "Prozess"):
/// a period, the Office's text sections, and the compiled figures. Submitting freezes the compiled content as an
/// edition (<see cref="HalfYearReportEdition"/>); approving makes that edition final, and a later change starts a new version.
/// </summary>
public sealed class HalfYearReport : IAudited
{
    public int Id { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Title { get; set; }

    /// <summary>The Office's text sections (plain text, paragraphs separated by a blank line).</summary>
    public string Introduction { get; set; } = "";

    public string Assessment { get; set; } = "";

    public string Outlook { get; set; } = "";

    public HalfYearStatus Status { get; set; }

    /// <summary>The version now being written or reviewed; 1 for the first.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Who submitted the current version for approval (account id), so that nobody approves their own submission.</summary>
    public string? SubmittedById { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ApprovedById { get; set; }

    public string? ApprovedByName { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The Mitteilung it became (Papers), once sent.</summary>
    public int? PaperId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Optimistic concurrency: two approvals or a send and an edit that race, only one wins.</summary>
    public int Revision { get; set; } = 1;

    public List<HalfYearReportEdition> Editions { get; set; } = [];
}

/// <summary>
/// One version of a half-year report as submitted: period, texts and the compiled content frozen as JSON, so the PDF,
/// DOCX and page of an approved edition show the same figures forever, whatever changes in the modules later.
/// </summary>
public sealed class HalfYearReportEdition : IAudited
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int Version { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Title { get; set; }

    public string Introduction { get; set; } = "";

    public string Assessment { get; set; } = "";

    public string Outlook { get; set; } = "";

    /// <summary>The compiled <see cref="ReportContent"/> as JSON (large, so the audit log records only that it was written).</summary>
    [NotAudited]
    public required string ContentJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Set once, when the Lenkungskreis approves; from then on nothing of the edition changes.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    public string? ApprovedByName { get; set; }

    /// <summary>The Mitteilung this edition was sent as (Papers), if it was.</summary>
    public int? PaperId { get; set; }
}

/// <summary>
/// The Office's record for one measure of masterplan 1.0 (edition 1 of the catalogue) for the final report (004 §1): what
/// became of it, the lessons learnt, and its successors among the measures of masterplan 2.0.
/// </summary>
public sealed class FinalReportEntry : IAudited
{
    /// <summary>The edition-1 measure (one entry per measure).</summary>
    public int MeasureId { get; set; }

    public string Outcome { get; set; } = "";

    public string Lessons { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public List<FinalReportSuccessor> Successors { get; set; } = [];
}

/// <summary>A measure of masterplan 2.0 that continues a measure of 1.0.</summary>
public sealed class FinalReportSuccessor
{
    public int MeasureId { get; set; }

    public int SuccessorId { get; set; }
}
