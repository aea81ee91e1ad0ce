using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>The filters of the public list, the feed, the map and the department queue; every part is optional.</summary>
/// <param name="Category">A category's service code.</param>
/// <param name="Status">One of <see cref="ServiceRequestsModule.Statuses"/>.</param>
/// <param name="From">First day (Dortmund time) a report was made on.</param>
/// <param name="To">Last day (Dortmund time) a report was made on.</param>
public sealed record ServiceRequestFilter(string? Category = null, string? Status = null, int? DistrictId = null, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly ServiceRequestFilter None = new();

    /// <summary>
    /// The filter in a query string (<c>kategorie</c>, <c>status</c>, <c>bezirk</c>, <c>von</c>, <c>bis</c> as yyyy-mm-dd), as the
    /// public list and the feed read it; a value that cannot be meant is refused with a precise message, never ignored.
    /// </summary>
    public static async Task<Outcome<ServiceRequestFilter>> ParseAsync(IQueryCollection query, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var category = Blank(query["kategorie"]);
        if (category is not null && !await db.Set<ServiceCategory>().AnyAsync(c => c.Code == category, ct))
        {
            errors.Add("kategorie", "Die Kategorie „{0}“ gibt es nicht.", category.Length > 40 ? category[..40] + "…" : category);
        }

        var status = Blank(query["status"]);
        if (status is not null && !ServiceRequestsModule.Statuses.Contains(status))
        {
            errors.Add("status", "Den Status „{0}“ gibt es nicht.", status.Length > 40 ? status[..40] + "…" : status);
        }

        int? district = null;
        if (Blank(query["bezirk"]) is { } typed)
        {
            if (int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && await db.Set<District>().AnyAsync(d => d.Id == id, ct))
            {
                district = id;
            }
            else
            {
                errors.Add("bezirk", "Diesen Stadtbezirk gibt es nicht.");
            }
        }

        var from = Day(query["von"], "von", errors);
        var to = Day(query["bis"], "bis", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("bis", "Das Ende des Zeitraums liegt vor seinem Anfang.");
        }

        return errors.Count > 0 ? errors : Outcome<ServiceRequestFilter>.Ok(new ServiceRequestFilter(category, status, district, from, to));
    }

    /// <summary>The filter as a query string (without the leading ?), for links to other pages and the feed.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("kategorie", Category);
        Add("status", Status);
        Add("bezirk", DistrictId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("von", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("bis", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Day(string? text, string field, FieldErrors errors)
    {
        if (Blank(text) is not { } typed)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            errors.Add(field, "„{0}“ ist kein Datum. Bitte geben Sie es als Jahr-Monat-Tag an, z. B. 2025-03-31.", typed.Length > 40 ? typed[..40] + "…" : typed);
            return null;
        }

        if (DateInput.Check(day) is { } range)
        {
            errors.Add(field, range);
            return null;
        }

        return day;
    }

    /// <summary>The reports that pass the filter.</summary>
    public IQueryable<ServiceRequest> Apply(AppDbContext db, IQueryable<ServiceRequest> requests)
    {
        if (Category is { Length: > 0 } code)
        {
            var ids = db.Set<ServiceCategory>().Where(c => c.Code == code).Select(c => c.Id);
            requests = requests.Where(r => ids.Contains(r.CategoryId));
        }

        if (Status is { Length: > 0 } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (DistrictId is { } district)
        {
            requests = requests.Where(r => r.DistrictId == district);
        }

        if (From is { } from)
        {
            var start = CityTime.ToUtc(from, TimeOnly.MinValue);
            requests = requests.Where(r => r.Created >= start);
        }

        if (To is { } to)
        {
            var end = CityTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            requests = requests.Where(r => r.Created < end);
        }

        return requests;
    }
}

/// <summary>
/// A report as anyone may see it: no name, no e-mail address, no receipt or opt-in token, no unpublished photo. The public
/// pages, the feed and the Open311 API read reports only through <see cref="PublicServiceRequests.Query"/>. Its properties
/// are set by name, so a query can still filter and order by them after the projection.
/// </summary>
public sealed record PublicServiceRequest
{
    public int Id { get; init; }

    /// <summary>The category's service code (Open311 <c>service_code</c>).</summary>
    public required string CategoryCode { get; init; }

    public required string CategoryName { get; init; }

    public required string Description { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public string? Address { get; init; }

    public int DistrictId { get; init; }

    public required string DistrictName { get; init; }

    /// <summary>One of <see cref="ServiceRequestsModule.Statuses"/>.</summary>
    public required string Status { get; init; }

    public int? DuplicateOfId { get; init; }

    public string? ForwardedTo { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Modified { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int SupportCount { get; init; }

    /// <summary>The responsible department (Open311 <c>agency_responsible</c>).</summary>
    public required string DepartmentName { get; init; }

    /// <summary>The note of the latest status change, if any (Open311 <c>status_notes</c>).</summary>
    public string? StatusNote { get; init; }

    public bool IsDemo { get; init; }

    /// <summary>Open311's two states: open until a final status.</summary>
    public bool IsClosed => ServiceRequestsModule.IsFinal(Status);
}

/// <summary>What public pages may read of reports.</summary>
public static class PublicServiceRequests
{
    /// <summary>The public reports that pass <paramref name="filter"/>, as <see cref="PublicServiceRequest"/>, newest first.</summary>
    public static IQueryable<PublicServiceRequest> Query(AppDbContext db, ServiceRequestFilter? filter = null)
    {
        var requests = (filter ?? ServiceRequestFilter.None).Apply(db, db.Set<ServiceRequest>().Where(r => r.IsPublic));
        return from r in requests
               join c in db.Set<ServiceCategory>() on r.CategoryId equals c.Id
               join d in db.Set<District>() on r.DistrictId equals d.Id
               join o in db.Set<Organizations.Organization>() on c.DepartmentId equals o.Id
               orderby r.Created descending, r.Id descending
               select new PublicServiceRequest
               {
                   Id = r.Id, CategoryCode = c.Code, CategoryName = c.Name, Description = r.Description, Latitude = r.Latitude, Longitude = r.Longitude,
                   Address = r.Address, DistrictId = r.DistrictId, DistrictName = d.Name, Status = r.Status, DuplicateOfId = r.DuplicateOfId,
                   ForwardedTo = r.ForwardedTo, Created = r.Created, Modified = r.Modified, ClosedAt = r.ClosedAt, SupportCount = r.SupportCount,
                   DepartmentName = o.Name,
                   StatusNote = db.Set<ServiceRequestUpdate>().Where(u => u.ServiceRequestId == r.Id).OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
                       .Select(u => u.Note).FirstOrDefault(),
                   IsDemo = r.IsDemo,
               };
    }

    /// <summary>The published photos of a report: ids and sizes, not the bytes.</summary>
    public static IQueryable<PhotoInfo> PhotosOf(AppDbContext db, int requestId) =>
        db.Set<ServiceRequestPhoto>().Where(p => p.ServiceRequestId == requestId && p.Moderation == ServiceRequestsModule.PhotoPublished)
            .OrderBy(p => p.Position).Select(p => new PhotoInfo(p.Id, p.Width, p.Height, p.Moderation));
}

/// <summary>A photo without its bytes.</summary>
public sealed record PhotoInfo(int Id, int Width, int Height, string Moderation);
