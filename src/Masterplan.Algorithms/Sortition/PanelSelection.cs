using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// Selects a panel: computes the lottery (LEXIMIN or LEGACY), draws the panel from it with a recorded seed,
/// and builds an ordered reserve list.
/// </summary>
/// <remarks>
/// <para>
/// Methods: Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for selecting citizens' assemblies",
/// Nature 596 (2021) 548–552 (<see cref="LeximinSolver"/>, <see cref="LegacySolver"/>).
/// </para>
/// <para>
/// Random choices, all from one <see cref="SeededRandom"/> created from the seed, so the same seed and inputs
/// replay the same panel and reserve: LEXIMIN draws the panel with the generator's first number placed on the
/// cumulative panel probabilities; LEGACY draws the panel by running the greedy method with the generator.
/// LEGACY's probability estimate uses a separate generator seeded with the seed followed by "/legacy-estimate",
/// so the number of estimation runs does not change the panel.
/// </para>
/// <para>
/// Reserve rule: further panels are drawn from the same lottery with the same generator; the members of each
/// drawn panel who are not on the panel and not yet on the list are appended, in an order shuffled by the
/// generator, until the list is long enough or 1,000 draws were made; respondents with positive probability
/// who are still missing then follow in shuffled order. Respondents whom no feasible panel contains (probability
/// 0) are never reserves. Why: a respondent's chance to stand early on the list follows their fair selection
/// probability, and reserves come from quota-feasible panels, so the list mirrors the panel's make-up. To replace
/// a dropout, take the first reserve with whom the panel still meets every quota (<see cref="FindReplacement"/>).
/// </para>
/// </remarks>
public static class PanelSelection
{
    /// <summary>
    /// The version of the selection's results: raised whenever a change could give another panel, reserve or probability for
    /// the same inputs and seed, so a published draw says which rules it was computed with.
    /// </summary>
    public const int ResultVersion = 1;

    private const int MaxReserveDraws = 1_000;

    /// <summary>Runs the selection.</summary>
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas; the report says why and how to relax them.</exception>
    public static SelectionResult Select(SortitionProblem problem, SortitionAlgorithm algorithm, string seed, SelectionOptions? options = null, CancellationToken cancellationToken = default) =>
        Select(problem, algorithm, seed, options, null, cancellationToken);

    /// <summary>Runs the selection and reports LEXIMIN's progress (stage, panels found, time) to <paramref name="progress"/>.</summary>
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas; the report says why and how to relax them.</exception>
    /// <exception cref="LeximinLimitException">LEXIMIN reached the round cap or time limit of <see cref="SelectionOptions.Leximin"/>.</exception>
    public static SelectionResult Select(SortitionProblem problem, SortitionAlgorithm algorithm, string seed, SelectionOptions? options, IProgress<LeximinProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed);
        options ??= new SelectionOptions();
        var random = new SeededRandom(seed);
        PanelDistribution distribution;
        IReadOnlyList<string> panel;
        switch (algorithm)
        {
            case SortitionAlgorithm.Leximin:
                distribution = LeximinSolver.Solve(problem, options.Leximin, progress, cancellationToken);
                panel = distribution.Draw(random).Members;
                break;
            case SortitionAlgorithm.Legacy:
                panel = LegacySolver.DrawPanel(problem, random, options.LegacyMaxAttempts);
                distribution = LegacySolver.Estimate(problem, new SeededRandom(seed + "/legacy-estimate"), options.LegacyRuns, options.LegacyMaxAttempts);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown algorithm.");
        }

        var reserve = BuildReserve(problem, distribution, panel, options.ReserveSize ?? problem.PanelSize, random);
        var probabilities = problem.Pool.Select((r, i) => new SelectionProbability(r.Id, distribution.Probabilities[i])).ToList();
        return new SelectionResult(algorithm, seed, distribution, probabilities, panel, reserve);
    }

    /// <summary>
    /// The first respondent on <paramref name="reserve"/> who can take the place of <paramref name="dropoutId"/>
    /// so that the panel still meets every quota; null if none can.
    /// </summary>
    public static string? FindReplacement(SortitionProblem problem, IReadOnlyList<string> panel, IReadOnlyList<string> reserve, string dropoutId)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(reserve);
        if (!panel.Contains(dropoutId))
        {
            throw new ArgumentException($"'{dropoutId}' is not on the panel.", nameof(dropoutId));
        }

        var rest = panel.Where(id => id != dropoutId).ToList();
        return reserve.FirstOrDefault(candidate => !rest.Contains(candidate) && problem.IsValidPanel(rest.Append(candidate)));
    }

    private static List<string> BuildReserve(SortitionProblem problem, PanelDistribution distribution, IReadOnlyList<string> panel, int size, SeededRandom random)
    {
        var eligible = problem.Pool.Count - panel.Count - distribution.Probabilities.Count(p => p <= 1e-9);
        size = Math.Clamp(size, 0, Math.Max(0, eligible));
        var taken = new HashSet<string>(panel, StringComparer.Ordinal);
        var reserve = new List<string>(size);
        for (var draw = 0; draw < MaxReserveDraws && reserve.Count < size; draw++)
        {
            var members = distribution.Draw(random).Members.Where(taken.Add).ToList();
            random.Shuffle(members);
            reserve.AddRange(members.Take(size - reserve.Count));
        }

        if (reserve.Count < size)
        {
            var rest = problem.Pool.Where((r, i) => distribution.Probabilities[i] > 1e-9 && !taken.Contains(r.Id)).Select(r => r.Id).ToList();
            random.Shuffle(rest);
            reserve.AddRange(rest.Take(size - reserve.Count));
        }

        return reserve;
    }
}
