using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>All indicators with their latest value and status against target (docs/domain.md#indicators, docs/domain.md#public-catalogue); the Office also sees non-public ones.</summary>
public sealed class IndicatorListModel(AppDbContext db, CatalogueTree tree, Indicators indicators) : PageModel
{
    /// <param name="FirstPlan">A key figure of a measure of masterplan 1.0: history, marked as such.</param>
    /// <param name="Body">The body that keeps the indicator (003: the Sonderstab and its sub-groups), if one does.</param>
    public sealed record Row(Indicator Indicator, string Field, IndicatorAssessment Assessment, bool FirstPlan, (int Id, string Name)? Body = null);

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

        var assessed = await indicators.AssessAsync(query, null, ct);
        var nodes = Nodes.ToDictionary(n => n.Id);
        var measureIds = assessed.Select(a => a.Indicator.MeasureId).OfType<int>().Distinct().ToList();
        var firstPlan = (await db.Measures.Where(m => measureIds.Contains(m.Id) && m.PlanEdition == 1).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        var keeper = await BodyTargets.KeepersAsync(db, assessed.Select(a => a.Indicator), ct);
        Rows = assessed
            .Select(a => new Row(a.Indicator, nodes.TryGetValue(a.Indicator.FieldOfActionId, out var n) ? $"{n.Number} {n.Title}" : "–", a.Assessment,
                a.Indicator.MeasureId is { } m && firstPlan.Contains(m),
                keeper(a.Indicator)))
            .Where(r => Status is null || r.Assessment.Status == Status)
            .OrderBy(r => r.Field, NumberComparer.Instance).ThenBy(r => r.Indicator.Name, StringComparer.CurrentCulture).ToList();
    }
}
