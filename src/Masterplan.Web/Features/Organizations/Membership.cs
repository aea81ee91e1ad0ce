namespace Masterplan.Web.Features.Organizations;

/// <summary>Voting (stimmberechtigt) or advisory (beratend) membership (004 §3).</summary>
public enum VotingRight
{
    Voting,
    Advisory,
}

/// <summary>A person's seat in an organization for a period, possibly on behalf of an institution or fraction.</summary>
public sealed class Membership : Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public int OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    public VotingRight VotingRight { get; set; }

    /// <summary>Role text: Vorsitz, stellv. Vorsitz, Mitglied, Geschäftsführung …</summary>
    public string Role { get; set; } = "Mitglied";

    public int? OnBehalfOfId { get; set; }

    public Organization? OnBehalfOf { get; set; }

    /// <summary>Set when this membership is the deputy (Vertretung) of another membership (004 §3).</summary>
    public int? DeputyForId { get; set; }

    public Membership? DeputyFor { get; set; }

    /// <summary>A working-group member who is not a member of the Vollversammlung (004 §4).</summary>
    public bool IsExternal { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Open data shows a membership inside its person and lists it at its organization.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() => [(typeof(Person), PersonId), (typeof(Organization), OrganizationId)];
}
