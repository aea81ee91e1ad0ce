namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// Finds a lottery over quota-feasible panel compositions that gives every member of type t exactly the
/// probability level[t], or proves that none exists. Column generation on a non-negative least-squares problem
/// (one row per type and one for "the lottery sums to 1"): the residual prices new compositions, first by the
/// local search, then by the exact integer program, which alone can prove that no lottery exists.
/// </summary>
internal static class LotteryDecomposition
{
    // A lottery is accepted when no type's probability is further than this from its level (the final check
    // allows 1e-9); the gradient below which a column does not enter.
    private const double ResidualTolerance = 1e-11;
    private const double GradientTolerance = 1e-14;
    private const int Starts = 40;

    // Rounds after which the search gives up and leaves the answer to the column generation: 200 plus one per type
    // (gen_2000_7_100, 842 types, needs 129), so that levels just out of reach cannot keep the local search busy for long.
    private const int BaseRounds = 200;
    private const int ColumnsPerRound = 40;

    /// <summary>The lottery (compositions with positive weight) and how many compositions were tried.</summary>
    public sealed record Result(IReadOnlyList<(int[] Counts, double Weight)> Lottery, int Columns);

    /// <param name="problem">The pool and its quotas.</param>
    /// <param name="types">The respondent types of the pool.</param>
    /// <param name="level">The probability each type should get.</param>
    /// <param name="firstPanel">A quota-feasible composition to start from.</param>
    /// <param name="beforeRound">Called before every round with the rounds and columns so far and the share done (see <see cref="LeximinProgress.LotteryShare"/>); throws to stop (time, round cap).</param>
    /// <param name="outOfTime">Asked within a round: ends the round early, so that <paramref name="beforeRound"/> can stop.</param>
    /// <param name="price">The exact pricing: the composition of largest weight, proven optimal.</param>
    /// <param name="cancellationToken">Stops the computation between steps.</param>
    /// <returns>The lottery, or null when the exact pricing proved that the levels are not realisable or the search gave up.</returns>
    public static Result? Find(SortitionProblem problem, RespondentTypes types, double[] level, int[] firstPanel, Action<int, int, double> beforeRound, Func<bool> outOfTime, Func<double[], (int[] Counts, double Value)?> price, CancellationToken cancellationToken)
    {
        var typeCount = types.Count;
        var target = new double[typeCount + 1];
        Array.Copy(level, target, typeCount);
        target[typeCount] = 1;
        var nnls = new NonNegativeLeastSquares(target);
        var columns = new List<int[]>();
        var known = new HashSet<string>(StringComparer.Ordinal);

        bool Add(int[] counts)
        {
            if (!known.Add(string.Join(',', counts)))
            {
                return false;
            }

            var nonZero = counts.Count(c => c != 0);
            var index = new int[nonZero + 1];
            var value = new double[nonZero + 1];
            var k = 0;
            for (var t = 0; t < typeCount; t++)
            {
                if (counts[t] != 0)
                {
                    index[k] = t;
                    value[k++] = (double)counts[t] / types.Size[t];
                }
            }

            index[k] = typeCount;
            value[k] = 1;
            nnls.Add(index, value);
            columns.Add(counts);
            return true;
        }

        Add(firstPanel);
        var start = nnls.ResidualNorm;
        var share = 0.0;
        var weights = new double[typeCount];
        var rounds = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            beforeRound(rounds, columns.Count, share);
            if (rounds >= BaseRounds + typeCount)
            {
                return null;
            }

            rounds++;
            var worst = nnls.Solve(GradientTolerance, () => outOfTime() || cancellationToken.IsCancellationRequested);
            // The residual falls slowly and then all at once, when the last columns complete the lottery; the columns in use
            // grow more evenly towards about one per row. The share shows whichever is further, and never falls.
            var byResidual = Math.Log(start / nnls.ResidualNorm) / Math.Log(start / ResidualTolerance);
            var byColumns = 0.99 * nnls.InUse / nnls.Rows;
            share = Math.Clamp(Math.Max(byResidual, byColumns), share, 1);
            if (worst <= ResidualTolerance)
            {
                break;
            }

            if (outOfTime() || cancellationToken.IsCancellationRequested)
            {
                continue;
            }

            var residual = nnls.Residual;
            for (var t = 0; t < typeCount; t++)
            {
                weights[t] = residual[t] / types.Size[t];
            }

            // A composition x lowers the residual when Σ_t residual_t · x_t / n_t + residual_sum > 0.
            var bound = GradientTolerance - residual[typeCount];
            var lambda = Enumerable.Range(0, columns.Count).Select(nnls.Lambda).ToArray();
            var found = LocalSearch.Columns(problem, types, lambda, [.. columns], weights, weights, bound, Starts, ColumnsPerRound, Add, outOfTime, cancellationToken);
            if (found > 0)
            {
                continue;
            }

            var best = price(weights) ?? throw new InvalidOperationException("The pricing model found no panel although one was found before.");
            if (best.Value > bound && Add(best.Counts))
            {
                continue;
            }

            return null;
        }

        var lottery = new List<(int[], double)>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (nnls.Lambda(c) > 0)
            {
                lottery.Add((columns[c], nnls.Lambda(c)));
            }
        }

        return new Result(lottery, columns.Count);
    }
}
