using Masterplan.Web.Data;

namespace Masterplan.Web.Features.Districts;

/// <summary>One of Dortmund's twelve Stadtbezirke.</summary>
public sealed class District : ISeeded, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Order in the city's usual listing.</summary>
    public int Position { get; set; }

    public int? Residents { get; set; }

    public DateOnly? ResidentsAsOf { get; set; }

    public string? Source { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }
}
