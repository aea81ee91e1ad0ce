using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>A field of action with its visible number and ordered children, as pages and the API show it.</summary>
public sealed record CatalogueNode(int Id, string Number, string Title, string? GuidingSentence, string? Description, IReadOnlyList<CatalogueNode> Children)
{
    public int Depth => Number.Count(c => c == '.');

    public IEnumerable<CatalogueNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>One change between two dates, with its source, for the diff page.</summary>
public sealed record CatalogueChange(
    DateTimeOffset At, CatalogueChangeKind Change, int NodeId, string Title, string? NumberBefore, string? NumberAfter, string? TitleBefore,
    CatalogueSourceKind SourceKind, string? SourceText, string? Reason, string ActorName, Masterplan.Web.Shared.LinkRef? SourceLink = null);

/// <summary>A node that carried a number from one moment until another (null: still), with its number today (null: retired).</summary>
public sealed record NumberUse(int NodeId, string Title, DateTimeOffset From, DateTimeOffset? Until, string? NumberToday);

/// <summary>Builds the numbered tree, today's or that of any date; shared by the catalogue pages and API.</summary>
public sealed class CatalogueTree(AppDbContext db)
{
    private sealed record Row(int Id, int? ParentId, int Position, string Title, string? GuidingSentence, string? Description);

    /// <summary>Today's catalogue without retired nodes.</summary>
    public async Task<IReadOnlyList<CatalogueNode>> LoadAsync(CancellationToken ct = default)
    {
        var rows = await db.FieldsOfAction.AsNoTracking().Where(f => !f.IsRetired)
            .Select(f => new Row(f.Id, f.ParentId, f.Position, f.Title, f.GuidingSentence, f.Description))
            .ToListAsync(ct);
        return Build(rows);
    }

    /// <summary>The catalogue as it stood at <paramref name="at"/>: the latest version of every node at that moment.</summary>
    public async Task<IReadOnlyList<CatalogueNode>> LoadAsOfAsync(DateTimeOffset at, CancellationToken ct = default)
    {
        var texts = await db.FieldsOfAction.AsNoTracking().ToDictionaryAsync(f => f.Id, f => (f.GuidingSentence, f.Description), ct);
        var versions = await db.FieldOfActionVersions.AsNoTracking().Where(v => v.ValidFrom <= at).ToListAsync(ct);
        var rows = versions.GroupBy(v => v.NodeId)
            .Select(g => g.OrderBy(v => v.ValidFrom).ThenBy(v => v.Id).Last())
            .Where(v => !v.IsRetired)
            .Select(v => new Row(v.NodeId, v.ParentId, v.Position, v.Title, texts[v.NodeId].GuidingSentence, texts[v.NodeId].Description))
            .ToList();
        return Build(rows);
    }

    /// <summary>Every change after <paramref name="from"/> up to <paramref name="to"/>, with the numbers before and after.</summary>
    public async Task<IReadOnlyList<CatalogueChange>> ChangesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var before = Numbers(await LoadAsOfAsync(from, ct));
        var after = Numbers(await LoadAsOfAsync(to, ct));
        var all = await db.FieldOfActionVersions.AsNoTracking().Where(v => v.ValidFrom <= to).ToListAsync(ct);
        var titleBefore = all.Where(v => v.ValidFrom <= from).GroupBy(v => v.NodeId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidFrom).ThenBy(v => v.Id).Last().Title);
        return all.Where(v => v.ValidFrom > from)
            .OrderBy(v => v.ValidFrom).ThenBy(v => v.Id)
            .Select(v => new CatalogueChange(
                v.ValidFrom, v.Change, v.NodeId, v.Title, before.GetValueOrDefault(v.NodeId), after.GetValueOrDefault(v.NodeId),
                titleBefore.GetValueOrDefault(v.NodeId), v.SourceKind, v.SourceText, v.Reason, v.ActorName,
                v.SourceLinkKind is { } kind && v.SourceLinkId is { } id ? new Masterplan.Web.Shared.LinkRef(kind, id) : null))
            .ToList();
    }

    /// <summary>
    /// Every node that has carried <paramref name="number"/> at some time, with the period and its title then, so an old
    /// number from a paper or report still leads to the right entry (docs/domain.md#catalogue: old numbers stay findable).
    /// </summary>
    public async Task<IReadOnlyList<NumberUse>> NumberHistoryAsync(string number, CancellationToken ct = default)
    {
        var versions = await db.FieldOfActionVersions.AsNoTracking().OrderBy(v => v.ValidFrom).ThenBy(v => v.Id).ToListAsync(ct);
        var current = Numbers(await LoadAsync(ct));
        var state = new Dictionary<int, Row>();
        var open = new Dictionary<int, (DateTimeOffset From, string Title)>();
        var uses = new List<NumberUse>();
        // Replays the history one moment at a time and notes when a node takes or gives up the number.
        foreach (var moment in versions.GroupBy(v => v.ValidFrom))
        {
            foreach (var v in moment)
            {
                if (v.IsRetired)
                {
                    state.Remove(v.NodeId);
                }
                else
                {
                    state[v.NodeId] = new Row(v.NodeId, v.ParentId, v.Position, v.Title, null, null);
                }
            }

            var holder = Build(state.Values.ToList()).SelectMany(n => n.SelfAndDescendants()).FirstOrDefault(n => n.Number == number);
            foreach (var (node, since) in open.Where(o => o.Key != holder?.Id).ToList())
            {
                uses.Add(new NumberUse(node, since.Title, since.From, moment.Key, current.GetValueOrDefault(node)));
                open.Remove(node);
            }

            if (holder is not null && !open.ContainsKey(holder.Id))
            {
                open[holder.Id] = (moment.Key, holder.Title);
            }
        }

        uses.AddRange(open.Select(o => new NumberUse(o.Key, o.Value.Title, o.Value.From, null, current.GetValueOrDefault(o.Key))));
        return uses.OrderBy(u => u.From).ToList();
    }

    private static Dictionary<int, string> Numbers(IReadOnlyList<CatalogueNode> tree) =>
        tree.SelectMany(n => n.SelfAndDescendants()).ToDictionary(n => n.Id, n => n.Number);

    // The number follows the position along the path (001 §II numbering), so a moved node renumbers itself.
    private static List<CatalogueNode> Build(IReadOnlyList<Row> rows)
    {
        var byParent = rows.ToLookup(r => r.ParentId);
        var present = rows.Select(r => r.Id).ToHashSet();

        IReadOnlyList<CatalogueNode> Level(int? parentId, string prefix) =>
            byParent[parentId].OrderBy(r => r.Position).ThenBy(r => r.Id)
                .Select((r, i) =>
                {
                    var number = prefix + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return new CatalogueNode(r.Id, number, r.Title, r.GuidingSentence, r.Description, Level(r.Id, number + "."));
                })
                .ToList();

        // A node whose parent is not part of this state would be lost; none should exist, but never hide it.
        return [.. Level(null, ""), .. rows.Where(r => r.ParentId is { } p && !present.Contains(p)).Select(r => new CatalogueNode(r.Id, "?", r.Title, r.GuidingSentence, r.Description, []))];
    }
}
