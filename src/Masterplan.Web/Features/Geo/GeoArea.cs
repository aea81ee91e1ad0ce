namespace Masterplan.Web.Features.Geo;

/// <summary>
/// Dortmund's extent when no district boundaries are imported: the city limits, generously rounded, so that a point outside
/// is a typing error. With boundaries, "in Dortmund" means inside one of the twelve districts instead.
/// </summary>
public static class GeoArea
{
    public const double MinLatitude = 51.41, MaxLatitude = 51.60, MinLongitude = 7.30, MaxLongitude = 7.64;

    /// <summary>Where a map starts: the Reinoldikirche in the city centre.</summary>
    public const double CenterLatitude = 51.5136, CenterLongitude = 7.4653;

    public static bool Contains(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;
}
