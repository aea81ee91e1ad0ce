using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Geo;

/// <summary>An address of the gazetteer as forms and the suggestion API show it; no personal data.</summary>
public sealed record AddressMatch(int Id, string Label, string Street, string HouseNumber, string Postcode, double Latitude, double Longitude);

/// <summary>
/// The address gazetteer: suggestions while typing, the server-side resolve for forms without JavaScript, and the Office's
/// replace-all CSV import. Every lookup is one query on the indexed keys of <see cref="AddressText"/>.
/// </summary>
public sealed partial class Gazetteer(AppDbContext db)
{
    public const int MaxSuggestions = 10;

    public const string Columns = "Straße; Hausnummer; PLZ; Breite; Länge";

    /// <summary>Addresses that start like the typed text, for suggestions (at most <see cref="MaxSuggestions"/>).</summary>
    public async Task<IReadOnlyList<AddressMatch>> SuggestAsync(string? typed, CancellationToken ct)
    {
        var query = AddressText.Parse(typed);
        if (query is null || query.StreetKey.Length < 3)
        {
            return [];
        }

        return await Select(StartingWith(query), MaxSuggestions, ct);
    }

    /// <summary>
    /// The entries a typed address means: the exact street and house number (and postcode, if typed); failing that, streets
    /// that start like the typed one. One entry is the point; several are choices; none is unknown.
    /// </summary>
    public async Task<IReadOnlyList<AddressMatch>> ResolveAsync(string typed, CancellationToken ct)
    {
        var query = AddressText.Parse(typed);
        if (query is null)
        {
            return [];
        }

        if (query.HouseKey is { } house)
        {
            var exact = db.GazetteerAddresses.AsNoTracking().Where(a => a.StreetKey == query.StreetKey && a.HouseKey == house);
            if (query.Postcode is { } postcode)
            {
                exact = exact.Where(a => a.Postcode == postcode);
            }

            var found = await Select(exact, MaxSuggestions, ct);
            if (found.Count != 0)
            {
                return found;
            }
        }

        return query.StreetKey.Length < 3 ? [] : await Select(StartingWith(query), MaxSuggestions, ct);
    }

