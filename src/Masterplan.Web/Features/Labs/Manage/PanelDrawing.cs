using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>
/// The fourth step of the draw page: the Office selects the panel from the registrations (LEXIMIN or LEGACY) and stores
/// the result by pseudonym. Also the pool and the input hash that the replacement and the replay use.
/// </summary>
public sealed class PanelDrawing(AppDbContext db, TimeProvider time, IOptions<LabsOptions> options)
{
    // Said where it is checked first and again where the unique index catches a simultaneous second attempt.
    private const string AlreadySelected = "Die Teilnehmenden sind schon ausgelost. Eine Auslosung wird nicht wiederholt.";

    /// <summary>
    /// The selection options every lab uses. LEGACY's runs are fixed so that a replay gets the same estimate; LEXIMIN's
    /// limits come from the settings: they can only stop a computation, never change its result.
    /// </summary>
    public static SelectionOptions Options(LabsOptions labs) => new()
    {
        LegacyRuns = 1_000,
        Leximin = new LeximinSettings { MaxRounds = labs.LeximinMaxRounds, TimeLimit = labs.LeximinTimeLimit },
    };

    /// <summary>
    /// The pool for stage 2: every registration as a respondent with its quota values, in registration order. Gender is
    /// stored as a code; the quota lines name its German word ("Geschlecht; weiblich; 4; 6"), so the pool uses the word.
    /// </summary>
    public static IReadOnlyList<Respondent> Respondents(NeighbourhoodLab lab, IReadOnlyList<LabRegistration> registrations)
    {
        var categories = LabCategories.Parse(lab.Categories).Categories;
        return registrations.OrderBy(r => r.Id).Select(r =>
        {
            var answers = (r.Answers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).Where(a => a.Length == 2).ToDictionary(a => a[0], a => a[1]);
            var features = new Dictionary<string, string> { [LabsModule.AgeCategory] = r.AgeBand, [LabsModule.GenderCategory] = LabsModule.GenderLabel(r.Gender) };
            foreach (var (name, _) in categories)
            {
                features[name] = answers.GetValueOrDefault(name) ?? LabsModule.NoAnswer;
            }

            return new Respondent(r.RespondentId, features);
        }).ToList();
    }

