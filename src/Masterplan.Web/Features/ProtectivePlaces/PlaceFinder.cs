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
/// "Where can I get help now?": the public places (event help points only while their event runs), open ones first, each
/// group nearest first. With 2,000 places a box of latitudes and longitudes narrows the rows the database sends, and the
/// distance and the opening state are computed in memory (bench/ProtectivePlaces).
/// </summary>
public sealed class PlaceFinder(AppDbContext db, TimeProvider time)
{
    /// <summary>Half the side of the box around the point, in degrees (about 25 km north–south): all of Dortmund and its edge.</summary>
    public const double BoxDegrees = 0.25;

    /// <summary>The public places now, with no event that has not begun or has ended; filters applied.</summary>
    public IQueryable<ProtectivePlace> Visible(DateTimeOffset now, PlaceQuery query)
    {
        var places = db.ProtectivePlaces.AsNoTracking().Where(p => p.IsPublic
            && (p.EventId == null || db.Set<PlaceEvent>().Any(e => e.Id == p.EventId && e.Starts <= now && e.Ends > now)));
        if (query.Kind is { } kind)
        {
            places = places.Where(p => p.Kind == kind);
        }

        if (query.DistrictId is { } district)
        {
            places = places.Where(p => p.DistrictId == district);
        }

        if (query is { Latitude: { } lat, Longitude: { } lon })
        {
            var (south, north, west, east) = (lat - BoxDegrees, lat + BoxDegrees, lon - (BoxDegrees * 1.6), lon + (BoxDegrees * 1.6));
            places = places.Where(p => p.Latitude >= south && p.Latitude <= north && p.Longitude >= west && p.Longitude <= east);
        }

        return places;
    }

    public static IQueryable<PublicPlace> Project(IQueryable<ProtectivePlace> places) => places.Select(p => new PublicPlace(
        p.Id, p.Name, p.Kind, p.Address, p.Latitude, p.Longitude, p.DistrictId, p.Help, p.HelpEnglish, p.HelpEasy, p.Phone, p.StepFree, p.AccessibleToilet,
        p.QuietRoom, p.Languages, p.EventId, p.IsDemo));

    /// <summary>
    /// The list: open now first, then the others; nearest first when a point is given, else by name. With
    /// <paramref name="limit"/> only that many are returned, and only they are read in full: the ranking needs just the
    /// points and the intervals of yesterday and today (open now or not); the full week is read for the places shown.
    /// </summary>
    public async Task<IReadOnlyList<ListedPlace>> FindAsync(PlaceQuery query, CancellationToken ct, int? limit = null)
    {
        var now = time.GetUtcNow();
        var local = CityTime.Local(now);
        var today = DateOnly.FromDateTime(local);
        var yesterday = today.AddDays(-1);
        var visible = Visible(now, query);
        var points = await visible.Select(p => new { p.Id, p.Name, p.Latitude, p.Longitude, p.EventId }).ToListAsync(ct);
        var ids = points.Select(p => p.Id).ToHashSet();
        var (day0, day1) = (yesterday.DayOfWeek, today.DayOfWeek);

        // The two days' rules and exceptions of every place, narrowed to the visible ones here: cheaper than asking the
        // database to evaluate the visibility (events, box) a second and third time.
        var rules = (await db.OpeningRules.AsNoTracking().Where(r => r.Day == day0 || r.Day == day1).ToListAsync(ct))
            .Where(r => ids.Contains(r.PlaceId)).ToLookup(r => r.PlaceId);
        var exceptions = (await db.OpeningExceptions.AsNoTracking().Where(e => e.Date >= yesterday && e.Date <= today).ToListAsync(ct))
            .Where(e => ids.Contains(e.PlaceId)).ToLookup(e => e.PlaceId);
        var events = points.Any(p => p.EventId is not null)
            ? await db.PlaceEvents.AsNoTracking().Where(e => e.Starts <= now && e.Ends > now).ToDictionaryAsync(e => e.Id, ct)
            : [];
        var ranked = points.Select(p =>
        {
            Interval? window = p.EventId is { } e && events.TryGetValue(e, out var ev) ? new Interval(CityTime.Local(ev.Starts), CityTime.Local(ev.Ends)) : null;
            var open = OpeningHours.OpenAt(local, [.. rules[p.Id]], [.. exceptions[p.Id]], window);
            double? metres = query is { Latitude: { } lat, Longitude: { } lon } ? Metres(lat, lon, p.Latitude, p.Longitude) : null;
            return (p.Id, p.Name, Open: open, Metres: metres);
        });
        if (query.OpenOnly)
        {
            ranked = ranked.Where(r => r.Open);
        }

        var order = ranked.OrderByDescending(r => r.Open).ThenBy(r => r.Metres ?? 0).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        Total = order.Count;
        var shown = limit is { } n ? order.Take(n).ToList() : order;
        var shownIds = shown.Select(r => r.Id).ToList();
        var rows = (await Project(db.ProtectivePlaces.AsNoTracking().Where(p => shownIds.Contains(p.Id))).ToListAsync(ct)).ToDictionary(p => p.Id);
        var states = await StatesAsync(shownIds.ToDictionary(id => id, id => rows.GetValueOrDefault(id)?.EventId), events, local, ct);
        return [.. shown.Where(r => rows.ContainsKey(r.Id)).Select(r =>
        {
            var place = rows[r.Id];
            return new ListedPlace(place, states[r.Id], r.Metres, place.EventId is { } e ? events.GetValueOrDefault(e)?.Name : null);
        })];
    }