    public async Task<AddressMatch?> FindAsync(int id, CancellationToken ct)
    {
        var found = await Select(db.GazetteerAddresses.AsNoTracking().Where(a => a.Id == id), 1, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct) => !await db.GazetteerAddresses.AnyAsync(ct);

    internal IQueryable<GazetteerAddress> StartingWith(AddressQuery query)
    {
        var q = db.GazetteerAddresses.AsNoTracking().Where(a => a.StreetKey.CompareTo(query.StreetKey) >= 0);
        if (AddressText.UpperBound(query.StreetKey) is { } upper)
        {
            q = q.Where(a => a.StreetKey.CompareTo(upper) < 0);
        }

        if (query.HouseKey is { } house)
        {
            q = q.Where(a => a.HouseKey.CompareTo(house) >= 0);
            if (AddressText.UpperBound(house) is { } houseUpper)
            {
                q = q.Where(a => a.HouseKey.CompareTo(houseUpper) < 0);
            }
        }

        return query.Postcode is { } postcode ? q.Where(a => a.Postcode == postcode) : q;
    }

    private static async Task<IReadOnlyList<AddressMatch>> Select(IQueryable<GazetteerAddress> query, int take, CancellationToken ct)
    {
        var rows = await query.OrderBy(a => a.StreetKey).ThenBy(a => a.HouseOrder).ThenBy(a => a.HouseKey).ThenBy(a => a.Postcode).Take(take)
            .Select(a => new { a.Id, a.Street, a.HouseNumber, a.Postcode, a.Latitude, a.Longitude })
            .ToListAsync(ct);
        return [.. rows.Select(a => new AddressMatch(a.Id, $"{a.Street} {a.HouseNumber}, {a.Postcode} Dortmund", a.Street, a.HouseNumber, a.Postcode, a.Latitude, a.Longitude))];
    }

    /// <summary>
    /// Replaces the whole gazetteer with the file's addresses in one transaction. Every line is checked first; a file with any
    /// error stores nothing, and the errors name their line.
    /// </summary>
    public async Task<(int Imported, IReadOnlyList<CsvError> Errors)> ImportAsync(byte[] file, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var table = CsvTable.Read(file, errors, maxRows: 400_000);
        if (table is null)
        {
            return (0, errors);
        }

        int C(params string[] names) => table.Column(names);
        var (street, house, suffix, postcode) = (C("Straße", "Strasse", "Str", "Street", "Strassenname", "Straßenname"), C("Hausnummer", "HNr", "Nr", "HouseNumber", "House_Number"),
            C("Zusatz", "Hausnummernzusatz", "HNr_Zusatz", "Adresszusatz"), C("PLZ", "Postleitzahl", "Postcode"));
        var (lat, lon) = (C("Breite", "Lat", "Latitude", "Breitengrad"), C("Länge", "Laenge", "Lon", "Lng", "Longitude", "Längengrad"));
        var missing = new[] { ("Straße", street), ("Hausnummer", house), ("PLZ", postcode), ("Breite", lat), ("Länge", lon) }.Where(c => c.Item2 < 0).Select(c => $"„{c.Item1}“").ToList();
        if (missing.Count > 0)
        {
            errors.Add(new CsvError(1, "Es fehlen die Spalten {0}. Erwartet: {1}.", string.Join(", ", missing), Columns));
            return (0, errors);
        }

        var rows = new List<GazetteerAddress>(table.Rows.Count);
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var row in table.Rows)
        {
            if (errors.Count >= 100)
            {
                errors.Add(new CsvError(0, "Nach 100 Fehlern wurde die Prüfung abgebrochen."));
                break;
            }

            void Error(string key, params object[] args) => errors.Add(new CsvError(row.Line, key, args));
            if (row.Fields.Count != table.Header.Count)
            {
                Error("Die Zeile hat {0} Felder, die Kopfzeile {1}.", row.Fields.Count, table.Header.Count);
                continue;
            }

            var before = errors.Count;
            var name = row.Get(street);
            var number = (row.Get(house) + (suffix >= 0 ? row.Get(suffix) : "")).Trim();
            var code = row.Get(postcode);
            var streetKey = AddressText.StreetKey(name);
            if (name.Length is 0 or > 100 || streetKey.Length == 0)
            {
                Error("Der Straßenname fehlt oder ist länger als 100 Zeichen.");
            }

            if (!HouseNumber().IsMatch(number))
            {
                Error("„{0}“ ist keine Hausnummer (z. B. 12 oder 12a).", number);
            }

            if (!Postcode().IsMatch(code))
            {
                Error("„{0}“ ist keine fünfstellige Postleitzahl.", code);
            }

            var (latitude, longitude) = (TypedNumber.Coordinate(row.Get(lat)), TypedNumber.Coordinate(row.Get(lon)));
            if (latitude is null || longitude is null)
            {
                Error("Breite „{0}“ und Länge „{1}“ müssen Zahlen sein (z. B. 51,5136 und 7,4653).", row.Get(lat), row.Get(lon));
            }
            else if (!GeoArea.Contains(latitude.Value, longitude.Value))
            {
                Error("Der Punkt {0:0.0000}, {1:0.0000} liegt nicht in Dortmund (Breite {2} bis {3}, Länge {4} bis {5}); sind Breite und Länge vertauscht oder nicht in WGS84?",
                    latitude.Value, longitude.Value, GeoArea.MinLatitude, GeoArea.MaxLatitude, GeoArea.MinLongitude, GeoArea.MaxLongitude);
            }

            if (errors.Count > before)
            {
                continue;
            }

            var houseKey = AddressText.HouseKey(number);
            if (!seen.TryAdd((streetKey, houseKey, code), row.Line))
            {
                Error("Die Adresse „{0} {1}, {2}“ steht schon in Zeile {3}.", name, number, code, seen[(streetKey, houseKey, code)]);
                continue;
            }

            rows.Add(new GazetteerAddress
            {
                Street = name, HouseNumber = number, Postcode = code, Latitude = latitude!.Value, Longitude = longitude!.Value,
                StreetKey = streetKey, HouseKey = houseKey, HouseOrder = AddressText.HouseOrder(number),
            });
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new CsvError(0, "Die Datei enthält keine Adressen."));
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        await ReplaceAsync(rows, $"{rows.Count} Adressen aus einer CSV-Datei", ct);
        return (rows.Count, errors);
    }

    /// <summary>Replaces every entry with <paramref name="rows"/> in one transaction, with an audit entry.</summary>
    internal async Task ReplaceAsync(IReadOnlyList<GazetteerAddress> rows, string what, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.GazetteerAddresses.ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in rows.Chunk(5_000))
        {
            db.GazetteerAddresses.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.Audit("GazetteerImported", nameof(GazetteerAddress), changes: new { rows.Count }, reason: what);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    [GeneratedRegex(@"^[0-9]{1,4}( ?[a-zA-Z]| ?[-/] ?[0-9]{1,4} ?[a-zA-Z]?)?$")]
    private static partial Regex HouseNumber();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex Postcode();
}
