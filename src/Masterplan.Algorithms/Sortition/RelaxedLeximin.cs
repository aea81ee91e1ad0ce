using Google.OrTools.LinearSolver;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// LEXIMIN over the LP relaxation of the panel compositions: the expected composition y of a lottery is any point
/// with 0 ≤ y_t ≤ n_t, Σ y_t = k and every quota met by the sums, integer or not. The stages are the same as
/// in <see cref="LeximinSolver"/> ("maximise z such that every unfixed type gets at least z …"), but each is one
/// small LP with a variable per type instead of a column generation. Every lottery's expected composition lies in
/// this relaxation, so its LEXIMIN is at least as good as the true one; when a lottery realises it
/// (<see cref="LotteryDecomposition"/>), it is the true LEXIMIN.
/// </summary>
internal static class RelaxedLeximin
{
    /// <summary>The level of every type and the number of stages; null when GLOP could not solve a stage.</summary>
    public static (double[] Levels, int Stages)? Solve(SortitionProblem problem, RespondentTypes types, Action<int, int, int> stageDone, CancellationToken cancellationToken)
    {
        var typeCount = types.Count;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver of Google OR-Tools is not available.");
        var z = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "z");
        var size = solver.MakeConstraint(problem.PanelSize, problem.PanelSize, "k");
        var quotaRows = problem.Quotas.Select(q => solver.MakeConstraint(q.Min, q.Max, string.Empty)).ToArray();
        var rows = new Constraint[typeCount];
        for (var t = 0; t < typeCount; t++)
        {
            // p_t, the probability of a member of type t; the expected count is n_t p_t.
            var p = solver.MakeNumVar(0, 1, string.Empty);
            size.SetCoefficient(p, types.Size[t]);
            foreach (var q in types.QuotasOfType[t])
            {
                quotaRows[q].SetCoefficient(p, types.Size[t]);
            }

            rows[t] = solver.MakeConstraint(0, double.PositiveInfinity, string.Empty);
            rows[t].SetCoefficient(p, 1);
            rows[t].SetCoefficient(z, -1);
        }

        solver.Objective().SetCoefficient(z, 1);
        solver.Objective().SetMaximization();
        var levels = new double[typeCount];
        var isFixed = new bool[typeCount];
        var unfixed = typeCount;
        var fixedRespondents = 0;
        var stages = 0;
        while (unfixed > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stages++;
            var status = solver.Solve();
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                // Seen on small pools: ABNORMAL once, optimal from a fresh start. If that fails too, the caller falls
                // back to the column generation, which does not need this LP.
                solver.Reset();
                if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
                {
                    return null;
                }
            }

            // A type is fixed when its dual price is above the column generation's threshold. Read every dual before the
            // first change: a changed model has no solution to read.
            var value = Math.Clamp(z.SolutionValue(), 0, 1);
            var duals = rows.Select(r => -r.DualValue()).ToArray();
            var strongest = -1;
            var newlyFixed = 0;
            for (var t = 0; t < typeCount; t++)
            {
                if (isFixed[t])
                {
                    continue;
                }

                if (duals[t] > LeximinSolver.FixingThreshold)
                {
                    Fix(t);
                }
                else if (strongest < 0 || duals[t] > duals[strongest])
                {
                    strongest = t;
                }
            }

            if (newlyFixed == 0)
            {
                // Cannot happen in exact arithmetic (the duals of the unfixed types sum to 1); a guard against noise.
                Fix(strongest);
            }

            stageDone(stages, unfixed, fixedRespondents);

            void Fix(int t)
            {
                isFixed[t] = true;
                levels[t] = value;
                rows[t].SetCoefficient(z, 0);
                rows[t].SetLb(value);
                newlyFixed++;
                unfixed--;
                fixedRespondents += types.Size[t];
            }
        }

        return (levels, stages);
    }
}
