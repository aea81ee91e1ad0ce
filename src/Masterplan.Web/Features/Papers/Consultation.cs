using Masterplan.Web.Features.Organizations;

namespace Masterplan.Web.Features.Papers;

/// <summary>The role a body plays for a paper in its Beratungsfolge (001 header).</summary>
public enum ConsultationRole
{
    /// <summary>Empfehlung: the body recommends.</summary>
    Recommendation,

    /// <summary>Beratung: the body deliberates.</summary>
    Deliberation,

    /// <summary>Beschluss (Entscheidung): the body decides.</summary>
    Decision,

    /// <summary>Kenntnisnahme: the body takes note.</summary>
    Acknowledgement,
}

/// <summary>What came of a consultation.</summary>
public enum ConsultationResult
{
    /// <summary>beschlossen</summary>
    Adopted,

    /// <summary>geändert beschlossen</summary>
    AdoptedWithChanges,

    /// <summary>abgelehnt</summary>
    Rejected,

    /// <summary>zur Kenntnis genommen</summary>
    Acknowledged,

    /// <summary>empfohlen (a recommending body)</summary>
    Recommended,

    /// <summary>vertagt</summary>
    Postponed,

    /// <summary>zurückgezogen</summary>
    Withdrawn,
}

/// <summary>One entry of a paper's Beratungsfolge (OParl Consultation).</summary>
public sealed class Consultation : Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int PaperId { get; set; }

    public Paper Paper { get; set; } = null!;

    /// <summary>1-based order in the Beratungsfolge.</summary>
    public int Position { get; set; }

    public int OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    /// <summary>The planned date; once scheduled, the meeting's day is shown beside it.</summary>
    public DateOnly Date { get; set; }

    public ConsultationRole Role { get; set; }

    /// <summary>Federführend: the body that leads the paper's consultation.</summary>
    public bool Authoritative { get; set; }

    /// <summary>
    /// Once scheduled: the agenda item's link to this paper. The meeting and item are read through it, so the paper on
    /// the agenda and the consultation's date in the meeting are one row, not two that could disagree.
    /// </summary>
    public int? AgendaLinkId { get; set; }

    public ConsultationResult? Result { get; set; }

    public DateOnly? ResultDate { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Open data shows a consultation inside its paper.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() => [(typeof(Paper), PaperId)];
}
