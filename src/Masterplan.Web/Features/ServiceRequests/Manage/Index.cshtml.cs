using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests.Manage;

/// <summary>
/// The queue: DepartmentStaff see the reports of their department's categories, the Office sees all. Open work first,
/// oldest first, with the overdue flag of each category's period and the photos waiting for moderation.
/// </summary>
public sealed class IndexModel(AppDbContext db, ServiceRequestDesk desk, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Category, string District, string? Address, DateTimeOffset Created, string Status, bool Overdue, int PendingPhotos, int Supports, bool IsPublic);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<ServiceCategory> Categories { get; private set; } = [];

    /// <summary>"offen" (default: not yet final), "alle", or a status.</summary>
    public string Show { get; private set; } = "offen";

    public string? Category { get; private set; }

    public bool SeesAll { get; private set; }

    public bool HasDepartment { get; private set; }

    public async Task OnGetAsync(string? zeigen, string? kategorie, CancellationToken ct)
    {
        var (all, department) = await desk.ScopeAsync(User, ct);
        SeesAll = all;
        HasDepartment = department is not null;
        Categories = await db.ServiceCategories.AsNoTracking().Where(c => all || c.DepartmentId == department).OrderBy(c => c.Position).ToListAsync(ct);
        Show = zeigen is "alle" || ServiceRequestsModule.Statuses.Contains(zeigen) ? zeigen! : "offen";
        Category = Categories.Any(c => c.Code == kategorie) ? kategorie : null;

        var requests = (await desk.HandledByAsync(User, ct)).AsNoTracking();
        requests = Show switch
        {
            "alle" => requests,
            "offen" => requests.Where(r => !ServiceRequestsModule.FinalStatuses.Contains(r.Status)),
            _ => requests.Where(r => r.Status == Show),
        };
        if (Category is { } code)
        {
            requests = requests.Where(r => db.Set<ServiceCategory>().Any(c => c.Id == r.CategoryId && c.Code == code));
        }

        var now = time.GetUtcNow();
        var rows = await (from r in requests
                          join c in db.ServiceCategories on r.CategoryId equals c.Id
                          join d in db.Set<Districts.District>() on r.DistrictId equals d.Id
                          orderby r.Created, r.Id
                          select new
                          {
                              r.Id, Category = c.Name, District = d.Name, r.Address, r.Created, r.Status, c.OverdueAfterDays, r.SupportCount, r.IsPublic,
                              Pending = db.Set<ServiceRequestPhoto>().Count(p => p.ServiceRequestId == r.Id && p.Moderation == ServiceRequestsModule.PhotoPending),
                          }).Take(500).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, r.Category, r.District, r.Address, r.Created, r.Status,
            ServiceRequestDesk.IsOverdue(r.Status, r.Created, r.OverdueAfterDays, now), r.Pending, r.SupportCount, r.IsPublic))];
    }
}
