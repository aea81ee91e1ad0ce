using Masterplan.Web.Data;

namespace Masterplan.Web.Features.Organizations;

/// <summary>The municipality (OParl Body): Stadt Dortmund.</summary>
public sealed class Body : ISeeded, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    /// <summary>Amtlicher Gemeindeschlüssel.</summary>
    public string? Ags { get; set; }

    /// <summary>Regionalschlüssel.</summary>
    public string? Rgs { get; set; }

    public string? Classification { get; set; }

    public string? Website { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }
}
