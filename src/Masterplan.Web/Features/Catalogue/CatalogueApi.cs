using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>
/// Where a change via the API comes from; <c>kind</c> defaults to free text. <c>link</c> may name the paper, agenda item or
/// recommendation it came from by the address of its page (as the editing page's field does).
/// </summary>
public sealed record SourceWrite(CatalogueSourceKind? Kind, string? Text, string? Reason, string? Link = null)
{
    public ChangeSource ToSource(LinkRef? link) => new(Kind ?? CatalogueSourceKind.FreeText, string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(), string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), link);
}

public sealed record NodeAdd(int? ParentId, string? Title, SourceWrite? Source);

public sealed record NodeRename(string? Title, SourceWrite? Source);

public sealed record NodeMove(int? ParentId, SourceWrite? Source);

public sealed record NodeMerge(int? IntoId, SourceWrite? Source);

public sealed record NodeRetire(SourceWrite? Source);

/// <summary>Changes to the tree over JSON for the Office (docs/domain.md#catalogue), with the same rules and history as the editing page.</summary>
public static class CatalogueApi
{
    public static void MapCatalogueWrites(this WebApplication app)
    {
        var write = app.MapGroup("/api/v1/catalogue/nodes").WithTags("Catalogue").RequireAuthorization(CatalogueModule.Edit).DisableAntiforgery();
        write.MapPost("/", async Task<Results<Created<CatalogueNode>, ValidationProblem>> (NodeAdd body, CatalogueEditor editor, CatalogueTree tree, Links links, HttpContext http, CancellationToken ct) =>
        {
            if (Check(body.Title, body.Source) is { } invalid)
            {
                return Invalid(http, invalid);
            }

            var link = await LinkAsync(links, body.Source!, ct);
            if (!link.Succeeded)
            {
                return Invalid(http, link);
            }

            var added = await editor.AddAsync(body.ParentId, body.Title!, body.Source!.ToSource(link.Value), ct);
            return added.Value is { } node
                ? TypedResults.Created($"/api/v1/catalogue/nodes/{node.Id}", await FindAsync(tree, node.Id, ct))
                : Invalid(http, added);
        }).WithSummary("Adds a node under a parent (or at the top); its number follows its position.");

        write.MapPut("/{id:int}", (int id, NodeRename body, CatalogueEditor editor, CatalogueTree tree, AppDbContext db, Links links, HttpContext http, CancellationToken ct) =>
            ChangeAsync(id, db, tree, http, Check(body.Title, body.Source), () => WithSourceAsync(links, body.Source!, source => editor.RenameAsync(id, body.Title!, source, ct), ct), id, ct))
            .WithSummary("Renames a node; the old title stays in its history.");
        write.MapPost("/{id:int}/move", (int id, NodeMove body, CatalogueEditor editor, CatalogueTree tree, AppDbContext db, Links links, HttpContext http, CancellationToken ct) =>
            ChangeAsync(id, db, tree, http, Check("-", body.Source), () => WithSourceAsync(links, body.Source!, source => editor.MoveAsync(id, body.ParentId, source, ct), ct), id, ct))
            .WithSummary("Moves a node with its subtree under another parent (null: top level); a node cannot move under its own descendant.");
        write.MapPost("/{id:int}/merge", (int id, NodeMerge body, CatalogueEditor editor, CatalogueTree tree, AppDbContext db, Links links, HttpContext http, CancellationToken ct) =>
            ChangeAsync(id, db, tree, http, body.IntoId is null ? new FieldError("IntoId", "Bitte geben Sie an, in welchen Eintrag zusammengeführt wird.") : Check("-", body.Source),
                () => WithSourceAsync(links, body.Source!, source => editor.MergeAsync(id, body.IntoId!.Value, source, ct), ct), body.IntoId, ct))
            .WithSummary("Merges a node into another: its children move there, it is retired with a pointer to it.");
        write.MapPost("/{id:int}/retire", (int id, NodeRetire body, CatalogueEditor editor, CatalogueTree tree, AppDbContext db, Links links, HttpContext http, CancellationToken ct) =>
            ChangeAsync(id, db, tree, http, Check("-", body.Source), () => WithSourceAsync(links, body.Source!, source => editor.RetireAsync(id, source, ct), ct), null, ct))
            .WithSummary("Retires a node and everything below it; they stay in the catalogue's history.");
    }

    private static async Task<Results<Ok<CatalogueNode>, NoContent, NotFound, ValidationProblem>> ChangeAsync(
        int id, AppDbContext db, CatalogueTree tree, HttpContext http, FieldError? invalid, Func<Task<Outcome>> change, int? show, CancellationToken ct)
    {
        if (!await db.FieldsOfAction.AnyAsync(f => f.Id == id && !f.IsRetired, ct))
        {
            return TypedResults.NotFound();
        }

        if (invalid is not null)
        {
            return Invalid(http, invalid);
        }

        var outcome = await change();
        if (!outcome.Succeeded)
        {
            return Invalid(http, outcome);
        }

        // The answer is the changed node with its new number, or for a merge the node it went into; a retired node has none.
        return show is { } shown && await FindAsync(tree, shown, ct) is { } node ? TypedResults.Ok(node) : TypedResults.NoContent();
    }

    /// <summary>The source's link, read as the editing page reads it; refused on <c>Source.Link</c>.</summary>
    private static Task<Outcome<LinkRef?>> LinkAsync(Links links, SourceWrite source, CancellationToken ct) =>
        links.ParseAsync("Source.Link", source.Link, Manage.EditModel.ChangeSources, ct);

    private static async Task<Outcome> WithSourceAsync(Links links, SourceWrite source, Func<ChangeSource, Task<Outcome>> change, CancellationToken ct)
    {
        var link = await LinkAsync(links, source, ct);
        return link.Succeeded ? await change(source.ToSource(link.Value)) : link;
    }

    private static FieldError? Check(string? title, SourceWrite? source) =>
        string.IsNullOrWhiteSpace(title) ? new FieldError("Title", "Bitte geben Sie einen Titel an.")
        : source is null ? new FieldError("Source", "Bitte geben Sie die Quelle der Änderung an (kind, text, reason).")
        : source.Kind is not null && !Enum.IsDefined(source.Kind.Value) ? new FieldError("Source.Kind", "Unbekannte Art der Quelle.")
        : null;

    private static ValidationProblem Invalid(HttpContext http, Outcome outcome) => ApiProblems.Invalid(http, outcome, "Der Katalog lehnt die Änderung ab.");

    private static async Task<CatalogueNode?> FindAsync(CatalogueTree tree, int id, CancellationToken ct) =>
        (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).FirstOrDefault(n => n.Id == id);
}
