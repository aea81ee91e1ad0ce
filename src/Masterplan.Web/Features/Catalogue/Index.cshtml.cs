using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Catalogue;

public sealed class IndexModel(CatalogueTree tree) : PageModel
{
    public IReadOnlyList<CatalogueNode> Fields { get; private set; } = [];

    public int Count { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Fields = await tree.LoadAsync(ct);
        Count = Fields.Sum(f => f.SelfAndDescendants().Count());
    }
}
