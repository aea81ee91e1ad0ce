using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests.Categories;

/// <summary>The Office's list of categories and the form for one (new without an id).</summary>
public sealed class IndexModel(AppDbContext db, CategoryEditor categories) : PageModel
{
    public IReadOnlyList<ServiceCategory> All { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> Departments { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> Fields { get; private set; } = [];

    public int? EditId { get; private set; }

    /// <summary>The extra questions of the category being edited, in order.</summary>
    public IReadOnlyList<ServiceCategoryQuestion> Questions { get; private set; } = [];

    [BindProperty]
    public string? QuestionKind { get; set; }

    [BindProperty]
    public string? QuestionPrompt { get; set; }

    [BindProperty]
    public string? QuestionOptions { get; set; }

    [BindProperty]
    public bool QuestionRequired { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int? DepartmentId { get; set; }

    [BindProperty]
    public string? RoutingEmail { get; set; }

    [BindProperty]
    public int? FieldOfActionId { get; set; }

    [BindProperty]
    public int? OverdueAfterDays { get; set; } = 14;

    [BindProperty]
    public bool IsActive { get; set; } = true;

    [BindProperty]
    public int? Position { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is { } existing)
        {
            if (All.FirstOrDefault(c => c.Id == existing) is not { } c)
            {
                return NotFound();
            }

            (Code, Name, Description, DepartmentId, RoutingEmail, FieldOfActionId, OverdueAfterDays, IsActive, Position) =
                (c.Code, c.Name, c.Description, c.DepartmentId, c.RoutingEmail, c.FieldOfActionId, c.OverdueAfterDays, c.IsActive, c.Position);
        }
        else
        {
            Position = All.Count == 0 ? 1 : All.Max(c => c.Position) + 1;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var result = await categories.SaveAsync(id, new CategoryInput(Code, Name, Description, DepartmentId, RoutingEmail, FieldOfActionId, OverdueAfterDays, IsActive, Position), ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(result))
        {
            await LoadAsync(id, ct);
            return Page();
        }

        Done = "Die Kategorie ist gespeichert.";
        return Redirect("/verwaltung/meldungen/kategorien/" + result.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<IActionResult> OnPostAddQuestionAsync(int id, CancellationToken ct) =>
        AfterQuestionAsync(id, categories.AddQuestionAsync(id, QuestionKind, QuestionPrompt, QuestionOptions, QuestionRequired, ct), ct);

    public Task<IActionResult> OnPostMoveQuestionAsync(int id, int questionId, CancellationToken ct) =>
        AfterQuestionAsync(id, categories.MoveQuestionUpAsync(id, questionId, ct), ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(int id, int questionId, CancellationToken ct) =>
        AfterQuestionAsync(id, categories.RemoveQuestionAsync(id, questionId, ct), ct);

    private async Task<IActionResult> AfterQuestionAsync(int id, Task<Outcome> change, CancellationToken ct)
    {
        var result = await change;
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(result))
        {
            await LoadAsync(id, ct);
            var c = All.First(x => x.Id == id);
            (Code, Name, Description, DepartmentId, RoutingEmail, FieldOfActionId, OverdueAfterDays, IsActive, Position) =
                (c.Code, c.Name, c.Description, c.DepartmentId, c.RoutingEmail, c.FieldOfActionId, c.OverdueAfterDays, c.IsActive, c.Position);
            return Page();
        }

        Done = "Die Zusatzfragen sind gespeichert.";
        return Redirect("/verwaltung/meldungen/kategorien/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "#fragen");
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        EditId = id;
        Questions = id is { } c
            ? await db.ServiceCategoryQuestions.AsNoTracking().Where(q => q.CategoryId == c).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct)
            : [];
        All = await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        Departments = (await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Fields = (await db.FieldsOfAction.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.Title).Select(f => new { f.Id, f.Title }).ToListAsync(ct))
            .Select(f => (f.Id, f.Title)).ToList();
    }
}
