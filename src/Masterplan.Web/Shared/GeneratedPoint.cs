namespace Masterplan.Web.Shared;

/// <summary>
/// Marks a NetTopologySuite <c>Point</c> property that mirrors two coordinate columns for a spatial index. On PostgreSQL
/// it is a PostGIS column generated from them (<c>geometry(Point,4326)</c>, stored) with a GiST index, so no code and no
/// bulk load can let it drift; the SQLite model ignores every geometry (it indexes points with an R*Tree instead).
/// </summary>
/// <param name="latitude">The property with the latitude in degrees (WGS 84).</param>
/// <param name="longitude">The property with the longitude in degrees (WGS 84).</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class GeneratedPointAttribute(string latitude, string longitude) : Attribute
{
    public string Latitude { get; } = latitude;

    public string Longitude { get; } = longitude;
}
