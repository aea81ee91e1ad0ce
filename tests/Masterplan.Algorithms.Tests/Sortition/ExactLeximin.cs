using Google.OrTools.LinearSolver;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

/// <summary>
/// Test oracle: LEXIMIN over ALL feasible panels, found by enumerating every k-subset of a small pool.
/// Independent of the production code's column generation, type grouping and dual-based fixing: each stage
/// maximises the smallest unfixed probability over the full panel set, then fixes exactly those people whose
/// probability cannot exceed that value (one LP per candidate), the textbook LEXIMIN procedure.
/// </summary>
internal static class ExactLeximin
{
    /// <summary>All feasible panels as arrays of pool indices.</summary>
    public static List<int[]> FeasiblePanels(SortitionProblem problem)
    {
        var n = problem.Pool.Count;
        var k = problem.PanelSize;
        var panels = new List<int[]>();
        var current = new int[k];
        void Recurse(int start, int depth)
        {
            if (depth == k)
            {
                if (problem.IsValidPanel(current.Select(i => problem.Pool[i].Id)))
                {
                    panels.Add((int[])current.Clone());
                }

                return;
            }

            for (var i = start; i <= n - (k - depth); i++)
            {
                current[depth] = i;
                Recurse(i + 1, depth + 1);
            }
        }

        Recurse(0, 0);
        return panels;
    }

    /// <summary>The LEXIMIN probability of every pool member, or null when no panel is feasible.</summary>
    public static double[]? Probabilities(SortitionProblem problem)
    {
        var panels = FeasiblePanels(problem);
        if (panels.Count == 0)
        {
            return null;
        }

        var n = problem.Pool.Count;
        double?[] fixedAt = new double?[n];
        while (fixedAt.Any(f => f is null))
        {
            var z = Maximise(panels, n, fixedAt, zFloor: null, target: null, out var p);
            var candidates = Enumerable.Range(0, n).Where(i => fixedAt[i] is null && p[i] <= z + 1e-7).ToList();
            var toFix = candidates.Where(i => Maximise(panels, n, fixedAt, zFloor: z, target: i, out _) <= z + 1e-7).ToList();
            if (toFix.Count == 0)
            {
                throw new InvalidOperationException("Reference LEXIMIN made no progress.");
            }

            foreach (var i in toFix)
            {
                fixedAt[i] = z;
            }
        }

        return [.. fixedAt.Select(f => f!.Value)];
    }

    /// <summary>
    /// With target null: max z s.t. unfixed p_i ≥ z, fixed p_i ≥ f_i. With a target: max p_target s.t. unfixed p_i ≥ zFloor, fixed p_i ≥ f_i.
    /// </summary>
    private static double Maximise(List<int[]> panels, int n, double?[] fixedAt, double? zFloor, int? target, out double[] probabilities)
    {
        using var lp = Solver.CreateSolver("GLOP");
        var lambda = panels.Select(_ => lp.MakeNumVar(0, 1, string.Empty)).ToArray();
        var z = lp.MakeNumVar(-1, 2, "z");
        var sum = lp.MakeConstraint(1, 1);
        foreach (var l in lambda)
        {
            sum.SetCoefficient(l, 1);
        }

        var rows = new Constraint[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = fixedAt[i] is { } f
                ? lp.MakeConstraint(f - 1e-9, double.PositiveInfinity)
                : lp.MakeConstraint(zFloor is { } floor ? floor - 1e-9 : 0, double.PositiveInfinity);
            if (fixedAt[i] is null && zFloor is null)
            {
                rows[i].SetCoefficient(z, -1);
            }
        }

        for (var c = 0; c < panels.Count; c++)
        {
            foreach (var i in panels[c])
            {
                rows[i].SetCoefficient(lambda[c], 1);
            }
        }

        var objective = lp.Objective();
        if (target is { } t)
        {
            foreach (var c in Enumerable.Range(0, panels.Count).Where(c => panels[c].Contains(t)))
            {
                objective.SetCoefficient(lambda[c], 1);
            }
        }
        else
        {
            objective.SetCoefficient(z, 1);
        }

        objective.SetMaximization();
        var status = lp.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"Reference LP: {status}");
        }

        probabilities = new double[n];
        for (var c = 0; c < panels.Count; c++)
        {
            foreach (var i in panels[c])
            {
                probabilities[i] += lambda[c].SolutionValue();
            }
        }

        return objective.Value();
    }
}
