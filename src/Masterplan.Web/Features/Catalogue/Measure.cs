using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>Where a measure stands (docs/domain.md#measures).</summary>
public enum MeasureStatus
{
    Proposed,
    Decided,
    InProgress,
    Implemented,
    Established,
    Deferred,
    Discarded,
}

/// <summary>
/// A measure (Maßnahme) under a node of the catalogue, found by the node's stable id. Its progress rolls up to the
/// parent nodes weighted by <see cref="Weight"/>; <see cref="Version"/> guards against concurrent edits.
/// </summary>
public sealed class Measure : IAudited
{
    public int Id { get; set; }

    public int FieldOfActionId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>Partners outside the administration, as text.</summary>
    public string? Partners { get; set; }

    public MeasureStatus Status { get; set; }

    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }

    /// <summary>Share in the roll-up of its node and the nodes above (default 1).</summary>
    public decimal Weight { get; set; } = 1;

    public decimal? PlannedBudget { get; set; }

    public decimal? SpentBudget { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Where, when not (only) whole districts.</summary>
    public string? Place { get; set; }

    public CatalogueSourceKind SourceKind { get; set; }

    public string? SourceText { get; set; }

    /// <summary>The agenda item, recommendation or paper the measure came from, when the Office linked one.</summary>
    public Masterplan.Web.Shared.LinkKind? SourceLinkKind { get; set; }

    public int? SourceLinkId { get; set; }

    /// <summary><see cref="SourceLinkKind"/> and <see cref="SourceLinkId"/> together.</summary>
    public Masterplan.Web.Shared.LinkRef? SourceLink => SourceLinkKind is { } kind && SourceLinkId is { } id ? new(kind, id) : null;

    public bool IsPublic { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>1 for the measures of masterplan 1.0 (DS 12534-18), imported for its final report (004); 2 otherwise.</summary>
    public int PlanEdition { get; set; } = 2;

    /// <summary>The measure's number in its source, e.g. "M 3.2" in masterplan 1.0.</summary>
    public string? ExternalNumber { get; set; }

    /// <summary>Optimistic concurrency: incremented with every save; a save based on an older version is refused.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who saved last (staff; never shown publicly).</summary>
    public string? UpdatedBy { get; set; }

    public List<MeasureDistrict> Districts { get; set; } = [];

    public List<MeasureUnit> Units { get; set; } = [];

    public List<MeasureStatusUpdate> Updates { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];
}

public sealed class MeasureDistrict
{
    public int MeasureId { get; set; }

    public int DistrictId { get; set; }
}

/// <summary>A responsible unit (an organization of kind Department).</summary>
public sealed class MeasureUnit
{
    public int MeasureId { get; set; }

    public int OrganizationId { get; set; }
}

/// <summary>A dated status report (Sachstand), optionally moving status and progress.</summary>
public sealed class MeasureStatusUpdate : IAudited
{
    public int Id { get; set; }

    public int MeasureId { get; set; }

    public DateOnly Date { get; set; }

    public required string Text { get; set; }

    public MeasureStatus? NewStatus { get; set; }

    public int? NewProgress { get; set; }

    /// <summary>Staff name; shown to the Office only.</summary>
    public required string AuthorName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
