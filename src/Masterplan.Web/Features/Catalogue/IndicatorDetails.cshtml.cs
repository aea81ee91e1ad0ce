using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>One indicator for the public: definition, source, baseline, target, status with its rule, chart and data table.</summary>
public sealed class IndicatorDetailsModel(AppDbContext db, CatalogueTree tree) : PageModel
{
    public IndicatorView View { get; private set; } = null!;

    public CatalogueNode? Node { get; private set; }

    public string? MeasureTitle { get; private set; }

    /// <summary>The body that keeps the indicator (003), if one does.</summary>
    public (int Id, string Name)? Body { get; private set; }

    /// <summary>The external number when the measure belongs to masterplan 1.0: the figure is history.</summary>
    public string? FirstPlanNumber { get; private set; }

    public bool IsOffice => User.IsInRole(Roles.Office);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = (await IndicatorView.LoadAsync(db, db.Indicators.Where(i => i.Id == id), IsOffice, ct)).FirstOrDefault();
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Node = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).FirstOrDefault(n => n.Id == view.Indicator.FieldOfActionId);
        if (view.Indicator.MeasureId is { } measure)
        {
            var found = await db.Measures.Where(m => m.Id == measure && (m.IsPublic || IsOffice)).Select(m => new { m.Title, m.PlanEdition, m.ExternalNumber }).FirstOrDefaultAsync(ct);
            MeasureTitle = found?.Title;
            FirstPlanNumber = found is { PlanEdition: 1 } ? found.ExternalNumber ?? "–" : null;
        }

        Body = (await BodyTargets.KeepersAsync(db, [view.Indicator], ct))(view.Indicator);

        return Page();
    }
}
