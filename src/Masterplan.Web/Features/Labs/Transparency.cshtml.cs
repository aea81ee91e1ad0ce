using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// The transparency page of a lab's two draws (docs/domain.md#draw-transparency): seeds, methods, input hashes, the number of panels and
/// the spread of the selection probabilities as a table — and no personal data, not even pseudonyms.
/// </summary>
public sealed class TransparencyModel(AppDbContext db) : PageModel
{
    public const int Bins = 10;

    public NeighbourhoodLab Lab { get; private set; } = null!;

    public InviteeDrawRecord? Draw { get; private set; }

    public PanelSelectionRecord? Selection { get; private set; }

    public int Registrations { get; private set; }

    /// <summary>Per probability band [i/10, (i+1)/10): how many respondents; the last band includes 1.</summary>
    public int[] Histogram { get; private set; } = new int[Bins];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lab is null)
        {
            return NotFound();
        }

        Lab = lab;
        Draw = await db.InviteeDraws.AsNoTracking().FirstOrDefaultAsync(d => d.LabId == id, ct);
        Selection = await db.PanelSelections.AsNoTracking().FirstOrDefaultAsync(s => s.LabId == id, ct);
        Registrations = await db.LabInvitations.CountAsync(i => i.LabId == id && i.UsedAt != null, ct);
        if (Selection is not null)
        {
            var probabilities = await db.PanelOutcomes.AsNoTracking().Where(o => o.SelectionId == Selection.Id).Select(o => o.Probability).ToListAsync(ct);
            foreach (var p in probabilities)
            {
                Histogram[Math.Clamp((int)Math.Floor(p * Bins + 1e-9), 0, Bins - 1)]++;
            }
        }

        return Page();
    }
}
