using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Meetings;

/// <summary>A numbered item (TOP) of a meeting's agenda: "1", "2", "2.1".</summary>
public sealed class AgendaItem : IAudited, Masterplan.Web.Shared.ITimestamped, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    /// <summary>The visible number; unique within the meeting.</summary>
    public required string Number { get; set; }

    /// <summary>Sort key derived from <see cref="Number"/> so that "2.10" follows "2.9".</summary>
    public required string SortKey { get; set; }

    public required string Title { get; set; }

    public string? Text { get; set; }

    [Masterplan.Web.Shared.PublicFlag]
    public bool IsPublic { get; set; } = true;

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Open data shows an agenda item inside its meeting.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() => [(typeof(Meeting), MeetingId)];

    public List<AgendaLink> Links { get; set; } = [];
}

/// <summary>What an agenda item can point at. Other modules attach by kind and id, without a foreign key.</summary>
public enum AgendaLinkKind
{
    Paper,
    FieldOfAction,
    Measure,
    LabResult,

    /// <summary>The catalogue status overview the Lenkungskreis gets at every regular meeting (001 §I).</summary>
    StatusOverview,

    /// <summary>The approval of another meeting's minutes (docs/domain.md#minutes).</summary>
    MinutesApproval,
}

public sealed class AgendaLink : IAudited, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int AgendaItemId { get; set; }

    public AgendaLinkKind Kind { get; set; }

    public int? TargetId { get; set; }

    /// <summary>What the link shows (the paper's reference and name, the field's number and title …).</summary>
    public required string Label { get; set; }

    /// <summary>A link to a paper puts the item into the paper's Beratungsfolge, so both change for open data.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() =>
        Kind == AgendaLinkKind.Paper && TargetId is { } paper
            ? [(typeof(AgendaItem), AgendaItemId), (typeof(Masterplan.Web.Features.Papers.Paper), paper)]
            : [(typeof(AgendaItem), AgendaItemId)];
}
