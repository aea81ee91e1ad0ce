using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Grants;

/// <summary>The programme's public page: the open calls.</summary>
public sealed class IndexModel(GrantDesk desk) : PageModel
{
    public List<GrantCall> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Open = await desk.OpenCallsAsync(ct);
}
