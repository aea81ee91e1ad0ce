using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>
/// The Office keeps a body's indicators, goals and milestones (003) and records the Lagebild sent to the Verwaltungsvorstand
/// or the Oberbürgermeister. The indicators themselves are edited on the indicator form, with this body chosen.
/// </summary>
public sealed class BodyTargetsModel(AppDbContext db, BodyTargets targets, TimeProvider time) : PageModel
{
    public BodyTargetsView View { get; private set; } = null!;

    public IReadOnlyList<Indicator> BodyIndicators { get; private set; } = [];

    public IReadOnlyList<BodyReport> Reports { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? GoalTitle { get; set; }

    [BindProperty]
    public DateOnly? GoalDate { get; set; }

    [BindProperty]
    public DateOnly? GoalSetOn { get; set; }

    [BindProperty]
    public int? GoalIndicatorId { get; set; }

    [BindProperty]
    public string? GoalValue { get; set; }

    [BindProperty]
    public bool GoalPublic { get; set; } = true;

    [BindProperty]
    public BodyGoalState State { get; set; }

    [BindProperty]
    public DateOnly? StateDate { get; set; }

    [BindProperty]
    public string? MilestoneTitle { get; set; }

    [BindProperty]
    public DateOnly? MilestoneDue { get; set; }

    [BindProperty]
    public DateOnly? MilestoneDone { get; set; }

    [BindProperty]
    public DateOnly? ReportAsOf { get; set; }

    [BindProperty]
    public AddresseeKind? ReportAddressee { get; set; }

    [BindProperty]
    public DateOnly? ReportSentOn { get; set; }

    [BindProperty]
    public string? ReportNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        GoalSetOn ??= View.AsOf;
        ReportAsOf ??= View.AsOf;
        ReportSentOn ??= View.AsOf;
        return Page();
    }

    public async Task<IActionResult> OnPostGoalAsync(int id, CancellationToken ct)
    {
        var value = TypedNumber.Bind(ModelState, nameof(GoalValue), GoalValue, "Der Zielwert muss eine Zahl sein, zum Beispiel 1500,50.");
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return await ResultAsync(id, targets.SaveGoalAsync(id, null, new BodyGoalInput(GoalTitle, GoalDate, GoalIndicatorId, value, GoalPublic, GoalSetOn), ct), "Das Ziel ist eingetragen.", "ziele", ct);
    }

    public Task<IActionResult> OnPostStateAsync(int id, int goalId, CancellationToken ct) =>
        ResultAsync(id, targets.SetStateAsync(id, goalId, State, StateDate, ct), "Der Stand des Ziels ist gespeichert.", $"ziel-{goalId}", ct);

    public async Task<IActionResult> OnPostDeleteGoalAsync(int id, int goalId, CancellationToken ct)
    {
        if (!await targets.DeleteGoalAsync(id, goalId, ct))
        {
            return NotFound();
        }

        Message = "Das Ziel ist gelöscht.";
        return RedirectToPage(null, null, new { id }, "ziele");
    }

    public Task<IActionResult> OnPostMilestoneAsync(int id, int goalId, CancellationToken ct) =>
        ResultAsync(id, targets.AddMilestoneAsync(id, goalId, MilestoneTitle, MilestoneDue, ct), "Der Meilenstein ist eingetragen.", $"ziel-{goalId}", ct);

    public Task<IActionResult> OnPostMilestoneDoneAsync(int id, int milestoneId, CancellationToken ct) =>
        ResultAsync(id, targets.CompleteMilestoneAsync(id, milestoneId, MilestoneDone, ct), "Der Meilenstein ist als erreicht eingetragen.", "ziele", ct);

    public async Task<IActionResult> OnPostDeleteMilestoneAsync(int id, int milestoneId, CancellationToken ct)
    {
        if (!await targets.DeleteMilestoneAsync(id, milestoneId, ct))
        {
            return NotFound();
        }

        Message = "Der Meilenstein ist gelöscht.";
        return RedirectToPage(null, null, new { id }, "ziele");
    }

    public Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct) =>
        ResultAsync(id, targets.RecordReportAsync(id, ReportAsOf, ReportAddressee, ReportSentOn, ReportNote, ct), "Die Übermittlung des Lagebilds ist eingetragen.", "lagebild", ct);

    private async Task<IActionResult> ResultAsync(int id, Task<Outcome> change, string done, string fragment, CancellationToken ct)
    {
        var outcome = await change;
        if (outcome.IsNotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            Message = done;
            return RedirectToPage(null, null, new { id }, fragment);
        }

        this.ShowErrors(outcome);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await targets.LoadAsync(id, CityTime.Today(time), includeNonPublic: true, ct) is not { } view)
        {
            return false;
        }

        View = view;
        BodyIndicators = await db.Indicators.AsNoTracking().Where(i => i.OrganizationId == id).OrderBy(i => i.Name).ToListAsync(ct);
        Reports = await db.BodyReports.AsNoTracking().Where(r => r.OrganizationId == id).OrderByDescending(r => r.SentOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        return true;
    }
}
