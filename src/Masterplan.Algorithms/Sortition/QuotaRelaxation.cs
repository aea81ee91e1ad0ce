using Google.OrTools.LinearSolver;

namespace Masterplan.Algorithms.Sortition;

/// <summary>Explains infeasible quotas and finds the smallest relaxation that makes a panel possible.</summary>
/// <remarks>
/// Two parts. First, direct checks that name the conflict in words: a minimum above the number of respondents
/// who have the value; the minimums of a category adding up to more than k; the maximums of a category
/// (each capped by the respondents available) adding up to less than k. Second, an integer program (SCIP)
/// over panel compositions with slack variables a_q, b_q ≥ 0 per quota — count_q ≥ min_q − a_q and
/// count_q ≤ max_q + b_q, exactly k members — that minimises Σ (a_q + b_q). Its optimum is the smallest total
/// relaxation; the quotas with positive slack are the ones in conflict, and their relaxed bounds are reported.
/// This complements LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 596 (2021) 548–552), which
/// needs at least one feasible panel.
/// </remarks>
public static class QuotaRelaxation
{
    /// <summary>Returns null when some panel meets all quotas, otherwise the explanation and the smallest relaxation.</summary>
    public static InfeasibilityReport? Explain(SortitionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var types = new RespondentTypes(problem);
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("The SCIP solver of Google OR-Tools is not available.");
        solver.SuppressOutput();
        var x = types.Size.Select((n, t) => solver.MakeIntVar(0, n, $"x{t}")).ToArray();
        var size = solver.MakeConstraint(problem.PanelSize, problem.PanelSize, "k");
        foreach (var v in x)
        {
            size.SetCoefficient(v, 1);
        }

        var quotas = problem.Quotas;
        var lower = new Variable[quotas.Count];
        var upper = new Variable[quotas.Count];
        var objective = solver.Objective();
        for (var q = 0; q < quotas.Count; q++)
        {
            lower[q] = solver.MakeIntVar(0, quotas[q].Min, $"a{q}");
            upper[q] = solver.MakeIntVar(0, problem.PanelSize, $"b{q}");
            objective.SetCoefficient(lower[q], 1);
            objective.SetCoefficient(upper[q], 1);
            var atLeast = solver.MakeConstraint(quotas[q].Min, double.PositiveInfinity, $"min{q}");
            atLeast.SetCoefficient(lower[q], 1);
            var atMost = solver.MakeConstraint(double.NegativeInfinity, quotas[q].Max, $"max{q}");
            atMost.SetCoefficient(upper[q], -1);
            for (var t = 0; t < types.Count; t++)
            {
                if (types.QuotasOfType[t].Contains(q))
                {
                    atLeast.SetCoefficient(x[t], 1);
                    atMost.SetCoefficient(x[t], 1);
                }
            }
        }

        objective.SetMinimization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"The quota relaxation model ended with status {status}.");
        }

        if (objective.Value() < 0.5)
        {
            return null;
        }

        var relaxations = new List<RelaxedQuota>();
        for (var q = 0; q < quotas.Count; q++)
        {
            var a = (int)Math.Round(lower[q].SolutionValue());
            var b = (int)Math.Round(upper[q].SolutionValue());
            if (a + b > 0)
            {
                relaxations.Add(new RelaxedQuota(quotas[q], quotas[q].Min - a, quotas[q].Max + b));
            }
        }

        var reasons = DirectReasons(problem);
        if (reasons.Count == 0)
        {
            var conflict = SmallestConflict(problem, types);
            var names = string.Join(" and ", conflict.Select(c => $"'{problem.Categories[c]}'"));
            reasons.Add($"Each category can be met on its own, but not all together: the quotas of {names} cannot be met by one panel of {problem.PanelSize} from this pool, because of the combinations of these categories the respondents have ({string.Join("; ", conflict.Select(c => QuotaList(problem, c)))}).");
        }

        return new InfeasibilityReport(reasons, relaxations);
    }

    /// <summary>
    /// The smallest set of categories whose quotas alone already admit no panel (each category alone does);
    /// among sets of equal size the first in category order.
    /// </summary>
    private static int[] SmallestConflict(SortitionProblem problem, RespondentTypes types)
    {
        var count = problem.Categories.Count;
        for (var size = 2; size <= count; size++)
        {
            foreach (var subset in Subsets(count, size))
            {
                if (!Feasible(problem, types, subset))
                {
                    return subset;
                }
            }
        }

        return [.. Enumerable.Range(0, count)];
    }

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        var current = new int[size];
        IEnumerable<int[]> Recurse(int start, int depth)
        {
            if (depth == size)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (var i = start; i <= n - (size - depth); i++)
            {
                current[depth] = i;
                foreach (var s in Recurse(i + 1, depth + 1))
                {
                    yield return s;
                }
            }
        }

        return Recurse(0, 0);
    }

    /// <summary>Whether some panel of k meets the quotas of <paramref name="categories"/>, ignoring all other quotas.</summary>
    private static bool Feasible(SortitionProblem problem, RespondentTypes types, int[] categories)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("The SCIP solver of Google OR-Tools is not available.");
        solver.SuppressOutput();
        var x = types.Size.Select((n, t) => solver.MakeIntVar(0, n, $"x{t}")).ToArray();
        var size = solver.MakeConstraint(problem.PanelSize, problem.PanelSize, "k");
        foreach (var v in x)
        {
            size.SetCoefficient(v, 1);
        }

        for (var q = 0; q < problem.Quotas.Count; q++)
        {
            if (!categories.Contains(problem.QuotaCategory[q]))
            {
                continue;
            }

            var row = solver.MakeConstraint(problem.Quotas[q].Min, problem.Quotas[q].Max, $"q{q}");
            for (var t = 0; t < types.Count; t++)
            {
                if (types.QuotasOfType[t].Contains(q))
                {
                    row.SetCoefficient(x[t], 1);
                }
            }
        }

        var status = solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE => true,
            Solver.ResultStatus.INFEASIBLE => false,
            _ => throw new InvalidOperationException($"The quota conflict model ended with status {status}."),
        };
    }

    private static string QuotaList(SortitionProblem problem, int category) =>
        string.Join(", ", Enumerable.Range(0, problem.Quotas.Count).Where(q => problem.QuotaCategory[q] == category)
            .Select(q => $"{problem.Quotas[q].Category} = {problem.Quotas[q].Value} ({problem.Quotas[q].Min}..{problem.Quotas[q].Max})"));

    private static List<string> DirectReasons(SortitionProblem problem)
    {
        var reasons = new List<string>();
        var k = problem.PanelSize;
        var quotas = problem.Quotas;
        for (var q = 0; q < quotas.Count; q++)
        {
            if (quotas[q].Min > problem.Available[q])
            {
                reasons.Add($"{quotas[q].Category} = {quotas[q].Value} needs at least {quotas[q].Min} panel members, but only {problem.Available[q]} respondents have this value.");
            }
        }

        for (var c = 0; c < problem.Categories.Count; c++)
        {
            var inCategory = Enumerable.Range(0, quotas.Count).Where(q => problem.QuotaCategory[q] == c).ToList();
            var minSum = inCategory.Sum(q => quotas[q].Min);
            var maxSum = inCategory.Sum(q => (long)quotas[q].Max);
            var reachable = inCategory.Sum(q => (long)Math.Min(quotas[q].Max, problem.Available[q]));
            var category = problem.Categories[c];
            if (minSum > k)
            {
                reasons.Add($"The minimums of '{category}' add up to {minSum}, more than the panel size {k}.");
            }

            if (maxSum < k)
            {
                reasons.Add($"The maximums of '{category}' add up to {maxSum}, less than the panel size {k}.");
            }
            else if (reachable < k)
            {
                reasons.Add($"The maximums of '{category}', each capped by the respondents who have the value, allow at most {reachable} panel members, less than the panel size {k}.");
            }
        }

        return reasons;
    }
}
