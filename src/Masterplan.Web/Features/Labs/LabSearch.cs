using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// Quartierslabore for the site search, by what their public page shows: title, district and the documented results.
/// Nothing of the draw (register, invitations, registrations) is searched.
/// </summary>
public sealed class LabSearch(AppDbContext db) : ISearchSource, INewsSource
{
    public string Key => "quartierslabore";

    public string Heading => "Quartierslabore";

    public int Order => 50;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var found = db.Labs.AsNoTracking()
            .Matching(db, query, [l => l.Title, l => l.District], l => l.ResultsSummary)
            .ThenByDescending(l => l.Year).ThenByDescending(l => l.Quarter).ThenBy(l => l.Id);
        var (total, rows) = await found.PageAsync(skip, take, l => new { l.Id, l.Title, l.District, l.HeldOn, l.ResultsSummary }, ct);
        return new(total, [.. rows.Select(l => new SearchHit(l.Title, $"/quartierslabore/{l.Id}", l.HeldOn, l.District,
            SiteSearch.Excerpt(l.ResultsSummary, query)))]);
    }

    /// <summary>A lab whose results were reported.</summary>
    public async Task<IReadOnlyList<NewsItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await db.Labs.AsNoTracking().Where(l => l.ReportedOn != null).OrderByDescending(l => l.ReportedOn).Take(take)
            .Select(l => new { l.Id, l.Title, l.ReportedOn }).ToListAsync(ct))
            .Select(l => new NewsItem(l.ReportedOn!.Value, "Ergebnisse eines Quartierslabors berichtet", l.Title, $"/quartierslabore/{l.Id}"))];
}
