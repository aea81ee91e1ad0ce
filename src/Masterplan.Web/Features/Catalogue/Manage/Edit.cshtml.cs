using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>The Office changes the living catalogue: every change names its source and reason (docs/domain.md#catalogue).</summary>
[Authorize(Policy = CatalogueModule.Edit)]
public sealed class EditModel(CatalogueTree tree, CatalogueEditor editor) : PageModel
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

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Nodes = Flatten(await tree.LoadAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Nodes = Flatten(await tree.LoadAsync(ct));
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var source = new ChangeSource(SourceKind, SourceText!.Trim(), string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
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
