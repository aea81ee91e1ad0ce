using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Organizations;

/// <summary>One version of a body's rules of procedure (Geschäftsordnung, 004 §2–§3); earlier versions stay.</summary>
public sealed class RulesOfProcedure : IAudited
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public int Version { get; set; }

    public DateOnly AdoptedOn { get; set; }

    /// <summary>Who adopted it and where (e.g. "Vollversammlung, Sitzung vom 12.03.2024, TOP 3").</summary>
    public required string AdoptedBy { get; set; }

    public required string Text { get; set; }

    /// <summary>
    /// Quorum: more than this share (percent) of the voting seats must be present; null means the usual
    /// "more than half" (the platform's default, docs/domain.md#meetings). Deputies count for the member they represent.
    /// </summary>
    public int? QuorumMoreThanPercent { get; set; }
}
