using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Masterplan.Web.Features.Geo;

/// <summary>
/// Point → Stadtbezirk from the imported boundaries. The boundaries are parsed and prepared (NetTopologySuite prepared
/// geometries) on the first lookup, not at start-up, and kept in memory; each lookup asks the database only for the import's
/// id (one tiny indexed query), so a new import — on this instance or another — is picked up at once.
/// </summary>
public sealed class DistrictBoundaries
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    internal static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Whether boundaries exist, and the district that contains the point (null: outside all of them).</summary>
    public async Task<(bool HasBoundaries, int? DistrictId)> LocateAsync(AppDbContext db, double latitude, double longitude, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(db, ct);
        if (snapshot is null)
        {
            return (false, null);
        }

        var point = new Point(longitude, latitude);
        foreach (var (districtId, envelope, prepared) in snapshot.Districts)
        {
            if (!envelope.Contains(point.Coordinate))
            {
                continue;
            }

            bool covers;
            lock (_gate)
            {
                // Prepared geometries build their indexes lazily; one lookup at a time keeps that safe.
                covers = prepared.Covers(point);
            }

            if (covers)
            {
                return (true, districtId);
            }
        }

        return (true, null);
    }

    /// <summary>Whether any boundaries are imported (then the district comes from the point, not from the form).</summary>
    public async Task<bool> ExistAsync(AppDbContext db, CancellationToken ct) => await CurrentAsync(db, ct) is not null;

    /// <summary>Forgets the parsed boundaries (after an import on this instance).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _snapshot = null;
        }
    }

    private async Task<Snapshot?> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var importId = await db.DistrictBoundaries.AsNoTracking().Select(b => (Guid?)b.ImportId).FirstOrDefaultAsync(ct);
        if (importId is null)
        {
            return null;
        }

        var known = _snapshot;
        if (known?.ImportId == importId)
        {
            return known;
        }

        var rows = await db.DistrictBoundaries.AsNoTracking().Where(b => b.ImportId == importId).Select(b => new { b.DistrictId, b.GeoJson }).ToListAsync(ct);
        var districts = rows.Select(r => JsonSerializer.Deserialize<Geometry>(r.GeoJson, Json)!)
            .Zip(rows, (g, r) => (r.DistrictId, g.EnvelopeInternal, PreparedGeometryFactory.Prepare(g)))
            .ToList();
        var fresh = new Snapshot(importId.Value, districts);
        lock (_gate)
        {
            _snapshot = fresh;
        }

        return fresh;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    private sealed record Snapshot(Guid ImportId, IReadOnlyList<(int DistrictId, Envelope Envelope, IPreparedGeometry Geometry)> Districts);
}

