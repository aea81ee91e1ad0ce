using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests.Manage;

/// <summary>
/// One report for the department that handles it: everything including the reporter's contact data, the photos to
/// moderate, and the status change with its public note. A report of another department answers 404, as if it did not exist.
/// </summary>
public sealed class RequestModel(AppDbContext db, ServiceRequestDesk desk, TimeProvider time) : PageModel
{
    public ServiceRequest Item { get; private set; } = null!;

    public ServiceCategory Category { get; private set; } = null!;

    public string District { get; private set; } = "";

    public string Department { get; private set; } = "";

    public bool Overdue { get; private set; }

    public IReadOnlyList<ServiceRequestUpdate> History { get; private set; } = [];

    public IReadOnlyList<PhotoInfo> Photos { get; private set; } = [];

    /// <summary>The answers to the category's extra questions: the question, its kind and the answer (for the department only).</summary>
    public IReadOnlyList<(string Prompt, string Kind, string Value)> Answers { get; private set; } = [];

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int? DuplicateOfId { get; set; }

    [BindProperty]
    public string? ForwardedTo { get; set; }

    [BindProperty]
    public string? HiddenReason { get; set; }

    /// <summary>The Office takes the report off the public pages (with a reason for staff) or puts it back.</summary>
    public async Task<IActionResult> OnPostPublicAsync(int id, bool show, CancellationToken ct)
    {
        var result = await desk.SetPublicAsync(id, show, HiddenReason, User, ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(result))
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Done = show ? "Die Meldung ist wieder öffentlich." : "Die Meldung ist nicht mehr öffentlich; die meldende Person erfährt die Begründung nicht.";
        return Redirect($"/verwaltung/meldungen/{id}");
    }

    /// <summary>Set after a change, to confirm it.</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        var result = await desk.ChangeStatusAsync(id, new StatusInput(Status, Note, DuplicateOfId, ForwardedTo), User, ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(result))
        {
            await LoadAsync(id, ct);
            return Page();
        }

        Done = "Der Status ist geändert; die Notiz ist öffentlich.";
        return Redirect($"/verwaltung/meldungen/{id}");
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, int photoId, bool publish, CancellationToken ct)
    {
        var result = await desk.ModeratePhotoAsync(id, photoId, publish, User, ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        Done = publish ? "Das Foto ist veröffentlicht." : "Das Foto ist abgelehnt und wird nicht veröffentlicht.";
        return Redirect($"/verwaltung/meldungen/{id}");
    }

    /// <summary>A photo of any moderation state, for the staff who handle the report (re-encoded bytes, like the public ones).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, int photoId, CancellationToken ct)
    {
        if (!await (await desk.HandledByAsync(User, ct)).AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        var jpeg = await db.ServiceRequestPhotos.AsNoTracking().Where(p => p.Id == photoId && p.ServiceRequestId == id).Select(p => p.Jpeg).FirstOrDefaultAsync(ct);
        return jpeg is null ? NotFound() : File(jpeg, "image/jpeg");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await (await desk.HandledByAsync(User, ct)).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Category = await db.ServiceCategories.AsNoTracking().FirstAsync(c => c.Id == item.CategoryId, ct);
        District = await db.Set<Districts.District>().Where(d => d.Id == item.DistrictId).Select(d => d.Name).FirstAsync(ct);
        Department = await db.Set<Organizations.Organization>().Where(o => o.Id == Category.DepartmentId).Select(o => o.Name).FirstAsync(ct);
        Overdue = ServiceRequestDesk.IsOverdue(item.Status, item.Created, Category.OverdueAfterDays, time.GetUtcNow());
        History = await db.ServiceRequestUpdates.AsNoTracking().Where(u => u.ServiceRequestId == id).OrderBy(u => u.At).ThenBy(u => u.Id).ToListAsync(ct);
        Answers = (await (from a in db.ServiceRequestAnswers
                          where a.ServiceRequestId == id
                          join q in db.ServiceCategoryQuestions on a.QuestionId equals q.Id
                          orderby q.Position, q.Id
                          select new { q.Prompt, q.Kind, a.Value }).AsNoTracking().ToListAsync(ct)).Select(a => (a.Prompt, a.Kind, a.Value)).ToList();
        Photos = await db.ServiceRequestPhotos.AsNoTracking().Where(p => p.ServiceRequestId == id).OrderBy(p => p.Position)
            .Select(p => new PhotoInfo(p.Id, p.Width, p.Height, p.Moderation)).ToListAsync(ct);
        return true;
    }
}
