using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>The measures of the catalogue, filtered by field, district and status (docs/domain.md#public-catalogue); the Office also sees non-public ones.</summary>
public sealed class MeasureListModel(AppDbContext db, CatalogueTree tree, Measures measures) : PageModel
{
    public sealed record Row(Measure Measure, string Number, string Field);

    public const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>All measures that match the filters (the page shows <see cref="PageSize"/> of them).</summary>
    public int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The query string of the current filters, for the page links.</summary>
    public string FilterQuery => string.Join("&", new[] { Field is { } f ? $"feld={f}" : null, District is { } d ? $"bezirk={d}" : null, Status is { } s ? $"status={s}" : null }.Where(x => x is not null));

    public IReadOnlyList<CatalogueNode> Nodes { get; private set; } = [];

    public IReadOnlyList<District> Districts { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "feld")]
    public int? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "bezirk")]
    public int? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public MeasureStatus? Status { get; set; }

    public bool IsOffice => User.IsInRole(Roles.Office);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).ToList();
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        var query = await measures.FilterAsync(publicOnly: !IsOffice, Field, District, Status, ct);
        var nodes = Nodes.ToDictionary(n => n.Id);
        string NumberOf(int node) => nodes.TryGetValue(node, out var n) ? n.Number : "–";

        // Ordered by catalogue number, which the database does not know: the nodes come in catalogue order, so their
        // position is the sort key; sort the keys, then load one page.
        var rank = Nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var keys = (await query.Select(m => new { m.Id, m.FieldOfActionId, m.Title }).ToListAsync(ct))
            .OrderBy(k => rank.GetValueOrDefault(k.FieldOfActionId, int.MaxValue)).ThenBy(k => k.Title, StringComparer.CurrentCulture).ThenBy(k => k.Id).ToList();
        Total = keys.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var ids = keys.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(k => k.Id).ToList();
        var page = await db.Measures.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        Rows = ids.Select(id => page[id])
            .Select(m => new Row(m, NumberOf(m.FieldOfActionId), nodes.TryGetValue(m.FieldOfActionId, out var t) ? t.Title : "–")).ToList();
    }
}

/// <summary>Orders catalogue numbers like 1.2 before 1.10.</summary>
public sealed class NumberComparer : IComparer<string>
{
    public static readonly NumberComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var p) && int.TryParse(b[i], out var q) ? p.CompareTo(q) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