/// <summary>
/// The Office's import of the Stadtbezirk boundaries: a GeoJSON FeatureCollection of Polygons or MultiPolygons in WGS84, one
/// (or more) features per district, named by a property that holds the district's name or number (1–12 in the city's order).
/// Every district needs a boundary; a file with any problem stores nothing; an import replaces all boundaries.
/// </summary>
public sealed class BoundaryImport(AppDbContext db, DistrictBoundaries boundaries, TimeProvider time)
{
    public async Task<(int Imported, IReadOnlyList<FieldError> Errors)> ImportAsync(byte[] file, CancellationToken ct)
    {
        var errors = new FieldErrors();
        FeatureCollection? collection;
        try
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(file, DistrictBoundaries.Json);
        }
        catch (JsonException e)
        {
            errors.Add("", "Die Datei ist kein gültiges GeoJSON (Zeile {0}, Zeichen {1}).", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            return (0, errors);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            // NetTopologySuite refuses a ring whose last point is not its first while reading; say so in words.
            errors.Add("", e.Message.Contains("closed linestring", StringComparison.Ordinal)
                ? "Die Datei enthält eine ungültige Fläche: ein Ring ist nicht geschlossen (sein letzter Punkt muss sein erster sein)."
                : "Die Datei ist keine GeoJSON-FeatureCollection mit Flächen (Polygon oder MultiPolygon).");
            return (0, errors);
        }

        if (collection is null || collection.Count == 0)
        {
            errors.Add("", "Die Datei enthält keine Flächen. Erwartet wird eine GeoJSON-FeatureCollection mit einem Polygon oder MultiPolygon je Stadtbezirk.");
            return (0, errors);
        }

        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name, d.Position }).ToListAsync(ct);
        var byName = districts.ToDictionary(d => AddressText.HouseKey(d.Name), d => d.Id);
        var byNumber = districts.ToDictionary(d => d.Position, d => d.Id);
        var found = new Dictionary<int, Geometry>();
        for (var i = 0; i < collection.Count; i++)
        {
            var feature = collection[i];
            var number = i + 1;
            var districtId = Match(feature.Attributes, byName, byNumber);
            if (districtId is null)
            {
                errors.Add("", "Objekt {0}: keine Eigenschaft nennt einen der zwölf Stadtbezirke (Name wie „Innenstadt-West“ oder Nummer 1 bis 12). Eigenschaften: {1}.",
                    number, Describe(feature.Attributes));
                continue;
            }

            if (feature.Geometry is not (Polygon or MultiPolygon) || feature.Geometry.IsEmpty)
            {
                errors.Add("", "Objekt {0}: die Geometrie ist {1}, erwartet wird ein Polygon oder MultiPolygon.", number, feature.Geometry?.GeometryType ?? "leer");
                continue;
            }

            var envelope = feature.Geometry.EnvelopeInternal;
            if (envelope.MinX < 5.8 || envelope.MaxX > 15.1 || envelope.MinY < 47.2 || envelope.MaxY > 55.1)
            {
                errors.Add("", "Objekt {0}: die Koordinaten liegen nicht in Deutschland; die Datei muss Länge und Breite in WGS84 (EPSG:4326) enthalten, nicht z. B. UTM-Koordinaten.", number);
                continue;
            }

            var valid = new IsValidOp(feature.Geometry);
            if (!valid.IsValid)
            {
                var at = valid.ValidationError.Coordinate;
                errors.Add("", "Objekt {0}: die Fläche ist ungültig (z. B. schneidet sich ihr Rand selbst) bei Breite {1:0.0000}, Länge {2:0.0000}.", number, at?.Y ?? 0, at?.X ?? 0);
                continue;
            }

            // A district may come in several features (an exclave, say): they are joined.
            found[districtId.Value] = found.TryGetValue(districtId.Value, out var earlier) ? earlier.Union(feature.Geometry) : feature.Geometry;
        }

        var missing = districts.Where(d => !found.ContainsKey(d.Id)).Select(d => d.Name).ToList();
        if (errors.Count == 0 && missing.Count > 0)
        {
            errors.Add("", "Für diese Stadtbezirke enthält die Datei keine Grenze: {0}.", string.Join(", ", missing));
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        await ReplaceAsync(found, isDemo: false, "GeoJSON-Datei", ct);
        return (found.Count, errors);
    }

    /// <summary>Replaces every boundary in one transaction, with an audit entry, and makes lookups use the new ones.</summary>
    internal async Task ReplaceAsync(IReadOnlyDictionary<int, Geometry> byDistrict, bool isDemo, string what, CancellationToken ct)
    {
        var importId = Guid.NewGuid();
        var now = time.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.DistrictBoundaries.ExecuteDeleteAsync(ct);
            db.DistrictBoundaries.AddRange(byDistrict.Select(d => new DistrictBoundary
            {
                DistrictId = d.Key, GeoJson = JsonSerializer.Serialize(d.Value, DistrictBoundaries.Json), ImportId = importId, ImportedAt = now, IsDemo = isDemo,
            }));
            db.Audit("DistrictBoundariesImported", nameof(DistrictBoundary), changes: new { Districts = byDistrict.Count }, reason: what);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        boundaries.Invalidate();
    }

    private static int? Match(IAttributesTable? attributes, Dictionary<string, int> byName, Dictionary<int, int> byNumber)
    {
        if (attributes is null)
        {
            return null;
        }

        var values = attributes.GetNames().Select(n => (Name: n, Value: Text(attributes[n]))).Where(p => p.Value is not null).ToList();
        foreach (var (_, value) in values)
        {
            if (byName.TryGetValue(AddressText.HouseKey(value!), out var id))
            {
                return id;
            }
        }

        // A number only in a property that looks like it holds one ("nr", "nummer", "bezirk", "id", …), so that an area or a
        // population figure is never taken for a district number.
        string[] numberNames = ["nr", "num", "bezirk", "id", "code", "schluessel", "kennung"];
        foreach (var (name, value) in values)
        {
            var key = AddressText.HouseKey(name);
            if (numberNames.Any(key.Contains) && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && byNumber.TryGetValue(n, out var id))
            {
                return id;
            }
        }

        return null;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        JsonElement => null,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Describe(IAttributesTable? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return "–";
        }

        var text = string.Join(", ", attributes.GetNames().Take(6).Select(n => $"{n} = {Text(attributes[n]) ?? "–"}"));
        return text.Length > 200 ? text[..200] + " …" : text;
    }
}
