using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Public meetings for the site search (what <see cref="MeetingViewer.Public"/> sees), by title, body and place.</summary>
public sealed class MeetingSearch(AppDbContext db) : ISearchSource, INewsSource
{
    public string Key => "sitzungen";

    public string Heading => "Sitzungen";

    public int Order => 10;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var found = db.Meetings.AsNoTracking().VisibleTo(MeetingViewer.Public)
            .Matching(db, query, [m => m.Title, m => m.Organization.Name], m => m.Room, m => m.Address)
            .ThenByDescending(m => m.Start).ThenBy(m => m.Id);
        var (total, rows) = await found.PageAsync(skip, take, m => new { m.Id, m.Title, m.Start, Body = m.Organization.Name, m.Room, m.Address }, ct);
        return new(total, [.. rows.Select(m => new SearchHit(m.Title, $"/sitzungen/{m.Id}", DateOnly.FromDateTime(CityTime.Local(m.Start)),
            m.Body, SiteSearch.Excerpt(string.Join(", ", new[] { m.Room, m.Address }.Where(s => !string.IsNullOrWhiteSpace(s))), query)))]);
    }

    /// <summary>Minutes approved for a public meeting.</summary>
    public async Task<IReadOnlyList<NewsItem>> LatestAsync(int take, CancellationToken ct)
    {
        var rows = await db.Set<Minutes>().AsNoTracking().Where(n => n.ApprovedAt != null)
            .Join(db.Meetings.VisibleTo(MeetingViewer.Public), n => n.MeetingId, m => m.Id, (n, m) => new { n.ApprovedAt, m.Id, m.Title })
            .OrderByDescending(r => r.ApprovedAt).Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new NewsItem(DateOnly.FromDateTime(CityTime.Local(r.ApprovedAt!.Value)), "Niederschrift freigegeben", r.Title, $"/sitzungen/{r.Id}"))];
    }
}
