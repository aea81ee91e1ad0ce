using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>Where a change comes from and why (docs/domain.md#catalogue: who, when, why, source).</summary>
/// <param name="Link">The paper, agenda item or recommendation the change came from, if the Office linked one.</param>
public sealed record ChangeSource(CatalogueSourceKind Kind, string? Text, string? Reason, Masterplan.Web.Shared.LinkRef? Link = null);

/// <summary>
/// Changes to the living catalogue (001 §I, 004 §3, §5): add, rename, move, merge and retire nodes at any depth.
/// Nodes keep their id; their number follows their position. Every change writes a version with its source
/// and, through the audit log, who made it. A refused change names the field: <c>Id</c> (the node), <c>ParentId</c>
/// (the new parent), <c>IntoId</c> (the node merged into) or <c>Title</c>.
/// </summary>
public sealed class CatalogueEditor(AppDbContext db, TimeProvider time)
{
    public async Task<Outcome<FieldOfAction>> AddAsync(int? parentId, string title, ChangeSource source, CancellationToken ct)
    {
        var parent = parentId is null ? null : await ActiveAsync(parentId.Value, ct);
        if (parentId is not null && parent is null)
        {
            return Outcome<FieldOfAction>.Invalid("ParentId", NotInCatalogue);
        }

        if (Clean(title) is not { } clean)
        {
            return Outcome<FieldOfAction>.Invalid("Title", TitleLength);
        }

        var node = new FieldOfAction { Title = clean, ParentId = parent?.Id, Position = await NextPositionAsync(parent?.Id, ct), Source = source.Text };
        db.FieldsOfAction.Add(node);
        db.AuditReason = source.Reason;
        await db.SaveChangesAsync(ct);
        await RecordAsync(node, CatalogueChangeKind.Added, source, ct);
        return Outcome<FieldOfAction>.Ok(node);
    }

    public async Task<Outcome> RenameAsync(int id, string title, ChangeSource source, CancellationToken ct)
    {
        if (await ActiveAsync(id, ct) is not { } node)
        {
            return Outcome.Invalid("Id", NotInCatalogue);
        }

        if (Clean(title) is not { } clean)
        {
            return Outcome.Invalid("Title", TitleLength);
        }

        node.Title = clean;
        await SaveAsync(node, CatalogueChangeKind.Renamed, source, ct);
        return Outcome.Done;
    }

    /// <summary>Moves a node (with its subtree) to the end of another parent's children.</summary>
    public async Task<Outcome> MoveAsync(int id, int? newParentId, ChangeSource source, CancellationToken ct)
    {
        if (await ActiveAsync(id, ct) is not { } node)
        {
            return Outcome.Invalid("Id", NotInCatalogue);
        }

        if (newParentId is { } target)
        {
            if (await ActiveAsync(target, ct) is null)
            {
                return Outcome.Invalid("ParentId", NotInCatalogue);
            }

            if (target == id || (await DescendantsAsync(id, ct)).Contains(target))
            {
                return Outcome.Invalid("ParentId", "Ein Eintrag kann nicht unter sich selbst oder einen seiner Untereinträge verschoben werden.");
            }
        }

        node.ParentId = newParentId;
        node.Position = await NextPositionAsync(newParentId, ct);
        await SaveAsync(node, CatalogueChangeKind.Moved, source, ct);
        return Outcome.Done;
    }

    /// <summary>Retires a node and everything below it; they leave the current catalogue and stay in its history.</summary>
    public async Task<Outcome> RetireAsync(int id, ChangeSource source, CancellationToken ct)
    {
        if (await ActiveAsync(id, ct) is null)
        {
            return Outcome.Invalid("Id", NotInCatalogue);
        }

        var ids = (await DescendantsAsync(id, ct)).Prepend(id).ToList();
        foreach (var node in await db.FieldsOfAction.Where(f => ids.Contains(f.Id) && !f.IsRetired).ToListAsync(ct))
        {
            node.IsRetired = true;
            AddVersion(node, CatalogueChangeKind.Retired, source);
        }

        db.AuditReason = source.Reason;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Merges a node into another: its children move to the other node, it is retired with a pointer to it.</summary>
    public async Task<Outcome> MergeAsync(int id, int intoId, ChangeSource source, CancellationToken ct)
    {
        if (id == intoId)
        {
            return Outcome.Invalid("IntoId", "Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.");
        }

        if (await ActiveAsync(id, ct) is not { } node)
        {
            return Outcome.Invalid("Id", NotInCatalogue);
        }

        if (await ActiveAsync(intoId, ct) is not { } into)
        {
            return Outcome.Invalid("IntoId", NotInCatalogue);
        }

        if ((await DescendantsAsync(id, ct)).Contains(intoId))
        {
            return Outcome.Invalid("IntoId", "Ein Eintrag kann nicht mit einem seiner Untereinträge zusammengeführt werden.");
        }

        var next = await NextPositionAsync(into.Id, ct);
        foreach (var child in await db.FieldsOfAction.Where(f => f.ParentId == id && !f.IsRetired).OrderBy(f => f.Position).ToListAsync(ct))
        {
            child.ParentId = into.Id;
            child.Position = next++;
            AddVersion(child, CatalogueChangeKind.Moved, source);
        }

        node.IsRetired = true;
        node.MergedIntoId = into.Id;
        await SaveAsync(node, CatalogueChangeKind.Merged, source, ct);
        return Outcome.Done;
    }

    /// <summary>Gives every node that has no history yet its first version (reference data, imports).</summary>
    public async Task RecordInitialVersionsAsync(DateTimeOffset validFrom, CancellationToken ct)
    {
        var versioned = db.FieldOfActionVersions.Select(v => v.NodeId);
        foreach (var node in await db.FieldsOfAction.Where(f => !versioned.Contains(f.Id)).ToListAsync(ct))
        {
            db.FieldOfActionVersions.Add(Version(node, CatalogueChangeKind.Added, new ChangeSource(CatalogueSourceKind.Document, node.Source, null), validFrom, "System"));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SaveAsync(FieldOfAction node, CatalogueChangeKind change, ChangeSource source, CancellationToken ct)
    {
        AddVersion(node, change, source);
        db.AuditReason = source.Reason;
        await db.SaveChangesAsync(ct);
    }

    private async Task RecordAsync(FieldOfAction node, CatalogueChangeKind change, ChangeSource source, CancellationToken ct)
    {
        AddVersion(node, change, source);
        await db.SaveChangesAsync(ct);
    }

    private void AddVersion(FieldOfAction node, CatalogueChangeKind change, ChangeSource source) =>
        db.FieldOfActionVersions.Add(Version(node, change, source, time.GetUtcNow(), db.CurrentActorName()));

    private static FieldOfActionVersion Version(FieldOfAction node, CatalogueChangeKind change, ChangeSource source, DateTimeOffset at, string actor) => new()
    {
        NodeId = node.Id, ValidFrom = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero), Change = change, Title = node.Title,
        ParentId = node.ParentId, Position = node.Position, IsRetired = node.IsRetired, MergedIntoId = node.MergedIntoId,
        Reason = source.Reason, SourceKind = source.Kind, SourceText = source.Text, SourceLinkKind = source.Link?.Kind, SourceLinkId = source.Link?.Id, ActorName = actor,
    };

    private const string NotInCatalogue = "Diesen Eintrag gibt es im aktuellen Katalog nicht.";

    private const string TitleLength = "Der Titel muss 1 bis 300 Zeichen lang sein.";

    private async Task<FieldOfAction?> ActiveAsync(int id, CancellationToken ct) =>
        await db.FieldsOfAction.FirstOrDefaultAsync(f => f.Id == id && !f.IsRetired, ct);

    private async Task<int> NextPositionAsync(int? parentId, CancellationToken ct) =>
        (await db.FieldsOfAction.Where(f => f.ParentId == parentId).MaxAsync(f => (int?)f.Position, ct) ?? 0) + 1;

    private async Task<HashSet<int>> DescendantsAsync(int id, CancellationToken ct)
    {
        var byParent = (await db.FieldsOfAction.AsNoTracking().Select(f => new { f.Id, f.ParentId }).ToListAsync(ct)).ToLookup(f => f.ParentId, f => f.Id);
        var result = new HashSet<int>();
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            foreach (var child in byParent[stack.Pop()])
            {
                if (result.Add(child))
                {
                    stack.Push(child);
                }
            }
        }

        return result;
    }

    private static string? Clean(string title)
    {
        var clean = title.Trim();
        return clean.Length is > 0 and <= 300 ? clean : null;
    }
}
