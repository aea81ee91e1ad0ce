using System.Security.Claims;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Applicant;

/// <summary>The applications of the signed-in person's association, and the open calls.</summary>
public sealed class IndexModel(GrantDesk desk, AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string ProjectTitle, string Call, string? ReceiptNumber, GrantStatus Status);

    public string? AssociationName { get; private set; }

    public List<Row> Applications { get; private set; } = [];

    public List<GrantCall> Open { get; private set; } = [];

    /// <summary>A code just made; shown in this answer only.</summary>
    public string? InviteCode { get; private set; }

    public async Task OnPostInviteAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (await desk.AssociationOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct) is { } association)
        {
            InviteCode = await desk.NewInviteCodeAsync(association, ct);
        }

        await OnGetAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await desk.AssociationOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct) is not { } association)
        {
            return;
        }

        AssociationName = await db.Associations.Where(a => a.Id == association).Select(a => a.Name).FirstAsync(ct);
        Applications = await db.GrantApplications.AsNoTracking().Where(a => a.AssociationId == association).OrderByDescending(a => a.Id)
            .Join(db.GrantCalls, a => a.CallId, c => c.Id, (a, c) => new Row(a.Id, a.ProjectTitle, c.Title, a.ReceiptNumber, a.Status)).ToListAsync(ct);
        Open = await desk.OpenCallsAsync(ct);
    }
}
