namespace Masterplan.Web.Features.Catalogue;

/// <summary>What happened to a node of the catalogue.</summary>
public enum CatalogueChangeKind
{
    Added,
    Renamed,
    Moved,
    Merged,
    Retired,
}

/// <summary>Where a change of the catalogue came from (001 §I, 004 §3, §5).</summary>
public enum CatalogueSourceKind
{
    /// <summary>Seed document or other written source.</summary>
    Document,

    MeetingDecision,

    LabRecommendation,

    WorkingGroup,

    SteeringCircleReview,

    FreeText,
}

/// <summary>
/// The state of one catalogue node from <see cref="ValidFrom"/> on, written with every change. "The catalogue as
/// of a date" is the latest version of every node at that date; the diff between two dates compares two such
/// states. Who, when, why and the source of each change are kept here (docs/domain.md#catalogue).
/// </summary>
public sealed class FieldOfActionVersion
{
    public long Id { get; set; }

    public int NodeId { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public CatalogueChangeKind Change { get; set; }

    public required string Title { get; set; }

    public int? ParentId { get; set; }

    public int Position { get; set; }

    public bool IsRetired { get; set; }

    public int? MergedIntoId { get; set; }

    public string? Reason { get; set; }

    public CatalogueSourceKind SourceKind { get; set; }

    public string? SourceText { get; set; }

    /// <summary>The paper, agenda item or recommendation the change came from, when the Office linked one.</summary>
    public Masterplan.Web.Shared.LinkKind? SourceLinkKind { get; set; }

    public int? SourceLinkId { get; set; }

    public required string ActorName { get; set; }
}
