using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>The public list of reports with the filters of the feed (category, status, district, period), 25 per page.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    public ServiceRequestFilter Filter { get; private set; } = ServiceRequestFilter.None;

    public IReadOnlyList<PublicServiceRequest> Requests { get; private set; } = [];

    public IReadOnlyList<ServiceCategory> Categories { get; private set; } = [];

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? seite, CancellationToken ct)
    {
        Categories = await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        var parsed = await ServiceRequestFilter.ParseAsync(Request.Query, db, ct);
        if (this.ShowErrors(parsed))
        {
            return;
        }

        Filter = parsed.Value!;
        var query = PublicServiceRequests.Query(db, Filter);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(seite ?? 1, 1, Pages);
        Requests = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public string PageLink(int page)
    {
        var q = Filter.ToQuery();
        return "/meldungen?" + (q.Length > 0 ? q + "&" : "") + "seite=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The same filters as the list, as GeoJSON for the map.</summary>
    public string MapLink => "/meldungen/karte.geojson" + (Filter.ToQuery() is { Length: > 0 } q ? "?" + q : "");

    public string FeedLink => "/meldungen/feed.atom" + (Filter.ToQuery() is { Length: > 0 } q ? "?" + q : "");
}
