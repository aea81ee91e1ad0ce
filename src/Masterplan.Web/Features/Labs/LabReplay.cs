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

                var recorded = selection.Outcomes.Select(o => new RecordedOutcome(o.RespondentId, o.Probability, o.OnPanel, o.ReserveRank)).ToList();
                if (ComparePanel(pool, quotas, selection.PanelSize, selection.Algorithm, selection.Seed, recorded, PanelDrawing.Options(options.Value), differences, ct) is not { } result)
                {
                    return new ReplayReport(checkedItems, differences);
                }

                checkedItems.Add($"Stufe 2: {selection.Algorithm.ToUpperInvariant()}, Panel von {result.Panel.Count} aus {pool.Count}, Seed „{selection.Seed}“, Hash {hash}.");
            }
        }

        return new ReplayReport(checkedItems, differences);
    }

    /// <summary>Stage 1 without the register: splits N over the published strata again with the seed and compares every stratum's number.</summary>
    /// <remarks>The allocation is the first use of the seeded generator in <see cref="InviteeDraw.Draw"/>, so it replays from the counts alone.</remarks>
    public static void CompareAllocation(IReadOnlyList<(string Stratum, int Population, int Invited)> strata, int count, string seed, List<string> differences)
    {
        int[] allocation;
        try
        {
            allocation = InviteeDraw.Allocate([.. strata.Select(s => s.Population)], count, new Masterplan.Algorithms.Random.SeededRandom(seed));
        }
        catch (ArgumentException e)
        {
            differences.Add($"Stufe 1: die Schichten lassen sich nicht aufteilen: {e.Message}");
            return;
        }

        for (var i = 0; i < strata.Count; i++)
        {
            if (allocation[i] != strata[i].Invited)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"Stufe 1: Schicht „{strata[i].Stratum}“: veröffentlicht {strata[i].Invited} eingeladen, nachgerechnet {allocation[i]}."));
            }
        }
    }

    /// <summary>
    /// Stage 2: selects again from the pool with the seed and compares panel, reserve list and every probability with the recorded
    /// outcome, naming each pseudonym that differs. Null when the selection could not be computed (a difference says why).
    /// </summary>
    public static SelectionResult? ComparePanel(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize, string algorithm, string seed,
        IReadOnlyList<RecordedOutcome> recorded, SelectionOptions options, List<string> differences, CancellationToken ct)
    {
        SelectionResult result;
        try
        {
            result = PanelSelection.Select(new SortitionProblem(pool, quotas, panelSize), algorithm == "legacy" ? SortitionAlgorithm.Legacy : SortitionAlgorithm.Leximin, seed, options, ct);
        }
        catch (LeximinLimitException)
        {
            differences.Add("Stufe 2: LEXIMIN hat an seiner Grenze aufgehört; die Auslosung ließ sich mit diesen Einstellungen nicht nachrechnen.");
            return null;
        }
        catch (Exception e) when (e is SortitionInputException or InfeasibleQuotasException or InvalidOperationException)
        {
            differences.Add($"Stufe 2: die Auslosung lässt sich mit diesen Eingaben nicht nachrechnen: {e.Message}");
            return null;
        }

        var storedPanel = recorded.Where(o => o.OnPanel).Select(o => o.RespondentId).Order(StringComparer.Ordinal).ToList();
        var panel = result.Panel.Order(StringComparer.Ordinal).ToList();
        if (!storedPanel.SequenceEqual(panel))
        {
            differences.Add($"Stufe 2: das Panel weicht ab: nur veröffentlicht {List(storedPanel.Except(panel))}; nur nachgerechnet {List(panel.Except(storedPanel))}.");
        }

        var storedReserve = recorded.Where(o => o.ReserveRank is not null).OrderBy(o => o.ReserveRank).Select(o => o.RespondentId).ToList();
        if (!storedReserve.SequenceEqual(result.Reserve))
        {
            var first = Enumerable.Range(0, Math.Max(storedReserve.Count, result.Reserve.Count))
                .First(i => i >= storedReserve.Count || i >= result.Reserve.Count || storedReserve[i] != result.Reserve[i]);
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"Stufe 2: die Nachrückliste weicht ab ab Platz {first + 1}: veröffentlicht {(first < storedReserve.Count ? storedReserve[first] : "keiner")}, nachgerechnet {(first < result.Reserve.Count ? result.Reserve[first] : "keiner")}."));
        }

        var probabilities = recorded.ToDictionary(o => o.RespondentId, o => o.Probability, StringComparer.Ordinal);
        var computed = result.Probabilities.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var off = result.Probabilities
            .Where(p => !probabilities.TryGetValue(p.Id, out var v) || !(Math.Abs(v - p.Probability) <= Tolerance))
            .Select(p => probabilities.TryGetValue(p.Id, out var v)
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Id}: veröffentlicht {v:F6}, nachgerechnet {p.Probability:F6}")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Id}: nicht veröffentlicht, nachgerechnet {p.Probability:F6}"))
            .Concat(probabilities.Keys.Where(id => !computed.Contains(id)).Select(id => $"{id}: veröffentlicht, aber nicht im Pool"))
            .ToList();
        if (off.Count > 0)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"Stufe 2: {off.Count} Auswahlwahrscheinlichkeiten weichen um mehr als {Tolerance} ab: {string.Join("; ", off.Take(10))}{(off.Count > 10 ? $"; … und {off.Count - 10} weitere" : "")}."));
        }

        return result;
    }

    private static string List(IEnumerable<string> ids) => ids.ToList() is { Count: > 0 } list ? string.Join(", ", list) : "keiner";
}

/// <summary>One respondent's outcome as recorded or published: the pseudonym, the probability, on the panel, the place on the reserve list.</summary>
public sealed record RecordedOutcome(string RespondentId, double Probability, bool OnPanel, int? ReserveRank);
