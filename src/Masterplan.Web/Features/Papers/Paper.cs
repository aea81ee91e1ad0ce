using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;

namespace Masterplan.Web.Features.Papers;

/// <summary>A council paper (Vorlage) or motion (Antrag); OParl Paper.</summary>
public sealed class Paper : ISeeded, Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    /// <summary>Drucksache number, e.g. 26093-22; motions may have none.</summary>
    public string? Reference { get; set; }

    public required string Name { get; set; }

    /// <summary>OParl paperType, e.g. "Beschlussvorlage", "Antrag".</summary>
    public required string PaperType { get; set; }

    public DateOnly Date { get; set; }

    public int? ResponsibleOrganizationId { get; set; }

    public Organization? ResponsibleOrganization { get; set; }

    /// <summary>Who introduced it (the fractions of a joint motion, a department).</summary>
    public string? Originator { get; set; }

    /// <summary>The draft decision (Beschlussvorschlag).</summary>
    public string? DecisionProposal { get; set; }

    /// <summary>For a motion: the paper it amends.</summary>
    public int? AmendsPaperId { get; set; }

    public Paper? AmendsPaper { get; set; }

    public List<Consultation> Consultations { get; set; } = [];

    public string? Source { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }
}
