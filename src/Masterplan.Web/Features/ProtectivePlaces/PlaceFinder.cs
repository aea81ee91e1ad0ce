using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>What anyone may see of a place: no venue contact, nothing personal.</summary>
public sealed record PublicPlace(
    int Id, string Name, string Kind, string? Address, double Latitude, double Longitude, int? DistrictId, string Help, string? HelpEnglish, string? HelpEasy,
    string? Phone, bool StepFree, bool AccessibleToilet, bool QuietRoom, string? Languages, int? EventId, bool IsDemo);

/// <summary>A place in the public list: its state now, its distance from the point asked about, its event.</summary>
public sealed record ListedPlace(PublicPlace Place, PlaceStatus Status, double? Metres, string? EventName);

/// <summary>The filters of the public list.</summary>
/// <param name="Latitude">The point to sort by (a resolved address or "my location"), if any.</param>
public sealed record PlaceQuery(string? Kind = null, int? DistrictId = null, double? Latitude = null, double? Longitude = null, bool OpenOnly = false);

/// <summary>
/// Every public place with its week, the exceptions around one day and the events: what the finder ranks, read once per
/// number of the places' <see cref="DataVersion"/> and Dortmund day, so a search reads one number and ranks in memory.
/// What is visible now (events that run) is still decided per request, from the time of the request.
/// </summary>
internal sealed record PlaceSnapshot(int Version, DateOnly Day, Dictionary<int, PublicPlace> Places, Dictionary<int, PlaceHours> Hours, Dictionary<int, PlaceEvent> Events);

/// <summary>The latest <see cref="PlaceSnapshot"/> of this instance (a singleton).</summary>
public sealed class PlaceSnapshots
{
    /// <summary>The version row moved by every change of a place, its hours, exceptions or events.</summary>
    public const string VersionName = "protective-places";

    public static readonly DataVersion Version = new(VersionName, new HashSet<Type>
    {
        typeof(ProtectivePlace), typeof(OpeningRule), typeof(OpeningException), typeof(PlaceEvent),
    });

    private PlaceSnapshot? _current;

    internal async Task<PlaceSnapshot> GetAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        // No row yet means no change of these types was ever saved through the context: version 0 stays valid until one is.
        var version = await db.DataVersionAsync(VersionName, ct) ?? 0;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version && current.Day == day)
        {
            return current;
        }

        // Read after the number, so at least as new as it; a change saved meanwhile moves it and the next request reads again.
        var places = await PlaceFinder.Project(db.ProtectivePlaces.AsNoTracking().Where(p => p.IsPublic)).ToDictionaryAsync(p => p.Id, ct);
        var rules = (await db.OpeningRules.AsNoTracking().Where(r => db.Set<ProtectivePlace>().Any(p => p.Id == r.PlaceId && p.IsPublic)).ToListAsync(ct))
            .ToLookup(r => r.PlaceId);
        var (from, to) = OpeningHours.Days(day);
        var exceptions = (await db.OpeningExceptions.AsNoTracking().Where(e => e.Date >= from && e.Date <= to).ToListAsync(ct))
            .Where(e => places.ContainsKey(e.PlaceId)).ToLookup(e => e.PlaceId);
        var events = await db.PlaceEvents.AsNoTracking().ToDictionaryAsync(e => e.Id, ct);
        var hours = places.Keys.ToDictionary(id => id, id => OpeningHours.Hours(day, [.. rules[id]], [.. exceptions[id]]));
        var next = new PlaceSnapshot(version, day, places, hours, events);
        Volatile.Write(ref _current, next);
        return next;
    }
}

/// <summary>
/// "Where can I get help now?": the public places (event help points only while their event runs), open ones first, each
/// group nearest first; ranked in memory over the <see cref="PlaceSnapshot"/> (2,000 places: bench/ProtectivePlaces).
/// </summary>
public sealed class PlaceFinder(AppDbContext db, PlaceSnapshots snapshots, TimeProvider time)
{
    /// <summary>Half the side of the box around the point, in degrees (about 25 km north–south): all of Dortmund and its edge.</summary>
    public const double BoxDegrees = 0.25;

