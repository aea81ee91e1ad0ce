using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>The current fields of action (not retired) for the site search, linked by their number today.</summary>
public sealed class FieldOfActionSearch(AppDbContext db, CatalogueTree tree) : ISearchSource
{
    public string Key => "handlungsfelder";

    public string Heading => "Handlungsfelder";

    public int Order => 30;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var found = db.FieldsOfAction.AsNoTracking().Where(f => !f.IsRetired)
            .Matching(db, query, [f => f.Title], f => f.GuidingSentence, f => f.Description)
            .ThenBy(f => f.Id);
        var (total, rows) = await found.PageAsync(skip, take, f => new { f.Id, f.Title, f.GuidingSentence, f.Description }, ct);
        if (rows.Count == 0)
        {
            return new(total, []);
        }

        var numbers = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).ToDictionary(n => n.Id, n => n.Number);
        return new(total, [.. rows.Select(f => numbers.TryGetValue(f.Id, out var number)
            ? new SearchHit($"{number} {f.Title}", $"/handlungsfelder?nummer={Uri.EscapeDataString(number)}", null, null, SiteSearch.Excerpt(f.GuidingSentence + " " + f.Description, query))
            : new SearchHit(f.Title, "/handlungsfelder", null, null, SiteSearch.Excerpt(f.GuidingSentence + " " + f.Description, query)))]);
    }
}

/// <summary>Public measures for the site search: title and number, then description, partners and place.</summary>
public sealed class MeasureSearch(AppDbContext db) : ISearchSource
{
    public string Key => "massnahmen";

    public string Heading => "Maßnahmen";

    public int Order => 40;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var found = db.Measures.AsNoTracking().Where(m => m.IsPublic)
            .Matching(db, query, [m => m.Title, m => m.ExternalNumber], m => m.Description, m => m.Partners, m => m.Place)
            .ThenByDescending(m => m.PlanEdition).ThenBy(m => m.Id);
        var (total, rows) = await found.PageAsync(skip, take, m => new { m.Id, m.Title, m.Description, m.StartDate }, ct);
        return new(total, [.. rows.Select(m => new SearchHit(m.Title, $"/massnahmen/{m.Id}", m.StartDate, null, SiteSearch.Excerpt(m.Description, query)))]);
    }
}
