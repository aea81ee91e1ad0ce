using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>The measures of the catalogue, filtered by field, district and status (issue 6 §6); the Office also sees non-public ones.</summary>
public sealed class MeasureListModel(AppDbContext db, CatalogueTree tree, Measures measures) : PageModel
{
    public sealed record Row(Measure Measure, string Number, string Field);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

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
        var list = await query.ToListAsync(ct);
        var nodes = Nodes.ToDictionary(n => n.Id);
        Rows = list.Select(m => new Row(m, nodes.TryGetValue(m.FieldOfActionId, out var n) ? n.Number : "–", nodes.TryGetValue(m.FieldOfActionId, out var t) ? t.Title : "–"))
            .OrderBy(r => r.Number, NumberComparer.Instance).ThenBy(r => r.Measure.Title, StringComparer.CurrentCulture).ToList();
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