    public static IQueryable<PublicPlace> Project(IQueryable<ProtectivePlace> places) => places.Select(p => new PublicPlace(
        p.Id, p.Name, p.Kind, p.Address, p.Latitude, p.Longitude, p.DistrictId, p.Help, p.HelpEnglish, p.HelpEasy, p.Phone, p.StepFree, p.AccessibleToilet,
        p.QuietRoom, p.Languages, p.EventId, p.IsDemo));

    /// <summary>
    /// The list: open now first, then the others; nearest first when a point is given, else by name. With
    /// <paramref name="limit"/> only that many are returned (<see cref="Total"/> counts them all).
    /// </summary>
    public async Task<IReadOnlyList<ListedPlace>> FindAsync(PlaceQuery query, CancellationToken ct, int? limit = null)
    {
        var now = time.GetUtcNow();
        var local = CityTime.Local(now);
        var snapshot = await snapshots.GetAsync(db, DateOnly.FromDateTime(local), ct);
        var box = query is { Latitude: { } lat, Longitude: { } lon }
            ? (South: lat - BoxDegrees, North: lat + BoxDegrees, West: lon - (BoxDegrees * 1.6), East: lon + (BoxDegrees * 1.6))
            : ((double South, double North, double West, double East)?)null;
        var ranked = new List<(PublicPlace Place, bool Open, double? Metres, PlaceEvent? Event)>();
        foreach (var place in snapshot.Places.Values)
        {
            if ((query.Kind is { } kind && place.Kind != kind) || (query.DistrictId is { } district && place.DistrictId != district)
                || (box is { } b && (place.Latitude < b.South || place.Latitude > b.North || place.Longitude < b.West || place.Longitude > b.East))
                || !Running(snapshot, place, now, out var ev))
            {
                continue;
            }

            var open = OpeningHours.OpenAt(local, snapshot.Hours[place.Id], Window(ev));
            if (query.OpenOnly && !open)
            {
                continue;
            }

            double? metres = query is { Latitude: { } la, Longitude: { } lo } ? Metres(la, lo, place.Latitude, place.Longitude) : null;
            ranked.Add((place, open, metres, ev));
        }

        Total = ranked.Count;
        var order = ranked.OrderByDescending(r => r.Open).ThenBy(r => r.Metres ?? 0).ThenBy(r => r.Place.Name, StringComparer.CurrentCulture);
        return [.. (limit is { } n ? order.Take(n) : order).Select(r => new ListedPlace(r.Place, State(snapshot, r.Place, local, r.Event), r.Metres, r.Event?.Name))];
    }

    /// <summary>How many places the last <see cref="FindAsync"/> ranked (before its limit).</summary>
    public int Total { get; private set; }

    /// <summary>The state of one public place now (its page), or null when it is not public now.</summary>
    public async Task<ListedPlace?> FindOneAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = CityTime.Local(now);
        var snapshot = await snapshots.GetAsync(db, DateOnly.FromDateTime(local), ct);
        return snapshot.Places.TryGetValue(id, out var place) && Running(snapshot, place, now, out var ev)
            ? new ListedPlace(place, State(snapshot, place, local, ev), null, ev?.Name)
            : null;
    }

    /// <summary>A place without an event always; an event's help point only while the event runs.</summary>
    private static bool Running(PlaceSnapshot snapshot, PublicPlace place, DateTimeOffset now, out PlaceEvent? ev)
    {
        ev = null;
        return place.EventId is not { } id || (snapshot.Events.TryGetValue(id, out ev) && ev.Starts <= now && ev.Ends > now);
    }

    private static Interval? Window(PlaceEvent? ev) => ev is null ? null : new Interval(CityTime.Local(ev.Starts), CityTime.Local(ev.Ends));

    /// <summary>The full state (open until, opens at) from the place's week and the exceptions of the next days.</summary>
    private static PlaceStatus State(PlaceSnapshot snapshot, PublicPlace place, DateTime local, PlaceEvent? ev) =>
        OpeningHours.At(local, snapshot.Hours[place.Id], Window(ev));

    /// <summary>Great-circle distance in metres (haversine); exact enough within a city.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
