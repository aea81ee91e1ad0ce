using System.Globalization;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Labs.Manage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Labs;

/// <summary>What a replay found: what it checked and every difference.</summary>
public sealed record ReplayReport(IReadOnlyList<string> Checked, IReadOnlyList<string> Differences)
{
    public bool Matches => Differences.Count == 0;
}

/// <summary>
/// Recomputes a lab's two draws from the stored inputs and seeds and compares them with what was stored
/// (docs/domain.md#draw-transparency: anyone with the inputs can replay the draw). Used by <c>masterplan sortition replay --lab</c>.
/// </summary>
public sealed class LabReplay(AppDbContext db, RegisterImport register, IOptions<LabsOptions> options)
{
    private const double Tolerance = 1e-6;

    public async Task<ReplayReport?> ReplayAsync(int labId, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == labId, ct);
        if (lab is null)
        {
            return null;
        }

        var checkedItems = new List<string>();
        var differences = new List<string>();
        var draw = await db.InviteeDraws.AsNoTracking().FirstOrDefaultAsync(d => d.LabId == labId, ct);
        if (draw is null)
        {
            checkedItems.Add("Stufe 1: noch nicht gelost.");
        }
        else if (await register.LoadExtractAsync(labId, ct) is not { } extract)
        {
            checkedItems.Add("Stufe 1: der Melderegister-Auszug ist gelöscht; nachrechnen lässt sich die Auslosung nur mit einer Kopie des Auszugs (masterplan sortition replay --register).");
        }
        else
        {
            var result = InviteeDraw.Draw(extract, draw.Count, draw.Method == "stratified" ? SamplingMethod.Stratified : SamplingMethod.Simple, draw.ReferenceDate, draw.Seed);
            if (result.InputSha256 != draw.InputHash)
            {
                differences.Add($"Stufe 1: der Eingabe-Hash ist {result.InputSha256}, gespeichert ist {draw.InputHash}.");
            }

            var stored = await db.LabInvitations.AsNoTracking().Where(i => i.LabId == labId).OrderBy(i => i.RowIndex).Select(i => i.RowIndex).ToListAsync(ct);
            if (!stored.SequenceEqual(result.Invitees))
            {
                differences.Add($"Stufe 1: {stored.Count} Eingeladene gespeichert, {result.Invitees.Count} nachgerechnet; {stored.Except(result.Invitees).Count()} gespeicherte fehlen in der Nachrechnung.");
            }

            checkedItems.Add(string.Create(CultureInfo.InvariantCulture, $"Stufe 1: {result.Invitees.Count} von {extract.Count} nachgerechnet, Seed „{draw.Seed}“, Hash {result.InputSha256}."));
        }

        var selection = await db.PanelSelections.AsNoTracking().Include(s => s.Outcomes).FirstOrDefaultAsync(s => s.LabId == labId, ct);
        if (selection is null)
        {
            checkedItems.Add("Stufe 2: noch nicht ausgelost.");
        }
        else
        {
            var registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == labId).ToListAsync(ct);
            if (registrations.Count == 0)
            {
                checkedItems.Add("Stufe 2: die Anmeldungen sind gelöscht; die Auslosung lässt sich nicht mehr nachrechnen.");
            }
            else
            {
                var pool = PanelDrawing.Respondents(lab, registrations);
                var (quotas, _) = LabQuotas.Parse(selection.Quotas);
                var hash = PanelDrawing.SelectionInputHash(pool, quotas, selection.PanelSize, selection.Algorithm);
                if (hash != selection.InputHash)
                {
                    differences.Add($"Stufe 2: der Eingabe-Hash ist {hash}, gespeichert ist {selection.InputHash}.");
                }

                SelectionResult result;
                try
                {
                    result = PanelSelection.Select(new SortitionProblem(pool, quotas, selection.PanelSize),
                        selection.Algorithm == "legacy" ? SortitionAlgorithm.Legacy : SortitionAlgorithm.Leximin, selection.Seed, PanelDrawing.Options(options.Value), ct);
                }
                catch (LeximinLimitException)
                {
                    differences.Add("Stufe 2: LEXIMIN hat an seiner Grenze aufgehört; die Auslosung ließ sich mit diesen Einstellungen nicht nachrechnen.");
                    return new ReplayReport(checkedItems, differences);
                }

                var storedPanel = selection.Outcomes.Where(o => o.OnPanel).Select(o => o.RespondentId).Order(StringComparer.Ordinal).ToList();
                if (!storedPanel.SequenceEqual(result.Panel.Order(StringComparer.Ordinal)))
                {
                    differences.Add($"Stufe 2: das Panel weicht ab (gespeichert {string.Join(", ", storedPanel)}; nachgerechnet {string.Join(", ", result.Panel.Order(StringComparer.Ordinal))}).");
                }

                var storedReserve = selection.Outcomes.Where(o => o.ReserveRank is not null).OrderBy(o => o.ReserveRank).Select(o => o.RespondentId).ToList();
                if (!storedReserve.SequenceEqual(result.Reserve))
                {
                    differences.Add("Stufe 2: die Nachrückliste weicht ab.");
                }

                var probabilities = selection.Outcomes.ToDictionary(o => o.RespondentId, o => o.Probability, StringComparer.Ordinal);
                var off = result.Probabilities.Count(p => !probabilities.TryGetValue(p.Id, out var v) || Math.Abs(v - p.Probability) > Tolerance);
                if (off > 0)
                {
                    differences.Add($"Stufe 2: {off} Auswahlwahrscheinlichkeiten weichen um mehr als {Tolerance.ToString(CultureInfo.InvariantCulture)} ab.");
                }

                checkedItems.Add($"Stufe 2: {selection.Algorithm.ToUpperInvariant()}, Panel von {result.Panel.Count} aus {pool.Count}, Seed „{selection.Seed}“, Hash {hash}.");
            }
        }

        return new ReplayReport(checkedItems, differences);
    }
}
