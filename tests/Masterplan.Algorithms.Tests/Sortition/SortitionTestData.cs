using System.Globalization;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

internal static class SortitionTestData
{
    /// <summary>The shared benchmark instances (../shared/sortition-data next to the repository).</summary>
    public static string SharedDataDirectory { get; } = FindSharedData();

    public static SortitionProblem SharedInstance(string name, int k)
    {
        var dir = Path.Combine(SharedDataDirectory, name);
        var data = File.Exists(Path.Combine(dir, "features.csv"))
            ? SortitionFileReader.Read(Path.Combine(dir, "candidates.csv"), Path.Combine(dir, "features.csv"))
            : SortitionFileReader.Read(Path.Combine(dir, "respondents.csv"), Path.Combine(dir, "categories.csv"));
        return data.ToProblem(k);
    }

    /// <summary>
    /// A random small problem: n people, 1–3 categories with 2–3 values each, a skewed pool, and quotas around a
    /// random target share that differs from the pool's make-up (so probabilities are unequal), with slack 0–1
    /// (tight) or 0–2 on each side; some instances are infeasible.
    /// </summary>
    public static SortitionProblem RandomProblem(int seed, int n, int k, int categories, bool tight)
    {
        var rng = new System.Random(seed);
        var names = Enumerable.Range(0, categories).Select(c => $"c{c}").ToArray();
        var valueCount = names.Select(_ => rng.Next(2, 4)).ToArray();
        var poolWeights = valueCount.Select(m => Enumerable.Range(0, m).Select(_ => 0.2 + rng.NextDouble()).ToArray()).ToArray();
        var pool = Enumerable.Range(0, n)
            .Select(i => new Respondent(
                $"p{i}",
                names.Select((c, ci) => (c, v: $"v{Pick(rng, poolWeights[ci])}")).ToDictionary(x => x.c, x => x.v)))
            .ToList();
        var quotas = new List<Quota>();
        for (var c = 0; c < categories; c++)
        {
            var target = Enumerable.Range(0, valueCount[c]).Select(_ => 0.2 + rng.NextDouble()).ToArray();
            var total = target.Sum();
            for (var v = 0; v < valueCount[c]; v++)
            {
                var share = k * target[v] / total;
                var min = Math.Max(0, (int)Math.Floor(share) - rng.Next(tight ? 1 : 2));
                var max = (int)Math.Ceiling(share) + rng.Next(tight ? 1 : 3);
                quotas.Add(new Quota(names[c], $"v{v}", min, max));
            }
        }

        return new SortitionProblem(pool, quotas, k);
    }

    private static int Pick(System.Random rng, double[] weights)
    {
        var u = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    public static Respondent Person(string id, params (string Category, string Value)[] features) =>
        new(id, features.ToDictionary(f => f.Category, f => f.Value));

    public static string F(double x) => x.ToString("F6", CultureInfo.InvariantCulture);

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "sortition-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/sortition-data was not found above " + AppContext.BaseDirectory);
    }
}
