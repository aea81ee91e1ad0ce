using Masterplan.Web.Data;
using Masterplan.Web.Features.Labs.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Algorithms.Disclosure;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// The public page of a lab's two draws (docs/domain.md#draw-transparency) in plain words: one sentence from the register extract to the
/// panel with the least chance a registered person had, the panel next to all registered people by the quota categories, the spread of
/// the chances — and, folded away "für Fachleute", the seeds, methods and input hashes to replay it. No personal data, not even pseudonyms.
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

    /// <summary>Per quota line: how many of all registered people and how many of the panel have the value; empty once the registrations are deleted.</summary>
    public IReadOnlyList<CompositionRow> Composition { get; private set; } = [];

    /// <summary>
    /// One category value: how many among the registered people and in the panel (null where a small count is suppressed), and the
    /// quota the draw kept.
    /// </summary>
    public sealed record CompositionRow(string Category, string Value, int? Registered, int RegisteredTotal, int? Panel, int PanelTotal, int Min, int Max);

    /// <summary>
    /// The composition table with small cells suppressed per category (<see cref="SmallCells"/>): a count from 1 to 4 could point
    /// at a person (the only registered person of an age band in a quarter). The people without any of the
    /// category's quota values form one more, unshown cell: the total minus the shown counts would otherwise give it away.
    /// </summary>
    public static List<CompositionRow> Compose(IReadOnlyList<Masterplan.Algorithms.Sortition.Quota> quotas,
        IReadOnlyList<IReadOnlyDictionary<string, string>> registered, IReadOnlyList<IReadOnlyDictionary<string, string>> panel)
    {
        var rows = new List<CompositionRow>();
        foreach (var category in quotas.GroupBy(q => q.Category))
        {
            var values = category.ToList();
            int?[] Counts(IReadOnlyList<IReadOnlyDictionary<string, string>> people)
            {
                var counts = values.Select(q => people.Count(p => p.GetValueOrDefault(q.Category) == q.Value)).ToList();
                counts.Add(people.Count - counts.Sum());
                var hidden = SmallCells.Suppress(counts);
                return [.. values.Select((_, i) => hidden[i] ? (int?)null : counts[i])];
            }

            var inPool = Counts(registered);
            var inPanel = Counts(panel);
            rows.AddRange(values.Select((q, i) => new CompositionRow(q.Category, q.Value, inPool[i], registered.Count, inPanel[i], panel.Count, q.Min, q.Max)));
        }

        return rows;
    }

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
            var outcomes = await db.PanelOutcomes.AsNoTracking().Where(o => o.SelectionId == Selection.Id).Select(o => new { o.RespondentId, o.Probability, o.OnPanel }).ToListAsync(ct);
            foreach (var o in outcomes)
            {
                Histogram[Math.Clamp((int)Math.Floor(o.Probability * Bins + 1e-9), 0, Bins - 1)]++;
            }

            // Only counts leave this method: the registrations' answers are read to count them, never shown.
            var registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == id).ToListAsync(ct);
            if (registrations.Count > 0)
            {
                var pool = PanelDrawing.Respondents(lab, registrations);
                var onPanel = outcomes.Where(o => o.OnPanel).Select(o => o.RespondentId).ToHashSet(StringComparer.Ordinal);
                var panel = pool.Where(r => onPanel.Contains(r.Id)).ToList();
                var (quotas, _) = LabQuotas.Parse(Selection.Quotas);
                Composition = Compose(quotas, pool.Select(r => r.Features).ToList(), panel.Select(r => r.Features).ToList());
            }
        }

        return Page();
    }
}
