using System.Globalization;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Home;

/// <summary>
/// The site search: every module's public items through its <see cref="ISearchSource"/>. Without a kind, the first few
/// hits of each kind; with one (<c>art</c>), that kind alone, a page at a time.
/// </summary>
public sealed class SearchModel(IEnumerable<ISearchSource> sources) : PageModel
{
    public const int PerGroup = 5;

    public const int PageSize = 20;

    public sealed record Group(ISearchSource Source, SearchResults Results);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "art")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Whether a query was sent (an empty one too), as opposed to the page opened from a link.</summary>
    public bool Asked { get; private set; }

    public SearchQuery? Parsed { get; private set; }

    public ISearchSource? Only { get; private set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public int Total => Groups.Sum(g => g.Results.Total);

    public int Pages => Only is null ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<ISearchSource> Sources { get; } = [.. sources.OrderBy(s => s.Order)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Asked = Request.Query.ContainsKey("q");
        if (!Asked)
        {
            return;
        }

        var parsed = SiteSearch.Parse(Query);
        if (!parsed.Succeeded)
        {
            this.ShowErrors(parsed);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Parsed = parsed.Value!;
        Query = Parsed.Text;
        Only = Kind is null ? null : Sources.FirstOrDefault(s => s.Key == Kind);
        if (Only is not null)
        {
            PageNumber = Math.Clamp(PageNumber, 1, 10_000);
            var results = await Only.SearchAsync(Parsed, (PageNumber - 1) * PageSize, PageSize, ct);
            if (results.Hits.Count == 0 && results.Total > 0)
            {
                // A page past the end (an old link): the last page instead.
                PageNumber = (results.Total + PageSize - 1) / PageSize;
                results = await Only.SearchAsync(Parsed, (PageNumber - 1) * PageSize, PageSize, ct);
            }

            Groups = [new Group(Only, results)];
            return;
        }

        var groups = new List<Group>();
        foreach (var source in Sources)
        {
            groups.Add(new Group(source, await source.SearchAsync(Parsed, 0, PerGroup, ct))); // one DbContext: one query at a time
        }

        Groups = groups;
    }

    /// <summary>The address of this search for one kind and page (or all kinds).</summary>
    public string Link(string? kind, int page = 1) => "/suche" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query, ["art"] = kind, ["seite"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null)).ToUriComponent();
}
