using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Participation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>One measure for the public: status, progress, budget, dates, places, units, status updates, source; no staff names.</summary>
public sealed class MeasureDetailsModel(AppDbContext db, CatalogueTree tree, TimeProvider time, Shared.Links links, Meetings.RecommendationTakeUps takeUps) : PageModel
{
    public Measure Measure { get; private set; } = null!;

    public CatalogueNode? Node { get; private set; }

    public IReadOnlyList<string> DistrictNames { get; private set; } = [];

    public IReadOnlyList<string> UnitNames { get; private set; } = [];

    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>How many published contributions of residents led to this measure (shown with a link to their way).</summary>
    public int FromContributions { get; private set; }

    /// <summary>The agenda item, recommendation or paper linked as the source, if the viewer may see it.</summary>
    public Shared.LinkTarget? SourceLink { get; private set; }

    /// <summary>Recommendations this measure took up, other than its source.</summary>
    public IReadOnlyList<Shared.LinkTarget> Implements { get; private set; } = [];

    public bool IsOffice => User.IsInRole(Roles.Office);

    /// <summary>The Quartierslabore whose recommendations became this measure: the source as a link, not only as text.</summary>
    public IReadOnlyList<(int Id, string Title)> FromLabs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().Include(m => m.Districts).Include(m => m.Units).Include(m => m.Updates).Include(m => m.Milestones).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id && (m.IsPublic || IsOffice), ct);
        if (measure is null)
        {
            return NotFound();
        }

        Measure = measure;
        Node = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).FirstOrDefault(n => n.Id == measure.FieldOfActionId);
        var districts = measure.Districts.Select(d => d.DistrictId).ToList();
        DistrictNames = await db.Districts.Where(d => districts.Contains(d.Id)).OrderBy(d => d.Position).Select(d => d.Name).ToListAsync(ct);
        var units = measure.Units.Select(u => u.OrganizationId).ToList();
        UnitNames = await db.Organizations.Where(o => units.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
        Indicators = await IndicatorView.LoadAsync(db, db.Indicators.Where(i => i.MeasureId == id), IsOffice, ct);
        Today = Shared.CityTime.Today(time);
        FromContributions = measure.IsPublic ? await TakenUp.ForMeasure(db, id).CountAsync(ct) : 0;
        FromLabs = [.. (await db.Labs.AsNoTracking().Where(l => db.Set<LabRecommendation>().Any(r => r.LabId == l.Id && r.MeasureId == id))
            .OrderBy(l => l.Year).ThenBy(l => l.Quarter).Select(l => new { l.Id, l.Title }).ToListAsync(ct)).Select(l => (l.Id, l.Title))];
        if (measure.SourceLink is { } source)
        {
            SourceLink = (await links.ResolveAsync([source], User, ct)).GetValueOrDefault(source);
        }

        Implements = [.. (await takeUps.TakenUpByAsync(new(Shared.LinkKind.Measure, id), User, ct)).Where(t => t.Ref != measure.SourceLink)];
        return Page();
    }
}
