using Google.OrTools.LinearSolver;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

/// <summary>
/// An independent check that a lottery is the LEXIMIN lottery, for pools far too large to enumerate. It shares no
/// code with the production solver: its own grouping of respondents, its own LP and its own pricing model, and a
/// different question per level.
/// </summary>
/// <remarks>
/// <para>
/// Characterisation used: a feasible probability vector p is leximin-optimal exactly when, for each of its
/// levels ℓ (distinct values of p, ascending), the respondents at level ℓ cannot gain in total while everybody
/// below ℓ keeps at least their probability and everybody else keeps at least ℓ. (If p' were leximin-better,
/// a small step from p towards p' would raise someone at the first level where they differ without lowering
/// anyone at or below it.) So for each level the check solves, by plain column generation to optimality,
/// "maximise the total probability of the people at level ℓ" under those bounds, and reports how far their
/// average could rise above ℓ. All zeros (within the tolerance) certify LEXIMIN.
/// </para>
/// <para>
/// The LP starts from the compositions of the lottery under test (that only saves rounds: any set of starting
/// columns gives the same optimum); respondents with the same answers in every category are one group, and
/// the LP bounds the average probability of a group (a group can only be raised as a whole, since the average
/// of any lottery can be spread evenly over interchangeable people).
/// </para>
/// </remarks>
public static class LeximinCertificate
{
    /// <summary>The result: the largest possible average rise of any level, and other figures.</summary>
    public sealed record Report(double LargestRise, double LargestSpreadWithinGroup, double LargestRealisationError, int Levels, int Groups, int PricingRounds, bool AllPanelsValid)
    {
        /// <summary>Whether the lottery is LEXIMIN within <paramref name="tolerance"/>.</summary>
        public bool IsLeximin(double tolerance) => AllPanelsValid && LargestRise <= tolerance && LargestSpreadWithinGroup <= tolerance && LargestRealisationError <= tolerance;
    }

    /// <summary>Checks that <paramref name="panels"/> (summing to 1) give the probabilities <paramref name="probabilities"/> and that these are LEXIMIN.</summary>
    public static Report Check(SortitionProblem problem, IReadOnlyList<WeightedPanel> panels, IReadOnlyList<double> probabilities)
    {
        var n = problem.Pool.Count;
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            position[problem.Pool[i].Id] = i;
        }

        // 1. The lottery: valid panels, total 1, and it realises the probabilities.
        var valid = panels.All(p => problem.IsValidPanel(p.Members));
        var realised = new double[n];
        foreach (var panel in panels)
        {
            foreach (var id in panel.Members)
            {
                realised[position[id]] += panel.Probability;
            }
        }

        var realisationError = Math.Abs(panels.Sum(p => p.Probability) - 1);
        for (var i = 0; i < n; i++)
        {
            realisationError = Math.Max(realisationError, Math.Abs(realised[i] - probabilities[i]));
        }

        // 2. Groups of interchangeable respondents; their probability (the mean; the spread is reported).
        var groupOf = new int[n];
        var groupKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        for (var i = 0; i < n; i++)
        {
            var key = string.Join('\u0001', problem.Categories.Select(c => problem.Pool[i].Features[c]));
            if (!groupKey.TryGetValue(key, out var g))
            {
                g = members.Count;
                groupKey[key] = g;
                members.Add([]);
            }

            groupOf[i] = g;
            members[g].Add(i);
        }

        var groups = members.Count;
        var size = members.Select(m => (double)m.Count).ToArray();
        var level = members.Select(m => m.Average(i => probabilities[i])).ToArray();
        var spread = members.Max(m => m.Max(i => probabilities[i]) - m.Min(i => probabilities[i]));

        // Each quota as the list of groups it counts.
        var quotaGroups = problem.Quotas.Select(q => Enumerable.Range(0, groups).Where(g => problem.Pool[members[g][0]].Features[q.Category] == q.Value).ToArray()).ToArray();

