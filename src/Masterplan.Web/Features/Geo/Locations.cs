using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Geo;

/// <summary>
/// The location part of a form as posted (bind it as a property, e.g. <c>[BindProperty] public LocationInput Place</c>, and
/// render it with the <c>LocationFields</c> view component under the same name). Coordinates are text, read by
/// <see cref="TypedNumber.Coordinate"/>, so "51,5136" and "51.5136" both work.
/// </summary>
public sealed class LocationInput
{
    /// <summary>A typed address ("Kampstraße 1"); when given it decides the point.</summary>
    public string? Address { get; set; }

    /// <summary>The gazetteer entry picked from the choices the form showed for an ambiguous address.</summary>
    public int? Choice { get; set; }

    /// <summary>Breite (WGS84), typed or set by the map; used when no address is given.</summary>
    public string? Latitude { get; set; }

    /// <summary>Länge (WGS84), typed or set by the map.</summary>
    public string? Longitude { get; set; }

    /// <summary>The district the person chose; asked only while no boundaries are imported.</summary>
    public int? DistrictId { get; set; }

    /// <summary>The addresses an ambiguous address could mean, filled by <see cref="Locations.ResolveAsync"/> for the form.</summary>
    [BindNever]
    public IReadOnlyList<AddressMatch> Choices { get; set; } = [];
}

/// <summary>A checked point in Dortmund: from the gazetteer (with its address) or from coordinates, with its district if known.</summary>
public sealed record ResolvedLocation(double Latitude, double Longitude, int? DistrictId, string? Address);

/// <summary>
/// The one server-side check of a location form: address (gazetteer), a choice among ambiguous addresses, or coordinates;
/// then "in Dortmund" (inside a district when boundaries are imported, inside the city's extent otherwise) and the district
/// (from the boundaries, or as chosen). Refusals are German field messages under the form's prefix.
/// </summary>
public sealed class Locations(AppDbContext db, Gazetteer gazetteer, DistrictBoundaries boundaries)
{
    /// <summary>Whether Stadtbezirk boundaries are imported: then the district comes from the point and no form asks for it.</summary>
    public Task<bool> HasBoundariesAsync(CancellationToken ct) => boundaries.ExistAsync(db, ct);

    /// <param name="prefix">The name the form binds the input to ("Place"); the messages' fields are "Place.Address", ….</param>
    /// <param name="districtRequired">Whether a district must be chosen when no boundaries are imported.</param>
    /// <param name="isDistrict">Whether a chosen district exists, for a caller that holds the districts already (one query less).</param>
    public async Task<Outcome<ResolvedLocation>> ResolveAsync(LocationInput input, string prefix, bool districtRequired, CancellationToken ct,
        Func<int, bool>? isDistrict = null)
    {
        string Field(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        var errors = new FieldErrors();
        double? latitude = null, longitude = null;
        string? address = null;
        var pointField = Field(nameof(LocationInput.Address));
        if (input.Choice is { } choice)
        {
            if (await gazetteer.FindAsync(choice, ct) is { } entry)
            {
                (latitude, longitude, address) = (entry.Latitude, entry.Longitude, entry.Label);
                input.Address = entry.Label;
            }
            else
            {
                errors.Add(pointField, "Diese Adresse steht nicht mehr im Adressverzeichnis. Bitte geben Sie die Adresse erneut ein.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Address))
        {
            var typed = input.Address.Trim();
            var matches = typed.Length > 200 ? [] : await gazetteer.ResolveAsync(typed, ct);
            if (matches.Count == 1)
            {
                (latitude, longitude, address) = (matches[0].Latitude, matches[0].Longitude, matches[0].Label);
            }
            else if (matches.Count > 1)
            {
                input.Choices = matches;
                errors.Add(pointField, "Zu „{0}“ passen mehrere Adressen. Bitte wählen Sie eine aus oder ergänzen Sie Hausnummer und Postleitzahl.", typed);
            }
            else if (await gazetteer.IsEmptyAsync(ct))
            {
                errors.Add(pointField, "Es ist noch kein Adressverzeichnis eingespielt. Bitte setzen Sie den Punkt auf der Karte oder geben Sie Breite und Länge an.");
            }
            else
            {
                errors.Add(pointField, "Die Adresse „{0}“ steht nicht im Adressverzeichnis. Prüfen Sie Straße und Hausnummer, oder setzen Sie den Punkt auf der Karte oder mit Breite und Länge.", typed.Length > 200 ? typed[..200] + "…" : typed);
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Latitude) || !string.IsNullOrWhiteSpace(input.Longitude))
        {
            pointField = Field(nameof(LocationInput.Latitude));
            latitude = Coordinate(input.Latitude, Field(nameof(LocationInput.Latitude)), errors,
                "Bitte geben Sie auch die Breite an (z. B. 51,5136).", "Die Breite „{0}“ ist keine Zahl (z. B. 51,5136).");
            longitude = Coordinate(input.Longitude, Field(nameof(LocationInput.Longitude)), errors,
                "Bitte geben Sie auch die Länge an (z. B. 7,4653).", "Die Länge „{0}“ ist keine Zahl (z. B. 7,4653).");
        }
        else
        {
            errors.Add(pointField, "Bitte geben Sie eine Adresse ein oder setzen Sie den Punkt auf der Karte oder mit Breite und Länge.");
        }

        int? districtId = null;
        if (latitude is { } lat && longitude is { } lon)
        {
            var (hasBoundaries, located) = await boundaries.LocateAsync(db, lat, lon, ct);
            if (hasBoundaries ? located is null : !GeoArea.Contains(lat, lon))
            {
                errors.Add(pointField, hasBoundaries
                    ? "Der Punkt {0:0.0000}, {1:0.0000} liegt nicht in Dortmund."
                    : "Der Punkt {0:0.0000}, {1:0.0000} liegt nicht in Dortmund (Breite {2} bis {3}, Länge {4} bis {5}).",
                    lat, lon, GeoArea.MinLatitude, GeoArea.MaxLatitude, GeoArea.MinLongitude, GeoArea.MaxLongitude);
            }
            else if (hasBoundaries)
            {
                districtId = located;
            }
            else if (input.DistrictId is { } chosen)
            {
                districtId = (isDistrict?.Invoke(chosen) ?? await db.Districts.AnyAsync(d => d.Id == chosen, ct)) ? chosen : null;
                if (districtId is null)
                {
                    errors.Add(Field(nameof(LocationInput.DistrictId)), "Diesen Stadtbezirk gibt es nicht.");
                }
            }
            else if (districtRequired)
            {
                errors.Add(Field(nameof(LocationInput.DistrictId)), "Bitte wählen Sie den Stadtbezirk.");
            }
        }

        return errors.Count > 0 ? Outcome<ResolvedLocation>.Invalid(errors) : Outcome<ResolvedLocation>.Ok(new ResolvedLocation(latitude!.Value, longitude!.Value, districtId, address));
    }

    private static double? Coordinate(string? text, string field, FieldErrors errors, string missing, string notANumber)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, missing);
            return null;
        }

        var value = TypedNumber.Coordinate(text);
        if (value is null || !double.IsFinite(value.Value))
        {
            errors.Add(field, notANumber, text.Length > 40 ? text[..40] + "…" : text);
            return null;
        }

        return value;
    }
}