    /// <summary>SHA-256 of the canonical stage-2 input: algorithm, panel size, quotas and the pool (pseudonyms and their values).</summary>
    public static string SelectionInputHash(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize, string algorithm)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"masterplan lab panel v1\nalgorithm: {algorithm}\npanel: {panelSize}\n");
        foreach (var q in quotas)
        {
            text.Append(CultureInfo.InvariantCulture, $"quota\t{q.Category}\t{q.Value}\t{q.Min}\t{q.Max}\n");
        }

        foreach (var r in pool)
        {
            text.Append(r.Id);
            foreach (var (k, v) in r.Features.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append('\t').Append(k).Append('=').Append(v);
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString().Normalize(NormalizationForm.FormC))));
    }

    /// <summary>
    /// Everything the Office can be told before the solver runs: the lab's state, the form's values, the quotas against
    /// the registrations, and (with <paramref name="feasibility"/>) whether any panel meets the quotas at all, with the
    /// smallest relaxation if not. The draw page asks this before it starts the draw in the background.
    /// </summary>
    public async Task<(Outcome Result, IReadOnlyList<FieldError> Relaxation, PanelInput? Input)> CheckAsync(int labId, int? panelSize, string? quotasText, string? algorithm, string? seed, string? seedAct,
        bool feasibility, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        var errors = new FieldErrors();
        if (lab.State != LabState.RegistrationOpen)
        {
            errors.Add("", "Ausgelost wird, während die Anmeldung offen ist; danach steht das Ergebnis fest.");
        }

        if (await db.PanelSelections.AnyAsync(s => s.LabId == labId, ct))
        {
            errors.Add("", AlreadySelected);
        }

        if (algorithm is not ("leximin" or "legacy"))
        {
            errors.Add("", "Bitte wählen Sie das Verfahren: LEXIMIN oder LEGACY.");
        }

        DrawSeed.Check(errors, seed, "Bitte geben Sie den Startwert (Seed) an, der in einem öffentlichen Akt bestimmt wurde.");
        if (seedAct?.Trim().Length > 1000)
        {
            errors.Add("", "Die Angabe zum öffentlichen Akt ist länger als {0} Zeichen.", 1000);
        }

        if (panelSize is null)
        {
            errors.Add("", "Bitte geben Sie an, wie viele Teilnehmende ausgelost werden.");
        }

        var (quotas, quotaErrors) = LabQuotas.Parse(quotasText);
        errors.AddRange(quotaErrors);
        var registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == labId).ToListAsync(ct);
        var pool = Respondents(lab, registrations);
        if (pool.Count == 0)
        {
            errors.Add("", "Es liegen keine Anmeldungen vor.");
        }

        if (errors.Count == 0)
        {
            errors.AddRange(LabQuotas.Check(pool, quotas, panelSize!.Value));
        }

        if (errors.Count > 0)
        {
            return (Outcome.From(errors), [], null);
        }

        if (feasibility)
        {
            try
            {
                if (QuotaRelaxation.Explain(new SortitionProblem(pool, quotas, panelSize!.Value)) is { } report)
                {
                    return Infeasible(report);
                }
            }
            catch (SortitionInputException e)
            {
                return (InputProblems(e), [], null);
            }
        }

        return (Outcome.Done, [], new PanelInput(lab, pool, quotas, panelSize!.Value, algorithm!));
    }

    /// <summary>
    /// Stage 2: selects the panel from the registrations with LEXIMIN or LEGACY and stores algorithm, seed, quotas,
    /// input hash, the number of panels, every respondent's probability, the panel and the ordered reserve list.
    /// LEXIMIN reports its stages to <paramref name="progress"/> and stops when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<(Outcome Result, IReadOnlyList<FieldError> Relaxation)> SelectAsync(int labId, int? panelSize, string? quotasText, string? algorithm, string? seed, string? seedAct, CancellationToken ct,
        IProgress<LeximinProgress>? progress = null)
    {
        var (checkedResult, _, input) = await CheckAsync(labId, panelSize, quotasText, algorithm, seed, seedAct, feasibility: false, ct);
        if (input is null)
        {
            return (checkedResult, []);
        }

        var (lab, pool, quotas, _, _) = input;
        var algo = algorithm == "legacy" ? SortitionAlgorithm.Legacy : SortitionAlgorithm.Leximin;
        SelectionResult result;
        try
        {
            result = PanelSelection.Select(new SortitionProblem(pool, quotas, panelSize!.Value), algo, seed!.Trim(), Options(options.Value), progress, ct);
        }
        catch (InfeasibleQuotasException e)
        {
            var (message, relaxation, _) = Infeasible(e.Report);
            return (message, relaxation);
        }
        catch (LeximinLimitException e)
        {
            // Nothing is stored: a lottery whose fairness is not proven is no result.
            return (Outcome.Invalid([LimitMessage(e.Limit, options.Value)]), []);
        }
        catch (SortitionInputException e)
        {
            return (InputProblems(e), []);
        }

        var record = new PanelSelectionRecord
        {
            LabId = labId, Algorithm = algorithm!, Seed = result.Seed, PanelSize = panelSize!.Value,
            Quotas = string.Join('\n', quotas.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Category}; {q.Value}; {q.Min}; {q.Max}"))),
            InputHash = SelectionInputHash(pool, quotas, panelSize.Value, algorithm!), Respondents = pool.Count, PanelCount = result.PanelCount,
            MinimumProbability = result.MinimumProbability, MedianProbability = result.MedianProbability, MaximumProbability = result.MaximumProbability,
            SelectedAt = time.GetUtcNow(), SeedAct = string.IsNullOrWhiteSpace(seedAct) ? null : seedAct.Trim(),
            PublicInput = PublicDraw.FreezePool(pool, quotas, panelSize.Value, algorithm!),
        };
        var onPanel = result.Panel.ToHashSet(StringComparer.Ordinal);
        var reserveRank = result.Reserve.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i + 1, StringComparer.Ordinal);
        foreach (var p in result.Probabilities)
        {
            record.Outcomes.Add(new PanelOutcome { RespondentId = p.Id, Probability = p.Probability, OnPanel = onPanel.Contains(p.Id), ReserveRank = reserveRank.TryGetValue(p.Id, out var rank) ? rank : null });
        }

        db.PanelSelections.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return (Outcome.Invalid("", AlreadySelected), []);
        }

        return (Outcome.Done, []);
    }

    private static (Outcome, IReadOnlyList<FieldError>, PanelInput?) Infeasible(InfeasibilityReport report)
    {
        var relaxation = report.Relaxations
            .Select(r => new FieldError("", "{0} = {1}: {2} bis {3} → {4} bis {5}", r.Quota.Category, r.Quota.Value, r.Quota.Min, r.Quota.Max, r.RelaxedMin, r.RelaxedMax)).ToList();
        return (relaxation.Count > 0
            ? Outcome.Invalid("", "Keine Gruppe erfüllt alle Quoten zugleich. Die kleinste Lockerung, die eine Gruppe möglich macht (insgesamt {0} Plätze), steht unten.", report.TotalRelaxation)
            : Outcome.Invalid("", "Keine Gruppe erfüllt alle Quoten zugleich. Bitte lockern Sie die Quoten."), relaxation, null);
    }

    private static Outcome InputProblems(SortitionInputException e) =>
        Outcome.Invalid(e.Problems.Count > 0 ? e.Problems.Select(InputMessage) : e.Errors.Select(x => new FieldError("", "Die Eingaben passen nicht zusammen: {0}", x)));

    /// <summary>Why LEXIMIN stopped, as a resource key with the limit that stopped it.</summary>
    internal static FieldError LimitMessage(LeximinLimit limit, LabsOptions labs) => limit switch
    {
        LeximinLimit.RoundCap => new FieldError("", "LEXIMIN hat nach {0} Rechenrunden aufgehört, bevor die fairste Verlosung feststand. Es wurde nichts ausgelost und nichts gespeichert. Bitte verwenden Sie weniger Merkmale in den Quoten oder LEGACY, oder lassen Sie die Grenze (Labs:LeximinMaxRounds) erhöhen.", labs.LeximinMaxRounds),
        LeximinLimit.TimeLimit => new FieldError("", "LEXIMIN hat an seiner Zeitgrenze von {0} s aufgehört, bevor die fairste Verlosung feststand. Es wurde nichts ausgelost und nichts gespeichert. Bitte verwenden Sie weniger Merkmale in den Quoten oder LEGACY, oder lassen Sie die Grenze (Labs:LeximinTimeLimit) erhöhen.", (int)Math.Ceiling(labs.LeximinTimeLimit?.TotalSeconds ?? 0)),
        _ => new FieldError("", "LEXIMIN hat an seiner Grenze aufgehört, bevor die fairste Verlosung feststand. Es wurde nichts ausgelost und nichts gespeichert."),
    };

    /// <summary>A problem the algorithm library found in the selection input, as a resource key with the library's arguments.</summary>
    internal static FieldError InputMessage(SortitionInputError problem) => new("", problem.Code switch
    {
        SortitionInputCode.EmptyPool => "Es liegen keine Anmeldungen vor.",
        SortitionInputCode.PanelTooSmall => "Die Zahl der Teilnehmenden muss mindestens 1 sein.",
        SortitionInputCode.PanelLargerThanPool => "Es sollen {0} Teilnehmende ausgelost werden, angemeldet haben sich aber nur {1}.",
        SortitionInputCode.NoQuotas => "Bitte geben Sie die Quoten an, eine je Zeile.",
        SortitionInputCode.QuotaWithoutName => "Die Quote Nr. {0} nennt keine Kategorie oder keinen Wert.",
        SortitionInputCode.DuplicateQuota => "Für {0} = {1} gibt es zwei Quoten.",
        SortitionInputCode.NegativeMinimum => "Für {0} = {1} ist die Mindestzahl negativ ({2}).",
        SortitionInputCode.MinimumAboveMaximum => "Für {0} = {1} liegt die Mindestzahl {2} über der Höchstzahl {3}.",
        SortitionInputCode.RespondentWithoutId => "Die Anmeldung Nr. {0} hat kein Pseudonym.",
        SortitionInputCode.DuplicateRespondent => "Das Pseudonym {0} kommt mehrfach vor.",
        SortitionInputCode.MissingValue => "Die Anmeldung {0} hat keine Angabe bei „{1}“.",
        SortitionInputCode.UnknownValue => "Die Anmeldung {0} hat bei „{1}“ den Wert „{2}“, für den es keine Quote gibt (Quoten gibt es für: {3}).",
        _ => "… und {0} weitere Probleme mit Anmeldungen.",
    }, [.. problem.Arguments]);
}

/// <summary>The checked input of a panel draw.</summary>
public sealed record PanelInput(NeighbourhoodLab Lab, IReadOnlyList<Respondent> Pool, IReadOnlyList<Quota> Quotas, int PanelSize, string Algorithm);
