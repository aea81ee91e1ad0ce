namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// Heuristic pricing for the LEXIMIN column generation: from each composition the current lottery uses, move
/// one member at a time to the type that gains the most weight at the current duals while the quotas hold,
/// until no move gains. Every local optimum that beats the dual bound is a column; starting from the lottery's
/// own, diverse compositions gives many different columns per round for the cost of one LP. It proves nothing:
/// a stage still ends only when the exact integer program finds no column.
/// </summary>
internal static class LocalSearch
{
    private const double MinGain = 1e-12;

    public static int Columns(SortitionProblem problem, RespondentTypes types, double[] lambda, int[][] columns, double[] weights, double[] acceptWeights, double bound, int startCount, int limit, Func<int[], bool> add, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var typeCount = types.Count;
        var order = new int[typeCount];
        for (var t = 0; t < typeCount; t++)
        {
            order[t] = t;
        }

        Array.Sort(order, (a, b) => weights[b].CompareTo(weights[a]));
        var used = new List<int>();
        for (var c = 0; c < lambda.Length; c++)
        {
            if (lambda[c] > 1e-12)
            {
                used.Add(c);
            }
        }

        used.Sort((a, b) => lambda[b].CompareTo(lambda[a]));

        // The climbs are independent: they run on all cores, and their optima are offered in the order of the starts,
        // so the columns are the same as one after the other.
        var starts = used.Take(startCount).ToArray();
        var optima = new int[]?[starts.Length];
        Parallel.For(0, starts.Length, new ParallelOptions { CancellationToken = cancellationToken }, (s, state) =>
        {
            // On pools with hundreds of types one round can take long: stop between climbs when asked to.
            if (outOfTime())
            {
                state.Stop();
                return;
            }

            optima[s] = Climb(problem, types, columns[starts[s]], weights, order);
        });

        var added = 0;
        foreach (var counts in optima)
        {
            if (counts is not null && Value(acceptWeights, counts) > bound && add(counts))
            {
                added++;
                if (added >= limit)
                {
                    break;
                }
            }
        }

        return added;
    }

    // Moves one member at a time to the type that gains most while the quotas hold; null when no move gains at all.
    private static int[]? Climb(SortitionProblem problem, RespondentTypes types, int[] start, double[] weights, int[] order)
    {
        var typeCount = types.Count;
        var counts = (int[])start.Clone();
        var quotaCount = new int[problem.Quotas.Count];
        for (var t = 0; t < typeCount; t++)
        {
            foreach (var q in types.QuotasOfType[t])
            {
                quotaCount[q] += counts[t];
            }
        }

        var moved = false;
        while (true)
        {
            var bestGain = MinGain;
            var bestFrom = -1;
            var bestTo = -1;
            for (var from = 0; from < typeCount; from++)
            {
                if (counts[from] == 0)
                {
                    continue;
                }

                foreach (var to in order)
                {
                    var gain = weights[to] - weights[from];
                    if (gain <= bestGain)
                    {
                        break;
                    }

                    if (counts[to] == types.Size[to] || !Allowed(problem, types, quotaCount, from, to))
                    {
                        continue;
                    }

                    bestGain = gain;
                    bestFrom = from;
                    bestTo = to;
                    break;
                }
            }

            if (bestFrom < 0)
            {
                return moved ? counts : null;
            }

            counts[bestFrom]--;
            counts[bestTo]++;
            var qf = types.QuotasOfType[bestFrom];
            var qt = types.QuotasOfType[bestTo];
            for (var k = 0; k < qf.Length; k++)
            {
                quotaCount[qf[k]]--;
                quotaCount[qt[k]]++;
            }

            moved = true;
        }
    }

    private static double Value(double[] weights, int[] counts)
    {
        var value = 0.0;
        for (var t = 0; t < counts.Length; t++)
        {
            value += weights[t] * counts[t];
        }

        return value;
    }

    private static bool Allowed(SortitionProblem problem, RespondentTypes types, int[] quotaCount, int from, int to)
    {
        var qf = types.QuotasOfType[from];
        var qt = types.QuotasOfType[to];
        for (var k = 0; k < qf.Length; k++)
        {
            if (qf[k] != qt[k] && (quotaCount[qf[k]] - 1 < problem.Quotas[qf[k]].Min || quotaCount[qt[k]] + 1 > problem.Quotas[qt[k]].Max))
            {
                return false;
            }
        }

        return true;
    }
}
