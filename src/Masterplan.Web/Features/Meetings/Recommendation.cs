using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// To whom a recommendation goes (004 §3: council, committees, Lenkungskreis, administration; 003: the Sonderstab reports
/// straight to the Oberbürgermeister and the Verwaltungsvorstand).
/// </summary>
public enum AddresseeKind
{
    Council,
    Committee,
    SteeringCircle,
    Administration,
    OtherBody,
    ExecutiveBoard,
    LordMayor,
}

public enum RecommendationStatus
{
    Open,
    Transmitted,
    InProgress,
    Implemented,
    Rejected,
}

/// <summary>A recommendation (Empfehlung) adopted in a meeting and followed up until it is implemented or rejected.</summary>
public sealed class Recommendation : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    public int? AgendaItemId { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public AddresseeKind AddresseeKind { get; set; }

    public int? AddresseeOrganizationId { get; set; }

    public RecommendationStatus Status { get; set; }

    /// <summary>Required when rejected.</summary>
    public string? StatusReason { get; set; }

    public DateOnly AdoptedOn { get; set; }

    public bool IsPublic { get; set; }

    /// <summary>Ids of the linked fields of action (stable catalogue node ids).</summary>
    public List<RecommendationField> Fields { get; set; } = [];

    public List<RecommendationUpdate> Updates { get; set; } = [];

    public List<RecommendationTakeUp> TakeUps { get; set; } = [];
}

/// <summary>
/// What took a recommendation up: the measure, the paper or the agenda item (<see cref="Masterplan.Web.Shared.Links"/>),
/// shown on both sides. A measure whose source links the recommendation counts as well, without a row here.
/// </summary>
public sealed class RecommendationTakeUp : IAudited
{
    public int Id { get; set; }

    public int RecommendationId { get; set; }

    public Masterplan.Web.Shared.LinkKind Kind { get; set; }

    public int TargetId { get; set; }

    public Masterplan.Web.Shared.LinkRef Target => new(Kind, TargetId);
}

public sealed class RecommendationField
{
    public int RecommendationId { get; set; }

    public int FieldOfActionId { get; set; }
}

/// <summary>A dated follow-up note: what happened, and the status since.</summary>
public sealed class RecommendationUpdate : IAudited
{
    public int Id { get; set; }

    public int RecommendationId { get; set; }

    public DateOnly Date { get; set; }

    public RecommendationStatus Status { get; set; }

    public required string Note { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
