namespace Masterplan.Web.Features.Geo;

/// <summary>
/// One entry of the address gazetteer (Adressverzeichnis): the city's official list of addresses with their point, imported
/// by the Office as CSV. Public geodata, no personal data. Found by <see cref="StreetKey"/> and <see cref="HouseKey"/>
/// (<see cref="AddressText"/>), which carry one index.
/// </summary>
public sealed class GazetteerAddress
{
    public int Id { get; set; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    public required string Postcode { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public required string StreetKey { get; set; }

    public required string HouseKey { get; set; }

    /// <summary>The leading number of the house number, so that 2 comes before 10.</summary>
    public int HouseOrder { get; set; }

    /// <summary>Part of the small demo gazetteer (<c>Seed:Demo</c>); a real import replaces it.</summary>
    public bool IsDemo { get; set; }

    public string Label => $"{Street} {HouseNumber}, {Postcode} Dortmund";
}

/// <summary>
/// A Stadtbezirk's boundary as the Office imported it: the GeoJSON geometry (Polygon or MultiPolygon, WGS84) as text. The
/// rows of one import share <see cref="ImportId"/>, which tells every app instance whether its parsed copy is current.
/// </summary>
public sealed class DistrictBoundary
{
    public int Id { get; set; }

    public int DistrictId { get; set; }

    public required string GeoJson { get; set; }

    public Guid ImportId { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Made up for the demo (<c>Seed:Demo</c>), not the city's boundary; a real import replaces it.</summary>
    public bool IsDemo { get; set; }
}