    /// <summary>How many places the last <see cref="FindAsync"/> ranked (before its limit).</summary>
    public int Total { get; private set; }

    /// <summary>The state of one public place now (its page), or null when it is not public now.</summary>
    public async Task<ListedPlace?> FindOneAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var place = await Project(Visible(now, new PlaceQuery()).Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return null;
        }

        var events = place.EventId is not null
            ? await db.PlaceEvents.AsNoTracking().Where(e => e.Starts <= now && e.Ends > now).ToDictionaryAsync(e => e.Id, ct)
            : [];
        var states = await StatesAsync(new() { [id] = place.EventId }, events, CityTime.Local(now), ct);
        return new ListedPlace(place, states[id], null, place.EventId is { } e ? events.GetValueOrDefault(e)?.Name : null);
    }

    /// <summary>The full state (open until, opens at) of the given places, from their whole week and the exceptions of the next days.</summary>
    /// <param name="eventOf">The places, each with its event (the caller has read it already).</param>
    private async Task<Dictionary<int, PlaceStatus>> StatesAsync(Dictionary<int, int?> eventOf, Dictionary<int, PlaceEvent> events, DateTime local, CancellationToken ct)
    {
        var ids = eventOf.Keys.ToList();
        var today = DateOnly.FromDateTime(local);
        var (from, to) = (today.AddDays(-1), today.AddDays(8));
        var rules = (await db.OpeningRules.AsNoTracking().Where(r => ids.Contains(r.PlaceId)).ToListAsync(ct)).ToLookup(r => r.PlaceId);
        var exceptions = (await db.OpeningExceptions.AsNoTracking().Where(e => e.Date >= from && e.Date <= to && ids.Contains(e.PlaceId)).ToListAsync(ct))
            .ToLookup(e => e.PlaceId);
        var status = new Dictionary<int, PlaceStatus>();
        foreach (var id in ids)
        {
            Interval? window = eventOf[id] is { } e && events.TryGetValue(e, out var ev) ? new Interval(CityTime.Local(ev.Starts), CityTime.Local(ev.Ends)) : null;
            status[id] = OpeningHours.At(local, [.. rules[id]], [.. exceptions[id]], window);
        }

        return status;
    }

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
