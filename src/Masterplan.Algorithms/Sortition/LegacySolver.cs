using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// LEGACY: the greedy panel selection the Sortition Foundation used before LEXIMIN, kept for comparison.
/// </summary>
/// <remarks>
/// As described by Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for selecting citizens'
/// assemblies", Nature 596 (2021) 548–552, and implemented in the Sortition Foundation's
/// <c>find_random_sample_legacy</c>: k times, take the category value with the highest ratio
/// (minimum still needed) / (respondents still available), the first in quota order on a tie, and select a
/// uniformly random available respondent with that value; when a value reaches its maximum, everybody else
/// with it leaves the pool. An attempt fails when a minimum can no longer be met; the method then starts
/// over, up to a number of attempts. Its selection probabilities are not known in closed form, so
/// <see cref="Estimate"/> runs it repeatedly and reports the observed frequencies.
/// </remarks>
public static class LegacySolver
{
    /// <summary>Draws one panel with the greedy method; returns the member ids in pool order.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="random">The generator for every random choice, so that the draw replays.</param>
    /// <param name="maxAttempts">How many times to start over after the greedy choice got stuck.</param>
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas.</exception>
    /// <exception cref="InvalidOperationException">Panels exist, but the greedy method failed every attempt.</exception>
    public static IReadOnlyList<string> DrawPanel(SortitionProblem problem, SeededRandom random, int maxAttempts = 100)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        var state = new GreedyState(problem);
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            var panel = state.TryDraw(random);
            if (panel is not null)
            {
                return [.. panel.Select(i => problem.Pool[i].Id)];
            }
        }

        throw Failure(problem, maxAttempts);
    }

    /// <summary>
    /// Estimates LEGACY's selection probabilities by <paramref name="runs"/> independent draws; the
    /// distribution holds every panel drawn with its observed frequency.
    /// </summary>
    public static PanelDistribution Estimate(SortitionProblem problem, SeededRandom random, int runs, int maxAttempts = 100)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        var state = new GreedyState(problem);
        var counts = new Dictionary<string, (int[] Members, int Count)>(StringComparer.Ordinal);
        for (var run = 0; run < runs; run++)
        {
            int[]? panel = null;
            for (var attempt = 0; attempt < maxAttempts && panel is null; attempt++)
            {
                panel = state.TryDraw(random);
            }

            if (panel is null)
            {
                throw Failure(problem, maxAttempts);
            }

            var key = string.Join(',', panel);
            counts[key] = counts.TryGetValue(key, out var entry) ? (entry.Members, entry.Count + 1) : (panel, 1);
        }

        var types = new RespondentTypes(problem);
        var compositions = counts.Values.Select(e => string.Join(',', e.Members.Select(i => types.TypeOfPerson[i]).Order())).Distinct(StringComparer.Ordinal).Count();
        var panels = counts.Values.Select(e => new WeightedPanel([.. e.Members.Select(i => problem.Pool[i].Id)], (double)e.Count / runs)).ToList();
        return new PanelDistribution(problem, panels, compositions, 0);
    }

    private static Exception Failure(SortitionProblem problem, int maxAttempts)
    {
        var report = QuotaRelaxation.Explain(problem);
        return report is not null
            ? new InfeasibleQuotasException(report)
            : new InvalidOperationException($"The greedy LEGACY method got stuck in all {maxAttempts} attempts although panels meeting the quotas exist; use LEXIMIN.");
    }

    /// <summary>The pool split by quota value, with O(1) removal, reused across attempts.</summary>
    private sealed class GreedyState
    {
        private readonly SortitionProblem _problem;
        private readonly int[][] _members;
        private readonly int[] _count;
        private readonly int[][] _position;
        private readonly int[] _selected;

        public GreedyState(SortitionProblem problem)
        {
            _problem = problem;
            var quotas = problem.Quotas.Count;
            _members = [.. problem.Available.Select(a => new int[a])];
            _count = new int[quotas];
            _selected = new int[quotas];
            _position = new int[problem.Pool.Count][];
            for (var i = 0; i < problem.Pool.Count; i++)
            {
                _position[i] = new int[problem.Categories.Count];
            }
        }

        public int[]? TryDraw(SeededRandom random)
        {
            var quotas = _problem.Quotas;
            Array.Clear(_count);
            Array.Clear(_selected);
            for (var i = 0; i < _problem.Pool.Count; i++)
            {
                var row = _problem.PersonQuotas[i];
                for (var c = 0; c < row.Length; c++)
                {
                    _position[i][c] = _count[row[c]];
                    _members[row[c]][_count[row[c]]++] = i;
                }
            }

            // A value whose maximum is 0 is out from the start.
            for (var q = 0; q < quotas.Count; q++)
            {
                if (quotas[q].Max == 0)
                {
                    RemoveAllWith(q);
                }
            }

            var panel = new List<int>(_problem.PanelSize);
            for (var step = 0; step < _problem.PanelSize; step++)
            {
                var best = -1;
                var bestRatio = double.NegativeInfinity;
                for (var q = 0; q < quotas.Count; q++)
                {
                    var needed = quotas[q].Min - _selected[q];
                    if (needed > 0 && _count[q] < needed)
                    {
                        return null;
                    }

                    if (_count[q] == 0)
                    {
                        continue;
                    }

                    var ratio = (double)needed / _count[q];
                    if (ratio > bestRatio)
                    {
                        bestRatio = ratio;
                        best = q;
                    }
                }

                if (best < 0)
                {
                    return null;
                }

                var person = _members[best][random.NextInt(_count[best])];
                panel.Add(person);
                Remove(person);
                foreach (var q in _problem.PersonQuotas[person])
                {
                    _selected[q]++;
                    if (_selected[q] == quotas[q].Max)
                    {
                        RemoveAllWith(q);
                    }
                }
            }

            for (var q = 0; q < quotas.Count; q++)
            {
                if (_selected[q] < quotas[q].Min)
                {
                    return null;
                }
            }

            panel.Sort();
            return [.. panel];
        }

        private void RemoveAllWith(int q)
        {
            while (_count[q] > 0)
            {
                Remove(_members[q][_count[q] - 1]);
            }
        }

        private void Remove(int person)
        {
            var row = _problem.PersonQuotas[person];
            for (var c = 0; c < row.Length; c++)
            {
                var q = row[c];
                var at = _position[person][c];
                var last = _members[q][--_count[q]];
                _members[q][at] = last;
                _position[last][c] = at;
            }
        }
    }
}
