using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>The Office changes the living catalogue: every change names its source and reason (docs/domain.md#catalogue).</summary>
[Authorize(Policy = CatalogueModule.Edit)]
public sealed class EditModel(CatalogueTree tree, CatalogueEditor editor, AppDbContext db, TimeProvider time, Links links) : PageModel
{
    public enum Operation
    {
        Add,
        Rename,
        Move,
        Retire,
        Merge,
    }

    public IReadOnlyList<CatalogueNode> Nodes { get; private set; } = [];

    [BindProperty]
    public Operation Action { get; set; } = Operation.Add;

    [BindProperty]
    public int? NodeId { get; set; }

    [BindProperty]
    public int? TargetId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public CatalogueSourceKind SourceKind { get; set; } = CatalogueSourceKind.MeetingDecision;

    [BindProperty]
    public string? SourceText { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The address of the paper, agenda item or recommendation the change came from (optional).</summary>
    [BindProperty]
    public string? SourceLink { get; set; }

    /// <summary>What a catalogue change can come from.</summary>
    public static readonly LinkKind[] ChangeSources = [LinkKind.Paper, LinkKind.AgendaItem, LinkKind.Recommendation];

    public string? Message { get; private set; }

    /// <summary>The Lenkungskreis' review of one field (001 §I: "unter dem Blickwinkel von Diversität, Integration und Inklusion").</summary>
    public sealed class ReviewInput
    {
        public int? FieldId { get; set; }

        public DateOnly? ReviewedOn { get; set; }

        public string? ReviewedIn { get; set; }

        public bool Diversity { get; set; }

        public bool Integration { get; set; }

        public bool Inclusion { get; set; }

        public string? Finding { get; set; }
    }

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    /// <summary>The latest reviews, newest first, with the field's number and title of today.</summary>
    public IReadOnlyList<(FieldReview Review, string Field)> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = Flatten(await tree.LoadAsync(ct));
        Review.ReviewedOn = CityTime.Today(time);
        await LoadReviewsAsync(ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        Nodes = Flatten(await tree.LoadAsync(ct));
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(nameof(Review) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var input = Review;
        if (input.FieldId is not { } fieldId || Nodes.All(n => n.Id != fieldId))
        {
            ModelState.AddModelError("Review.FieldId", "Bitte wählen Sie das Handlungsfeld, das der Lenkungskreis geprüft hat.");
        }

        if (input.ReviewedOn is not { } on)
        {
            ModelState.AddModelError("Review.ReviewedOn", "Bitte geben Sie das Datum der Prüfung ein.");
        }
        else if (on > CityTime.Today(time))
        {
            ModelState.AddModelError("Review.ReviewedOn", "Eine Prüfung kann nicht in der Zukunft liegen.");
        }

        if (string.IsNullOrWhiteSpace(input.ReviewedIn))
        {
            ModelState.AddModelError("Review.ReviewedIn", "Bitte nennen Sie, wo geprüft wurde, zum Beispiel die Sitzung des Lenkungskreises und den Tagesordnungspunkt.");
        }
        else if (input.ReviewedIn.Trim().Length > 300)
        {
            ModelState.AddModelError("Review.ReviewedIn", "Die Angabe, wo geprüft wurde, darf höchstens 300 Zeichen lang sein.");
        }

        // 001 §I: the review looks at the field from these three perspectives; the record says which and what was found.
        if (!input.Diversity && !input.Integration && !input.Inclusion)
        {
            ModelState.AddModelError("Review.Diversity", "Bitte kreuzen Sie an, unter welchen Blickwinkeln geprüft wurde: Diversität, Integration, Inklusion.");
        }

        if (string.IsNullOrWhiteSpace(input.Finding))
        {
            ModelState.AddModelError("Review.Finding", "Bitte halten Sie fest, was die Prüfung unter diesen Blickwinkeln ergeben hat, auch wenn sich nichts ändert.");
        }
        else if (input.Finding.Trim().Length > 4000)
        {
            ModelState.AddModelError("Review.Finding", "Das Ergebnis darf höchstens 4000 Zeichen lang sein.");
        }

        if (!ModelState.IsValid)
        {
            await LoadReviewsAsync(ct);
            return Page();
        }

        db.FieldReviews.Add(new FieldReview
        {
            FieldOfActionId = input.FieldId!.Value, ReviewedOn = input.ReviewedOn!.Value, ReviewedIn = input.ReviewedIn!.Trim(),
            Diversity = input.Diversity, Integration = input.Integration, Inclusion = input.Inclusion, Finding = input.Finding!.Trim(),
            RecordedBy = db.CurrentActorName(), RecordedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Redirect("/verwaltung/handlungsfelder#pruefungen");
    }

    /// <summary>The perspectives a review checked, in German (the page translates the words).</summary>
    public static IReadOnlyList<string> Perspectives(FieldReview review) =>
        [.. new[] { (review.Diversity, "Diversität"), (review.Integration, "Integration"), (review.Inclusion, "Inklusion") }.Where(p => p.Item1).Select(p => p.Item2)];

    private async Task LoadReviewsAsync(CancellationToken ct)
    {
        var names = Nodes.ToDictionary(n => n.Id, n => $"{n.Number} {n.Title}");
        Reviews = [.. (await db.FieldReviews.AsNoTracking().OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).Take(50).ToListAsync(ct))
            .Select(r => (r, names.TryGetValue(r.FieldOfActionId, out var name) ? name : $"#{r.FieldOfActionId}"))];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Nodes = Flatten(await tree.LoadAsync(ct));
        await LoadReviewsAsync(ct);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Review) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        // The review form below is shown again with this one: it keeps its default day.
        Review = new ReviewInput { ReviewedOn = CityTime.Today(time) };
        if (Action != Operation.Add && NodeId is null)
        {
            ModelState.AddModelError(nameof(NodeId), "Bitte wählen Sie den Eintrag, der sich ändert.");
        }

        if (Action is Operation.Add or Operation.Rename && string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Bitte geben Sie den Titel ein.");
        }

        if (Action == Operation.Merge && TargetId is null)
        {
            ModelState.AddModelError(nameof(TargetId), "Bitte wählen Sie den Eintrag, in dem dieser aufgeht.");
        }

        if (string.IsNullOrWhiteSpace(SourceText))
        {
            ModelState.AddModelError(nameof(SourceText), "Bitte nennen Sie die Quelle, zum Beispiel Sitzung und Tagesordnungspunkt oder das Quartierslabor.");
        }

        var link = await links.ParseAsync(nameof(SourceLink), SourceLink, ChangeSources, ct);
        this.ShowErrors(link);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var source = new ChangeSource(SourceKind, SourceText!.Trim(), string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), link.Value);
        Outcome outcome = Action switch
        {
            Operation.Add => await editor.AddAsync(TargetId, Title!, source, ct),
            Operation.Rename => await editor.RenameAsync(NodeId!.Value, Title!, source, ct),
            Operation.Move => await editor.MoveAsync(NodeId!.Value, TargetId, source, ct),
            Operation.Retire => await editor.RetireAsync(NodeId!.Value, source, ct),
            _ => await editor.MergeAsync(NodeId!.Value, TargetId!.Value, source, ct),
        };

        // The editor names the node, its new parent or the node merged into; this form has one list for each role.
        if (this.ShowErrors(outcome, f => f switch { "Id" => nameof(NodeId), "ParentId" or "IntoId" => nameof(TargetId), _ => f }))
        {
            return Page();
        }

        return Redirect("/handlungsfelder/aenderungen");
    }

    private static List<CatalogueNode> Flatten(IReadOnlyList<CatalogueNode> fields) => fields.SelectMany(f => f.SelfAndDescendants()).ToList();
}
