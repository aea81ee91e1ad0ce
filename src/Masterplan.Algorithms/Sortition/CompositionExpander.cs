namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// Turns a panel composition (x_t members of each type t of size n_t) into concrete panels in which every
/// member of type t is selected with probability exactly x_t / n_t.
/// </summary>
/// <remarks>
/// Systematic sampling with one common offset u, uniform in [0, 1): type t selects the members
/// floor((u + m) · n_t / x_t) for m = 0 … x_t − 1. Member j is selected for a set of u of total length
/// x_t / n_t, so its probability is exact, and the selection changes only where u crosses a multiple of
/// gcd(x_t, n_t) / n_t. The panels are therefore the pieces between these breakpoints, weighted by their length:
/// at most Σ n_t / gcd(x_t, n_t) panels, often far fewer.
/// </remarks>
internal static class CompositionExpander
{
    public static IEnumerable<(int[] PoolIndices, double Weight)> Expand(RespondentTypes types, int[] counts)
    {
        // Breakpoints as exact fractions num/den in [0, 1).
        var breakpoints = new SortedSet<(long Num, long Den)>(Comparer<(long Num, long Den)>.Create(
            (a, b) => (a.Num * b.Den).CompareTo(b.Num * a.Den)))
        {
            (0, 1),
        };
        for (var t = 0; t < counts.Length; t++)
        {
            var x = counts[t];
            var n = types.Size[t];
            if (x == 0 || x == n)
            {
                continue;
            }

            var step = Gcd(x, n);
            for (long m = step; m < n; m += step)
            {
                var g = Gcd(m, n);
                breakpoints.Add((m / g, n / g));
            }
        }

        var points = breakpoints.Select(b => (double)b.Num / b.Den).Append(1.0).ToArray();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var u = (points[i] + points[i + 1]) / 2;
            var panel = new List<int>();
            for (var t = 0; t < counts.Length; t++)
            {
                var x = counts[t];
                var members = types.Members[t];
                for (var m = 0; m < x; m++)
                {
                    panel.Add(members[(int)Math.Floor((u + m) * members.Length / x)]);
                }
            }

            panel.Sort();
            yield return ([.. panel], points[i + 1] - points[i]);
        }
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
