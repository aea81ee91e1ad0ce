using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>Papers (all are public) for the site search: number and title, then draft decision and reasons.</summary>
public sealed class PaperSearch(AppDbContext db) : ISearchSource, INewsSource
{
    public string Key => "vorlagen";

    public string Heading => "Vorlagen und Anträge";

    public int Order => 20;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var found = db.Papers.AsNoTracking()
            .Matching(db, query, [p => p.Name, p => p.Reference], p => p.DecisionProposal, p => p.Reasons)
            .ThenByDescending(p => p.Date).ThenByDescending(p => p.Id);
        var (total, rows) = await found.PageAsync(skip, take, p => new { p.Id, p.Name, p.Reference, p.Date, p.DecisionProposal, p.Reasons }, ct);
        return new(total, [.. rows.Select(p => new SearchHit(p.Name, $"/vorlagen/{p.Id}", p.Date, p.Reference,
            SiteSearch.Excerpt(p.DecisionProposal + " " + p.Reasons, query)))]);
    }

    public async Task<IReadOnlyList<NewsItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Take(take)
            .Select(p => new { p.Id, p.Name, p.Date }).ToListAsync(ct))
            .Select(p => new NewsItem(p.Date, "Neue Vorlage", p.Name, $"/vorlagen/{p.Id}"))];
}
