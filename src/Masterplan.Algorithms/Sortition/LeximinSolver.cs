using Google.OrTools.LinearSolver;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// LEXIMIN panel selection: among all lotteries over quota-feasible panels, the one that maximises the
/// smallest selection probability, then the second smallest, and so on.
/// </summary>
/// <remarks>
/// <para>
/// Method: Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for selecting citizens' assemblies",
/// Nature 596 (2021) 548–552, algorithm LEXIMIN. Stage by stage, the restricted master LP "maximise z such
/// that every respondent not yet fixed has probability ≥ z, every fixed one keeps their probability, and the
/// lottery sums to 1" is solved over the panels found so far (GLOP). Its dual prices — a weight y ≥ 0 per
/// respondent, summing to 1 over the unfixed ones, and a bound ŷ for the sum — price a new panel: the
/// quota-feasible panel of largest total weight (an integer program, SCIP). If it weighs more than ŷ it is
/// added, together with a few cheap swap neighbours that also weigh more, and the LP is solved again;
/// otherwise the stage is optimal, and every respondent with positive dual weight is fixed at the stage's
/// value z (by complementary slackness no optimal lottery gives them more). The lottery of the last stage is
/// the result. The first LP starts from the first feasible panel and its single-swap neighbours.
/// </para>
/// <para>
/// Speed-up over the published implementation: respondents with the same value in every category
/// (a "type") are interchangeable for the quotas, and the LEXIMIN lottery is unique in its probabilities and
/// invariant under swapping interchangeable people, so they all get the same probability. The column
/// generation therefore runs over panel compositions (how many members of each type), which has as many
/// variables as there are types rather than people — 3 instead of 2,000 in the published example_large_200,
/// whose pool is described by two binary categories. Each composition is then split into concrete panels by systematic sampling that gives every
/// member of a type exactly the type's share (see the remarks of the expansion in the source).
/// </para>
/// </remarks>
public static class LeximinSolver
{
    private const double PricingTolerance = 1e-9;
    private const double FixingThreshold = 1e-7;

    // How far a respondent's probability in the returned lottery may be from the level LEXIMIN fixed them at.
    private const double RealisationTolerance = 1e-9;

    // How many extra columns one pricing round may add (swap neighbours of the priced composition).
    private const int NeighboursPerRound = 40;
    private const int InitialColumns = 200;

    /// <summary>Computes the LEXIMIN distribution for <paramref name="problem"/>.</summary>
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas; the exception explains why and proposes a relaxation.</exception>
    public static PanelDistribution Solve(SortitionProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var types = new RespondentTypes(problem);
        var typeCount = types.Count;
        using var pricer = new CompositionPricer(problem, types);
        var calls = 0;

        var first = pricer.Maximize(new double[typeCount]);
        calls++;
        if (first is null)
        {
            throw new InfeasibleQuotasException(QuotaRelaxation.Explain(problem)
                ?? throw new InvalidOperationException("The pricing model found no panel, but the relaxation model found the quotas feasible."));
        }

        var columns = new List<int[]>();
        var lambdas = new List<Variable>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        using var master = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver of Google OR-Tools is not available.");
        var z = master.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "z");
        var rows = new Constraint[typeCount];
        for (var t = 0; t < typeCount; t++)
        {
            rows[t] = master.MakeConstraint(0, double.PositiveInfinity, $"t{t}");
            rows[t].SetCoefficient(z, -1);
        }

        var convexity = master.MakeConstraint(1, 1, "sum");
        var objective = master.Objective();
        objective.SetCoefficient(z, 1);
        objective.SetMaximization();

        bool AddColumn(int[] counts)
        {
            if (!known.Add(string.Join(',', counts)))
            {
                return false;
            }

            columns.Add(counts);
            var lambda = master.MakeNumVar(0, double.PositiveInfinity, $"l{lambdas.Count}");
            lambdas.Add(lambda);
            convexity.SetCoefficient(lambda, 1);
            for (var t = 0; t < typeCount; t++)
            {
                if (counts[t] != 0)
                {
                    rows[t].SetCoefficient(lambda, (double)counts[t] / types.Size[t]);
                }
            }

            return true;
        }

        AddColumn(first.Value.Counts);

        // Seed the first LP with the single-swap neighbours of the priced panel, those that bring in a type it
        // leaves out first, so that the first stage does not start from one panel.
        var seedWeights = first.Value.Counts.Select(c => c == 0 ? 1.0 : 0.0).ToArray();
        foreach (var neighbour in Neighbours(problem, types, first.Value.Counts, seedWeights, double.NegativeInfinity, InitialColumns))
        {
            AddColumn(neighbour);
        }

        var fixedAt = new double[typeCount];
        var isFixed = new bool[typeCount];
        var unfixed = typeCount;
        var weights = new double[typeCount];
        var y = new double[typeCount];
        double[] lottery = [];
        while (unfixed > 0)
        {
            double value;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var status = master.Solve();
                if (status == Solver.ResultStatus.ABNORMAL)
                {
                    master.Reset();
                    status = master.Solve();
                }

                calls++;
                if (status != Solver.ResultStatus.OPTIMAL)
                {
                    throw new InvalidOperationException($"The LEXIMIN master LP ended with status {status} ({columns.Count} compositions, {unfixed} types unfixed).");
                }

                // Dual prices: y_t ≥ 0 for "type t gets at least z (or its fixed value)", ŷ for "the lottery sums to 1".
                for (var t = 0; t < typeCount; t++)
                {
                    y[t] = Math.Max(0, -rows[t].DualValue());
                    weights[t] = y[t] / types.Size[t];
                }

                var best = pricer.Maximize(weights);
                calls++;
                var bound = convexity.DualValue() + PricingTolerance;
                if (best is null || best.Value.Value <= bound || !AddColumn(best.Value.Counts))
                {
                    value = objective.Value();
                    lottery = [.. lambdas.Select(l => l.SolutionValue())];
                    break;
                }

                foreach (var neighbour in Neighbours(problem, types, best.Value.Counts, weights, bound, NeighboursPerRound))
                {
                    AddColumn(neighbour);
                }
            }

