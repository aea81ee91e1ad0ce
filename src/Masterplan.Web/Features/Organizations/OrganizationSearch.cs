using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>Bodies and others involved (all public on <c>/gremien</c>) for the site search: name, short name, purpose.</summary>
public sealed class OrganizationSearch(AppDbContext db) : ISearchSource
{
    public string Key => "gremien";

    public string Heading => "Gremien und Beteiligte";

    public int Order => 60;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var found = db.Organizations.AsNoTracking()
            .Matching(db, query, [o => o.Name, o => o.ShortName], o => o.Purpose)
            .ThenBy(o => o.EndDate != null).ThenBy(o => o.Name).ThenBy(o => o.Id);
        var (total, rows) = await found.PageAsync(skip, take, o => new { o.Id, o.Name, o.ShortName, o.Purpose }, ct);
        return new(total, [.. rows.Select(o => new SearchHit(o.Name, $"/gremien/{o.Id}", null, o.ShortName, SiteSearch.Excerpt(o.Purpose, query)))]);
    }
}
