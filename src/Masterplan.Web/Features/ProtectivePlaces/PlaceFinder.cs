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

    /// <summary>The list: open now first, then the others; nearest first when a point is given, else by name.</summary>
    public async Task<IReadOnlyList<ListedPlace>> FindAsync(PlaceQuery query, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var visible = Visible(now, query);
        var places = await Project(visible).ToListAsync(ct);
        var states = await StatesAsync(visible, places, now, ct);
        var listed = places.Select(p => new ListedPlace(p, states.Status[p.Id],
            query is { Latitude: { } lat, Longitude: { } lon } ? Metres(lat, lon, p.Latitude, p.Longitude) : null,
            p.EventId is { } e ? states.Events.GetValueOrDefault(e)?.Name : null));
        if (query.OpenOnly)
        {
            listed = listed.Where(l => l.Status.Open);
        }

        return [.. listed.OrderByDescending(l => l.Status.Open).ThenBy(l => l.Metres ?? 0).ThenBy(l => l.Place.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The state of one public place now (its page), or null when it is not public now.</summary>
    public async Task<ListedPlace?> FindOneAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var visible = Visible(now, new PlaceQuery()).Where(p => p.Id == id);
        var place = await Project(visible).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return null;
        }

        var states = await StatesAsync(visible, [place], now, ct);
        return new ListedPlace(place, states.Status[id], null, place.EventId is { } e ? states.Events.GetValueOrDefault(e)?.Name : null);
    }

    private async Task<(Dictionary<int, PlaceStatus> Status, Dictionary<int, PlaceEvent> Events)> StatesAsync(
        IQueryable<ProtectivePlace> visible, IReadOnlyList<PublicPlace> places, DateTimeOffset now, CancellationToken ct)
    {
        var local = CityTime.Local(now);
        var today = DateOnly.FromDateTime(local);
        var (from, to) = (today.AddDays(-1), today.AddDays(8));
        var ids = visible.Select(p => p.Id);
        var rules = (await db.OpeningRules.AsNoTracking().Where(r => ids.Contains(r.PlaceId)).ToListAsync(ct)).ToLookup(r => r.PlaceId);
        var exceptions = (await db.OpeningExceptions.AsNoTracking().Where(e => e.Date >= from && e.Date <= to && ids.Contains(e.PlaceId)).ToListAsync(ct))
            .ToLookup(e => e.PlaceId);
        var events = places.Any(p => p.EventId is not null)
            ? await db.PlaceEvents.AsNoTracking().Where(e => e.Starts <= now && e.Ends > now).ToDictionaryAsync(e => e.Id, ct)
            : [];
        var status = new Dictionary<int, PlaceStatus>();
        foreach (var p in places)
        {
            Interval? window = p.EventId is { } e && events.TryGetValue(e, out var ev) ? new Interval(CityTime.Local(ev.Starts), CityTime.Local(ev.Ends)) : null;
            status[p.Id] = OpeningHours.At(local, [.. rules[p.Id]], [.. exceptions[p.Id]], window);
        }

        return (status, events);
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
