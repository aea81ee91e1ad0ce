using System.Security.Claims;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Reviewing;

/// <summary>
/// A reviewer's list: per call the complete applications to score, with whether the reviewer has scored them; an
/// application on which the reviewer declared a conflict of interest is not listed.
/// </summary>
public sealed class IndexModel(GrantDesk desk, AppDbContext db) : PageModel
{
    public sealed record CallItems(GrantCall Call, List<ReviewItem> Items);

    public List<CallItems> Calls { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? erklaert, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Message = erklaert is not null ? "Ihr Interessenkonflikt ist festgehalten; der Antrag ist für Sie ausgeblendet." : null;
        var reviewer = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var calls = await db.GrantCalls.AsNoTracking()
            .Where(c => db.Set<GrantApplication>().Any(a => a.CallId == c.Id && a.Status == GrantStatus.InReview))
            .Include(c => c.Criteria).OrderByDescending(c => c.Deadline).ToListAsync(ct);
        foreach (var call in calls)
        {
            Calls.Add(new CallItems(call, await desk.ReviewListAsync(call.Id, reviewer, ct)));
        }
    }
}
