using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>The Office creates and changes a measure and records its status updates (docs/domain.md#measures); concurrent edits are refused, nothing typed is lost.</summary>
public sealed class MeasureModel(AppDbContext db, CatalogueTree tree, Measures measures, Milestones milestones, Links links) : PageModel
{
    public Measure? Current { get; private set; }

    /// <summary>Set when someone else saved in between: the stored values, shown next to the user's input.</summary>
    public Measure? Conflict { get; private set; }

    public string? ConflictMessage { get; private set; }

    public IReadOnlyList<CatalogueNode> Nodes { get; private set; } = [];

    public IReadOnlyList<District> AllDistricts { get; private set; } = [];

    public IReadOnlyList<Organization> Departments { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public int? FieldOfActionId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Partners { get; set; }

    [BindProperty]
    public MeasureStatus Status { get; set; } = MeasureStatus.Proposed;

    [BindProperty]
    public int? Progress { get; set; } = 0;

    [BindProperty]
    public string? Weight { get; set; } = "1";

    [BindProperty]
    public string? PlannedBudget { get; set; }

    [BindProperty]
    public string? SpentBudget { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public List<int> DistrictIds { get; set; } = [];

    [BindProperty]
    public List<int> UnitIds { get; set; } = [];

    [BindProperty]
    public CatalogueSourceKind SourceKind { get; set; } = CatalogueSourceKind.MeetingDecision;

    [BindProperty]
    public string? SourceText { get; set; }

    /// <summary>The address of the agenda item, recommendation or paper the measure came from, as the Office pasted it.</summary>
    [BindProperty]
    public string? SourceLink { get; set; }

    /// <summary>What the stored measure links as its source.</summary>
    public LinkTarget? CurrentSourceLink { get; private set; }

    [BindProperty]
    public bool IsPublic { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public DateOnly? UpdateDate { get; set; }

    [BindProperty]
    public string? UpdateText { get; set; }

    [BindProperty]
    public MeasureStatus? UpdateStatus { get; set; }

    [BindProperty]
    public int? UpdateProgress { get; set; }

    [BindProperty]
    public string? MilestoneTitle { get; set; }

    [BindProperty]
    public DateOnly? MilestoneDue { get; set; }

    [BindProperty]
    public DateOnly? MilestoneDone { get; set; }

    public IReadOnlyList<Indicator> MeasureIndicators { get; private set; } = [];

    /// <summary>What a measure can come from: a decision under an agenda item, a recommendation, a paper.</summary>
    public static readonly LinkKind[] MeasureSources = [LinkKind.AgendaItem, LinkKind.Recommendation, LinkKind.Paper];

    public async Task<IActionResult> OnGetAsync(int? id, int? feld, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Current is { } m)
        {
            Fill(m);
        }
        else
        {
            FieldOfActionId = feld;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var weight = ParseAmount(nameof(Weight), Weight, "Das Gewicht muss eine Zahl sein, zum Beispiel 1500,50.");
        var planned = ParseAmount(nameof(PlannedBudget), PlannedBudget, "Das geplante Budget muss eine Zahl sein, zum Beispiel 1500,50.");
        var spent = ParseAmount(nameof(SpentBudget), SpentBudget, "Die verausgabten Mittel muss eine Zahl sein, zum Beispiel 1500,50.");
        var link = await links.ParseAsync(nameof(SourceLink), SourceLink, MeasureSources, ct);
        this.ShowErrors(link);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new MeasureInput(
            FieldOfActionId, Title, Description, Partners, Status, Progress, weight, planned, spent, StartDate, EndDate,
            Place, DistrictIds, UnitIds, SourceKind, SourceText, IsPublic, link.Value);
        var result = await measures.SaveAsync(id, id is null ? null : Version, input, ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        this.ShowErrors(result);
        if (result is { Kind: OutcomeKind.Conflict, Value: { } current })
        {
            // The user's input stays in the form; the next save is based on what is stored now.
            Conflict = current;
            ConflictMessage = Measures.ConflictMessage(current).Localize(OutcomeAdapters.Localizer(HttpContext));
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }

        if (result.Value is not { } saved)
        {
            return Page();
        }

        Message = id is null ? "Die Maßnahme ist angelegt." : "Die Änderungen sind gespeichert.";
        return RedirectToPage(new { id = saved.Id });
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Current is null)
        {
            return NotFound();
        }

        Fill(Current);
        var outcome = await measures.AddUpdateAsync(id, new StatusUpdateInput(UpdateDate, UpdateText, UpdateStatus, UpdateProgress), ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            return Page();
        }

        Message = "Der Sachstand ist eingetragen.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int id, CancellationToken ct) =>
        await MilestoneResultAsync(id, () => milestones.AddAsync(id, MilestoneTitle, MilestoneDue, ct), "Der Meilenstein ist eingetragen.", ct);

    public async Task<IActionResult> OnPostMilestoneDoneAsync(int id, int milestoneId, CancellationToken ct) =>
        await MilestoneResultAsync(id, () => milestones.CompleteAsync(id, milestoneId, MilestoneDone, ct), "Der Meilenstein ist als erreicht eingetragen.", ct);

    public async Task<IActionResult> OnPostDeleteMilestoneAsync(int id, int milestoneId, CancellationToken ct)
    {
        if (!await milestones.DeleteAsync(id, milestoneId, ct))
        {
            return NotFound();
        }

        Message = "Der Meilenstein ist gelöscht.";
        return RedirectToPage(new { id });
    }

    public string NameOf(int nodeId) => Nodes.FirstOrDefault(n => n.Id == nodeId) is { } n ? $"{n.Number} {n.Title}" : "–";

    private async Task<IActionResult> MilestoneResultAsync(int id, Func<Task<Outcome>> change, string done, CancellationToken ct)
    {
        var outcome = await change();
        if (outcome.IsNotFound || !await LoadAsync(id, ct) || Current is null)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            Message = done;
            return RedirectToPage(null, null, new { id }, "meilensteine");
        }

        Fill(Current);
        this.ShowErrors(outcome);
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Nodes = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).ToList();
        AllDistricts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        Departments = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name).ToListAsync(ct);
        if (id is null)
        {
            return true;
        }

        Current = await db.Measures.AsNoTracking().Include(m => m.Districts).Include(m => m.Units).Include(m => m.Updates).Include(m => m.Milestones)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        MeasureIndicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == id).OrderBy(i => i.Name).ToListAsync(ct);
        if (Current?.SourceLink is { } source)
        {
            CurrentSourceLink = (await links.ResolveAsync([source], null, ct)).GetValueOrDefault(source);
        }

        return Current is not null;
    }

    private void Fill(Measure m)
    {
        FieldOfActionId = m.FieldOfActionId;
        Title = m.Title;
        Description = m.Description;
        Partners = m.Partners;
        Status = m.Status;
        Progress = m.Progress;
        Weight = TypedNumber.Format(m.Weight, "0.###");
        PlannedBudget = m.PlannedBudget is { } planned ? TypedNumber.Format(planned, "#,##0.00") : null;
        SpentBudget = m.SpentBudget is { } spent ? TypedNumber.Format(spent, "#,##0.00") : null;
        StartDate = m.StartDate;
        EndDate = m.EndDate;
        Place = m.Place;
        DistrictIds = m.Districts.Select(d => d.DistrictId).ToList();
        UnitIds = m.Units.Select(u => u.OrganizationId).ToList();
        SourceKind = m.SourceKind;
        SourceText = m.SourceText;
        SourceLink = CurrentSourceLink?.Url;
        IsPublic = m.IsPublic;
        Version = m.Version;
    }

    private decimal? ParseAmount(string field, string? text, string notANumber) => TypedNumber.Bind(ModelState, field, text, notANumber);
}
