using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings.Manage;

/// <summary>Follow-up of one recommendation: dated updates that move its status (docs/domain.md#recommendations).</summary>
public sealed class FollowUpModel(AppDbContext db, TimeProvider time, Links links, RecommendationTakeUps takeUps) : PageModel
{
    public Recommendation Recommendation { get; private set; } = null!;

    public string? AddresseeName { get; private set; }

    public IReadOnlyList<string> FieldLabels { get; private set; } = [];

    /// <summary>What took the recommendation up: the rows the Office linked here, and measures whose source links it.</summary>
    public IReadOnlyList<LinkTarget> TakenUpBy { get; private set; } = [];

    /// <summary>The row behind each link the Office added here, so that it can be removed again.</summary>
    public IReadOnlyDictionary<LinkRef, int> TakeUpRows { get; private set; } = new Dictionary<LinkRef, int>();

    /// <summary>The address the Office pasted, kept when refused.</summary>
    [BindProperty]
    public string? Target { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var link = await links.ParseAsync(nameof(Target), Target, RecommendationTakeUps.Kinds, ct);
        if (this.ShowErrors(link))
        {
            return Page();
        }

        if (link.Value is not { } target)
        {
            ModelState.AddModelError(nameof(Target), "Bitte fügen Sie die Adresse der Maßnahme, der Vorlage oder des Tagesordnungspunkts ein.");
            return Page();
        }

        if (TakenUpBy.Any(t => t.Ref == target))
        {
            ModelState.AddModelError(nameof(Target), "Diese Verknüpfung besteht schon.");
            return Page();
        }

        db.RecommendationTakeUps.Add(new RecommendationTakeUp { RecommendationId = id, Kind = target.Kind, TargetId = target.Id });
        await db.SaveChangesAsync(ct);
        Message = "Die Verknüpfung ist gespeichert.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int takeUpId, CancellationToken ct)
    {
        var row = await db.RecommendationTakeUps.FirstOrDefaultAsync(t => t.Id == takeUpId && t.RecommendationId == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        db.RecommendationTakeUps.Remove(row);
        await db.SaveChangesAsync(ct);
        Message = "Die Verknüpfung ist entfernt.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, DateOnly? date, RecommendationStatus status, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var today = CityTime.Today(time);
        if (date is null)
        {
            ModelState.AddModelError("date", "Bitte geben Sie das Datum an.");
        }
        else if (date < Recommendation.AdoptedOn)
        {
            this.ShowError("date", "Das Datum liegt vor dem Beschluss der Empfehlung am {0:dd.MM.yyyy}.", Recommendation.AdoptedOn);
        }
        else if (date > today)
        {
            ModelState.AddModelError("date", "Das Datum darf nicht in der Zukunft liegen.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            ModelState.AddModelError("note", status == RecommendationStatus.Rejected
                ? "Bitte geben Sie den Grund der Ablehnung an."
                : "Bitte beschreiben Sie kurz, was geschehen ist.");
        }
        else if (note.Length > 4000)
        {
            ModelState.AddModelError("note", "Der Sachstand darf höchstens 4000 Zeichen lang sein.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id, ct);
        recommendation.Status = status;
        recommendation.StatusReason = status == RecommendationStatus.Rejected ? note!.Trim() : null;
        db.RecommendationUpdates.Add(new RecommendationUpdate
        {
            RecommendationId = id, Date = date!.Value, Status = status, Note = note!.Trim(), AuthorName = db.CurrentActorName(), RecordedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.AsNoTracking().Include(r => r.Meeting).ThenInclude(m => m.Organization)
            .Include(r => r.Updates).Include(r => r.Fields).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null)
        {
            return false;
        }

        Recommendation = recommendation;
        AddresseeName = recommendation.AddresseeOrganizationId is { } org ? await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        var fieldIds = recommendation.Fields.Select(f => f.FieldOfActionId).ToList();
        FieldLabels = await db.FieldsOfAction.AsNoTracking().Where(f => fieldIds.Contains(f.Id)).Select(f => f.Title).ToListAsync(ct);
        TakenUpBy = (await takeUps.OfRecommendationsAsync([id], null, ct)).GetValueOrDefault(id) ?? [];
        TakeUpRows = (await db.RecommendationTakeUps.AsNoTracking().Where(t => t.RecommendationId == id).ToListAsync(ct)).ToDictionary(t => t.Target, t => t.Id);
        return true;
    }
}
