using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Grants;

/// <summary>The public list of funded projects; nothing of rejected or undecided applications.</summary>
public sealed class FundedModel(GrantDesk desk) : PageModel
{
    public List<FundedProject> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await desk.FundedAsync(ct);
}
