using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;

namespace Masterplan.Web.Features.Organizations;

/// <summary>A body of the masterplan process or of the city (OParl Organization).</summary>
public sealed class Organization : ISeeded, Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>Free classification in the OParl sense, e.g. "Fraktion" or "Gruppe" for council groups.</summary>
    public string? Classification { get; set; }

    public int? ParentId { get; set; }

    public Organization? Parent { get; set; }

    public List<Organization> Children { get; set; } = [];

    /// <summary>For a Bezirksvertretung: its district.</summary>
    public int? DistrictId { get; set; }

    public District? District { get; set; }

    public string? Purpose { get; set; }

    /// <summary>For a working group: the decision that formed it (a text reference until meetings link it, 004 §4).</summary>
    public string? FormedBy { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>1 for a body of masterplan 1.0 (its three working groups, 000), kept as history; null for everything else.</summary>
    public int? PlanEdition { get; set; }

    /// <summary>For a council group: its seats in the council.</summary>
    public int? CouncilSeats { get; set; }

    /// <summary>Where a seeded fact comes from (seed document, public source).</summary>
    public string? Source { get; set; }

    public bool IsDemo { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    public bool IsActiveOn(DateOnly day) =>
        (StartDate is null || StartDate <= day) && (EndDate is null || EndDate >= day);
}
