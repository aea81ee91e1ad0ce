namespace Masterplan.Web.Features.Organizations;

/// <summary>A person who sits in a body. Contact data is never shown publicly.</summary>
public sealed class Person : Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    public string? Title { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    [Masterplan.Web.Features.Audit.NotAudited]
    public string? Email { get; set; }

    /// <summary>Whether the person agreed that their name and whom they represent appear on public pages.</summary>
    [Masterplan.Web.Shared.PublicFlag]
    public bool PublicConsent { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    public string DisplayName => string.IsNullOrEmpty(Title) ? $"{GivenName} {FamilyName}" : $"{Title} {GivenName} {FamilyName}";
}
