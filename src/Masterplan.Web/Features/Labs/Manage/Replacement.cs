using System.Globalization;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The last step of the draw page: a panel member cancels and the next fitting reserve moves up.</summary>
public sealed class Replacement(AppDbContext db, TimeProvider time)
{
    /// <summary>
    /// A panel member cancelled: the first reserve with whom the group still meets every quota moves up
    /// (<see cref="PanelSelection.FindReplacement"/>, the rule of the reserve list).
    /// </summary>
    public async Task<Outcome> ReplaceAsync(int labId, string? respondentId, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        var selection = await db.PanelSelections.Include(s => s.Outcomes).FirstOrDefaultAsync(s => s.LabId == labId, ct);
        if (selection is null || lab.State is not (LabState.RegistrationOpen or LabState.PanelSelected))
        {
            return Outcome.Invalid("", "Nachrücken ist möglich, wenn die Teilnehmenden ausgelost sind und das Labor noch nicht stattgefunden hat.");
        }

        var dropout = selection.Outcomes.FirstOrDefault(o => o.RespondentId == respondentId && o.Participates);
        if (dropout is null)
        {
            return Outcome.Invalid("", "Diese Person gehört nicht zu den Teilnehmenden.");
        }

        var registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == labId).ToListAsync(ct);
        var (quotas, _) = LabQuotas.Parse(selection.Quotas);
        var problem = new SortitionProblem(PanelDrawing.Respondents(lab, registrations), quotas, selection.PanelSize);
        var panel = selection.Outcomes.Where(o => o.Participates).Select(o => o.RespondentId).ToList();
        var reserve = selection.Outcomes.Where(o => o.ReserveRank is not null && !o.OnPanel && o.ReplacesRespondentId is null).OrderBy(o => o.ReserveRank).Select(o => o.RespondentId).ToList();
        var next = PanelSelection.FindReplacement(problem, panel, reserve, dropout.RespondentId);
        dropout.DroppedOutAt = time.GetUtcNow();
        if (next is not null)
        {
            selection.Outcomes.Single(o => o.RespondentId == next).ReplacesRespondentId = dropout.RespondentId;
        }

        db.Audit("lab.panel.dropout", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture), new { dropout = dropout.RespondentId, replacement = next });
        await db.SaveChangesAsync(ct);
        return next is null
            ? Outcome.Invalid("", "{0} ist als abgesagt vermerkt. Niemand auf der Nachrückliste erfüllt mit der übrigen Gruppe alle Quoten; der Platz bleibt frei.", dropout.RespondentId)
            : Outcome.Done;
    }
}
