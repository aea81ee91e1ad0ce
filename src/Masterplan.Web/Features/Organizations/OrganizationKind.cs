namespace Masterplan.Web.Features.Organizations;

/// <summary>What kind of body an organization is; glossary in docs/architecture.md.</summary>
public enum OrganizationKind
{
    /// <summary>Lenkungskreis (004 §2).</summary>
    SteeringCircle,

    /// <summary>Vollversammlung (004 §3).</summary>
    PlenaryAssembly,

    /// <summary>Arbeitsgruppe of the Vollversammlung (004 §4) or sub-group of the Sonderstab (003).</summary>
    WorkingGroup,

    /// <summary>Sonderstab "Ordnung und Stadtleben" (003).</summary>
    SpecialTaskForce,

    /// <summary>An institution that sends members (Polizei, Integrationsrat, IHK …).</summary>
    Institution,

    /// <summary>A council group (Fraktion or Gruppe).</summary>
    Fraction,

    /// <summary>A department of the administration (Dezernat, Amt).</summary>
    Department,

    /// <summary>Rat der Stadt and the Bezirksvertretungen.</summary>
    Council,

    /// <summary>A committee of the council (ABöOAB, Hauptausschuss …).</summary>
    Committee,

    /// <summary>
    /// A further body of the masterplan the Office sets up, e.g. a round table on conflicts around homelessness and drug use
    /// with politics, authorities, counselling services, the people affected and traders (002 l. 87–91).
    /// </summary>
    Forum,
}