            var newlyFixed = 0;
            var strongest = -1;
            for (var t = 0; t < typeCount; t++)
            {
                if (isFixed[t])
                {
                    continue;
                }

                if (y[t] > FixingThreshold)
                {
                    isFixed[t] = true;
                    fixedAt[t] = Math.Clamp(value, 0, 1);
                    newlyFixed++;
                }
                else if (strongest < 0 || y[t] > y[strongest])
                {
                    strongest = t;
                }
            }

            if (newlyFixed == 0)
            {
                // Cannot happen in exact arithmetic (the prices of the unfixed types sum to 1); a guard against numerical noise.
                isFixed[strongest] = true;
                fixedAt[strongest] = Math.Clamp(value, 0, 1);
                newlyFixed = 1;
            }

            unfixed -= newlyFixed;
            for (var t = 0; t < typeCount; t++)
            {
                if (isFixed[t])
                {
                    rows[t].SetCoefficient(z, 0);
                    // Exactly the stage's value, no slack: probability freed by a slack would lift the next stage
                    // above its true value, and the error would grow from stage to stage.
                    rows[t].SetLb(fixedAt[t]);
                }
            }
        }

        var panels = new List<WeightedPanel>();
        var compositions = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var lambda = lottery[c];
            if (lambda <= 1e-12)
            {
                continue;
            }

            compositions++;
            foreach (var (indices, weight) in CompositionExpander.Expand(types, columns[c]))
            {
                panels.Add(new WeightedPanel([.. indices.Select(i => problem.Pool[i].Id)], lambda * weight));
            }
        }

        var distribution = new PanelDistribution(problem, panels, compositions, calls);
        CheckRealised(problem, types, fixedAt, distribution);
        return distribution;
    }

    /// <summary>
    /// The final primal check: every respondent's probability in the returned lottery is the level LEXIMIN fixed
    /// their type at. A lottery that does not realise the computed levels is never returned.
    /// </summary>
    private static void CheckRealised(SortitionProblem problem, RespondentTypes types, double[] fixedAt, PanelDistribution distribution)
    {
        var worst = 0.0;
        var worstPerson = 0;
        for (var i = 0; i < problem.Pool.Count; i++)
        {
            var error = Math.Abs(distribution.Probabilities[i] - fixedAt[types.TypeOfPerson[i]]);
            if (error > worst)
            {
                worst = error;
                worstPerson = i;
            }
        }

        if (worst > RealisationTolerance)
        {
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The LEXIMIN lottery does not realise the computed probabilities: respondent '{problem.Pool[worstPerson].Id}' gets {distribution.Probabilities[worstPerson]:R} instead of {fixedAt[types.TypeOfPerson[worstPerson]]:R} (difference {worst:E2}); the result is withheld."));
        }
    }

    /// <summary>
    /// Cheap extra columns: compositions that differ from <paramref name="counts"/> by moving one member from
    /// one type to another, still meet the quotas and still beat the dual bound; the best few by weight.
    /// Adding them with the priced column saves many pricing rounds.
    /// </summary>
    private static IEnumerable<int[]> Neighbours(SortitionProblem problem, RespondentTypes types, int[] counts, double[] weights, double bound, int limit)
    {
        var quotaCount = new int[problem.Quotas.Count];
        var value = 0.0;
        for (var t = 0; t < counts.Length; t++)
        {
            value += weights[t] * counts[t];
            foreach (var q in types.QuotasOfType[t])
            {
                quotaCount[q] += counts[t];
            }
        }

        var candidates = new List<(double Value, int From, int To)>();
        for (var from = 0; from < counts.Length; from++)
        {
            if (counts[from] == 0)
            {
                continue;
            }

            for (var to = 0; to < counts.Length; to++)
            {
                if (to == from || counts[to] == types.Size[to])
                {
                    continue;
                }

                var newValue = value - weights[from] + weights[to];
                if (newValue <= bound)
                {
                    continue;
                }

                var feasible = true;
                var qf = types.QuotasOfType[from];
                var qt = types.QuotasOfType[to];
                for (var c = 0; c < qf.Length && feasible; c++)
                {
                    if (qf[c] != qt[c])
                    {
                        feasible = quotaCount[qf[c]] - 1 >= problem.Quotas[qf[c]].Min && quotaCount[qt[c]] + 1 <= problem.Quotas[qt[c]].Max;
                    }
                }

                if (feasible)
                {
                    candidates.Add((newValue, from, to));
                }
            }
        }

        foreach (var (_, from, to) in candidates.OrderByDescending(c => c.Value).Take(limit))
        {
            var neighbour = (int[])counts.Clone();
            neighbour[from]--;
            neighbour[to]++;
            yield return neighbour;
        }
    }
}
