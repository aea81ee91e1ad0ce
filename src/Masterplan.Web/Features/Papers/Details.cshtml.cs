using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>
/// A paper and where it stands: its Beratungsfolge with the meetings it is on and the results, its files, and the papers it
/// amends or is related to. Meetings and items the viewer may not see are left out (<see cref="MeetingViewer"/>).
/// </summary>
public sealed class DetailsModel(AppDbContext db, RecommendationTakeUps takeUps) : PageModel
{
    public PaperDto Paper { get; private set; } = null!;

    public IReadOnlyList<ConsultationView> Consultations { get; private set; } = [];

    public IReadOnlyList<AgendaPlace> OtherPlaces { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> AmendedBy { get; private set; } = [];

    public IReadOnlyList<(int Id, string? Reference, string Name)> Related { get; private set; } = [];

    public IReadOnlyList<PaperFile> Files { get; private set; } = [];

    /// <summary>The recommendations this paper took up that the viewer may see.</summary>
    public IReadOnlyList<Shared.LinkTarget> TookUp { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().Where(p => p.Id == id).ToDto().FirstOrDefaultAsync(ct);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        AmendedBy = (await db.Papers.AsNoTracking().Where(p => p.AmendsPaperId == id).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        // A relation is stored once, from the paper whose form named it; both papers show it.
        var related = await db.PaperRelations.AsNoTracking().Where(r => r.PaperId == id || r.RelatedPaperId == id)
            .Select(r => r.PaperId == id ? r.RelatedPaperId : r.PaperId).Distinct().ToListAsync(ct);
        Related = (await db.Papers.AsNoTracking().Where(p => related.Contains(p.Id)).OrderBy(p => p.Date).Select(p => new { p.Id, p.Reference, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Reference, p.Name)).ToList();
        Files = await db.PaperFiles.AsNoTracking().Where(f => f.PaperId == id).OrderBy(f => f.Id).ToListAsync(ct);
        (Consultations, OtherPlaces) = await Beratungsfolge.LoadAsync(db, id, await MeetingViewer.OfAsync(db, User, ct), ct);
        TookUp = await takeUps.TakenUpByAsync(new Shared.LinkRef(Shared.LinkKind.Paper, id), User, ct);
        return Page();
    }
}
