using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>All indicators with their latest value and status against target (issue 6 §3, §6); the Office also sees non-public ones.</summary>
public sealed class IndicatorListModel(AppDbContext db, CatalogueTree tree) : PageModel
{
    public sealed record Row(Indicator Indicator, string Field, IndicatorAssessment Assessment);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<CatalogueNode> Nodes { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "feld")]
    public int? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public IndicatorStatus? Status { get; set; }

    public bool IsOffice => User.IsInRole(Roles.Office);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var fields = await tree.LoadAsync(ct);
        Nodes = fields.SelectMany(n => n.SelfAndDescendants()).ToList();
        var query = db.Indicators.AsNoTracking().Where(i => i.IsPublic || IsOffice);
        if (Field is { } f && Nodes.FirstOrDefault(n => n.Id == f) is { } node)
        {
            var ids = node.SelfAndDescendants().Select(n => n.Id).ToList();
            query = query.Where(i => ids.Contains(i.FieldOfActionId));
        }

        var indicators = await query.ToListAsync(ct);
        var ids2 = indicators.Select(i => i.Id).ToList();
        // Only the latest value of each indicator decides its status.
        var latest = (await db.IndicatorValues.AsNoTracking().Where(v => ids2.Contains(v.IndicatorId))
                .GroupBy(v => v.IndicatorId).Select(g => g.OrderByDescending(v => v.Date).First()).ToListAsync(ct))
            .ToDictionary(v => v.IndicatorId);
        var nodes = Nodes.ToDictionary(n => n.Id);
        Rows = indicators
            .Select(i => new Row(i, nodes.TryGetValue(i.FieldOfActionId, out var n) ? $"{n.Number} {n.Title}" : "–",
                Indicators.Assess(i, latest.TryGetValue(i.Id, out var v) ? [v] : [])))
            .Where(r => Status is null || r.Assessment.Status == Status)
            .OrderBy(r => r.Field, NumberComparer.Instance).ThenBy(r => r.Indicator.Name, StringComparer.CurrentCulture).ToList();
    }
}
