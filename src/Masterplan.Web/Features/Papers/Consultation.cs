using Masterplan.Web.Features.Organizations;

namespace Masterplan.Web.Features.Papers;

/// <summary>The role a body plays for a paper in its Beratungsfolge (001 header).</summary>
public enum ConsultationRole
{
    /// <summary>Empfehlung: the body recommends.</summary>
    Recommendation,

    /// <summary>Beratung: the body deliberates.</summary>
    Deliberation,

    /// <summary>Beschluss: the body decides.</summary>
    Decision,
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

    public DateOnly Date { get; set; }

    public ConsultationRole Role { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Open data shows a consultation inside its paper.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() => [(typeof(Paper), PaperId)];
}
