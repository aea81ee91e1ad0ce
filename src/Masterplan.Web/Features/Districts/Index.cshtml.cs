using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Districts;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<DistrictDto> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Districts = await DistrictsModule.ListAsync(db, ct);
}
