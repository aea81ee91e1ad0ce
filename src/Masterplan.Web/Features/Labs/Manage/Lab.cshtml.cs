using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>One lab for the Office: concept (004 §5), the steps of its life, its results and what became of them.</summary>
[LabExists]
public sealed class LabModel(AppDbContext db, LabWorkflow workflow, LabResults results, CatalogueTree tree) : PageModel
{
    public NeighbourhoodLab Lab { get; private set; } = null!;

    public IReadOnlyList<FieldError> MissingForNext { get; private set; } = [];

    public IReadOnlyList<LabRecommendation> Recommendations { get; private set; } = [];

    public IReadOnlyList<LabPlace> Places { get; private set; } = [];

    public IReadOnlyList<CatalogueNode> Nodes { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public LabStepInput? Steps { get; set; }

    /// <summary>The place form's location (address, choice, map point or coordinates).</summary>
    [BindProperty]
    public LocationInput Place { get; set; } = new();

    /// <summary>The place form's other fields, kept when it is refused.</summary>
    public (PlaceCategory? Category, string? Comment) PlaceFields { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? gespeichert, CancellationToken ct)
    {
        Message = gespeichert is null ? null : "Gespeichert.";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        var errors = await workflow.SaveAsync(id, Steps ?? new LabStepInput(null, null, null, null, null, null, null, null, null, null), ct);
        return await AfterAsync(id, errors.Errors, ct);
    }

    public async Task<IActionResult> OnPostAdvanceAsync(int id, LabState to, CancellationToken ct)
    {
        var errors = await workflow.AdvanceAsync(id, to, ct);
        return await AfterAsync(id, errors.Errors, ct);
    }

    public async Task<IActionResult> OnPostRecommendationAsync(int id, string? text, int? fieldOfActionId, CancellationToken ct)
    {
        var result = await results.AddRecommendationAsync(id, text, fieldOfActionId, ct);
        return await AfterAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, int recommendationId, RecommendationOutcome? outcome, int? targetFieldId, string? newTitle, string? forwardedTo, string? declineReason, CancellationToken ct)
    {
        var result = await results.DecideAsync(id, recommendationId, new OutcomeInput(outcome, targetFieldId, newTitle, forwardedTo, declineReason), ct);
        return await AfterAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostPlaceAsync(int id, PlaceCategory? category, string? comment, CancellationToken ct)
    {
        PlaceFields = (category, comment);
        var result = await results.AddPlaceAsync(id, Place, nameof(Place), category, comment, ct);
        return await AfterAsync(id, result.Errors, ct, placeForm: true);
    }

    private async Task<IActionResult> AfterAsync(int id, IReadOnlyList<FieldError> errors, CancellationToken ct, bool placeForm = false)
    {
        if (errors.Count == 0)
        {
            return Redirect($"/verwaltung/quartierslabore/{id}?gespeichert=1");
        }

        if (placeForm || errors.All(e => e.Field.Length == 0))
        {
            // Only the concept form posts Steps; after other forms show what is stored.
            Steps = null;
        }

        // The place form names its own fields (Place.Address, category, comment); the others name the concept's.
        this.ShowErrors(errors, f => f.Length == 0 || placeForm ? f : $"Steps.{f}");

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lab is null)
        {
            return false;
        }

        Lab = lab;
        MissingForNext = lab.State == LabState.Reported ? [] : await workflow.MissingForAsync(lab, lab.State + 1, ct);
        Recommendations = await db.LabRecommendations.AsNoTracking().Where(r => r.LabId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Places = await db.LabPlaces.AsNoTracking().Where(p => p.LabId == id).OrderBy(p => p.Id).ToListAsync(ct);
        Nodes = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).ToList();
        Steps ??= new LabStepInput(lab.ConceptPolitics, lab.ConceptDigitalInput, lab.ConceptParticipation, lab.ConceptApprovedOn, lab.ConceptApprovedBy,
            lab.Categories, lab.HeldOn, lab.ResultsSummary, lab.ReportedOn, lab.ReportedTo);
        return true;
    }
}