        var columns = new List<int[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(int[] composition)
        {
            if (seen.Add(string.Join(',', composition)))
            {
                columns.Add(composition);
            }
        }

        foreach (var panel in panels)
        {
            var composition = new int[groups];
            foreach (var id in panel.Members)
            {
                composition[groupOf[position[id]]]++;
            }

            Add(composition);
        }

        // 3. Levels, ascending; values closer than 1e-7 are one level.
        var distinct = new List<double>();
        foreach (var v in level.Order())
        {
            if (distinct.Count == 0 || v - distinct[^1] > 1e-7)
            {
                distinct.Add(v);
            }
        }

        int LevelOf(double v) => distinct.FindLastIndex(d => d <= v + 1e-7);

        var rounds = 0;
        var largestRise = 0.0;
        for (var s = 0; s < distinct.Count; s++)
        {
            var atLevel = Enumerable.Range(0, groups).Where(g => LevelOf(level[g]) == s).ToArray();
            var inLevel = new bool[groups];
            foreach (var g in atLevel)
            {
                inLevel[g] = true;
            }

            var mass = atLevel.Sum(g => size[g]);
            while (true)
            {
                // The restricted LP over the columns so far, rebuilt from scratch every round (slow and simple).
                using var lp = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP missing");
                var lambda = columns.Select(_ => lp.MakeNumVar(0, double.PositiveInfinity, string.Empty)).ToArray();
                var total = lp.MakeConstraint(1, 1, "total");
                var rows = new Constraint[groups];
                for (var g = 0; g < groups; g++)
                {
                    var bound = LevelOf(level[g]) < s ? level[g] : distinct[s];
                    rows[g] = lp.MakeConstraint(bound, double.PositiveInfinity, string.Empty);
                }

                var objective = lp.Objective();
                for (var j = 0; j < columns.Count; j++)
                {
                    total.SetCoefficient(lambda[j], 1);
                    var gain = 0.0;
                    for (var g = 0; g < groups; g++)
                    {
                        if (columns[j][g] != 0)
                        {
                            rows[g].SetCoefficient(lambda[j], columns[j][g] / size[g]);
                            gain += inLevel[g] ? columns[j][g] : 0;
                        }
                    }

                    objective.SetCoefficient(lambda[j], gain);
                }

                objective.SetMaximization();
                var status = lp.Solve();
                if (status != Solver.ResultStatus.OPTIMAL)
                {
                    throw new InvalidOperationException($"Certificate LP at level {s}: {status}");
                }

                // Pricing: a composition with positive reduced cost gain − Σ_g dual_g · x_g / n_g − dual_total.
                var weights = new double[groups];
                for (var g = 0; g < groups; g++)
                {
                    weights[g] = (inLevel[g] ? 1 : 0) - (rows[g].DualValue() / size[g]);
                }

                rounds++;
                var (best, value) = BestComposition(problem, quotaGroups, size, weights);
                if (value - total.DualValue() <= 1e-9 * Math.Max(1, mass))
                {
                    largestRise = Math.Max(largestRise, (objective.Value() / mass) - distinct[s]);
                    break;
                }

                var before = columns.Count;
                Add(best);
                if (columns.Count == before)
                {
                    throw new InvalidOperationException($"Certificate pricing at level {s} returned a known column with positive reduced cost.");
                }
            }
        }

        return new Report(largestRise, spread, realisationError, distinct.Count, groups, rounds, valid);
    }

    private static (int[] Composition, double Value) BestComposition(SortitionProblem problem, int[][] quotaGroups, double[] size, double[] weights)
    {
        using var mip = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP missing");
        mip.SuppressOutput();
        var x = size.Select(s => mip.MakeIntVar(0, s, string.Empty)).ToArray();
        var k = mip.MakeConstraint(problem.PanelSize, problem.PanelSize, string.Empty);
        foreach (var v in x)
        {
            k.SetCoefficient(v, 1);
        }

        for (var q = 0; q < quotaGroups.Length; q++)
        {
            var row = mip.MakeConstraint(problem.Quotas[q].Min, problem.Quotas[q].Max, string.Empty);
            foreach (var g in quotaGroups[q])
            {
                row.SetCoefficient(x[g], 1);
            }
        }

        var objective = mip.Objective();
        for (var g = 0; g < x.Length; g++)
        {
            objective.SetCoefficient(x[g], weights[g]);
        }

        objective.SetMaximization();
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-10);
        var status = mip.Solve(parameters);
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"Certificate pricing: {status}");
        }

        var composition = x.Select(v => (int)Math.Round(v.SolutionValue())).ToArray();
        return (composition, composition.Select((c, g) => c * weights[g]).Sum());
    }
}
