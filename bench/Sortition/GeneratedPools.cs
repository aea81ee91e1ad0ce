using System.Globalization;
using System.Text;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Bench.Sortition;

/// <summary>
/// Registration pools of the kind a real lottery produces: 500–2,000 respondents answering 5–7 quota categories
/// (gender, age band, part of the city, education, migration background, employment, household), with the usual
/// self-selection (older, more educated people register more often) and correlated answers (65+ mostly retired,
/// 16–24 mostly in education). Quotas follow the city's make-up: for a share s of the population and panel size
/// k, min = ⌊s·k⌋ and max = ⌈s·k⌉, with one place of room on either side for some values. The same seed gives
/// the same pool, byte for byte.
/// </summary>
internal static class GeneratedPools
{
    /// <summary>The bench's instances: name, seed, respondents, categories, panel size.</summary>
    public static readonly (string Name, int Seed, int N, int Categories, int K)[] Instances =
    [
        ("gen_500_5_30", 11, 500, 5, 30),
        ("gen_1000_5_50", 12, 1_000, 5, 50),
        ("gen_1000_6_50", 13, 1_000, 6, 50),
        ("gen_2000_6_100", 14, 2_000, 6, 100),
        ("gen_2000_7_100", 15, 2_000, 7, 100),
    ];

    // Category, values, share of the population, relative tendency to register.
    private static readonly (string Category, string[] Values, double[] Population, double[] Registers)[] Categories =
    [
        ("Geschlecht", ["w", "m", "d"], [0.505, 0.490, 0.005], [1.05, 0.95, 1.0]),
        ("Alter", ["16-24", "25-34", "35-49", "50-64", "65+"], [0.11, 0.16, 0.22, 0.25, 0.26], [0.6, 0.8, 1.0, 1.3, 1.2]),
        ("Stadtbereich", ["Mitte", "Nord", "Ost", "Süd", "West"], [0.29, 0.15, 0.20, 0.19, 0.17], [1.2, 0.7, 1.0, 1.2, 0.9]),
        ("Bildung", ["niedrig", "mittel", "hoch"], [0.30, 0.40, 0.30], [0.5, 0.9, 1.6]),
        ("Migrationsgeschichte", ["ja", "nein"], [0.36, 0.64], [0.6, 1.1]),
        ("Erwerbsstatus", ["erwerbstätig", "arbeitslos", "im Ruhestand", "in Ausbildung"], [0.50, 0.07, 0.27, 0.16], [1.0, 0.7, 1.1, 0.8]),
        ("Haushalt", ["allein", "mit Kindern", "ohne Kinder"], [0.42, 0.25, 0.33], [1.1, 0.8, 1.0]),
    ];

    public static SortitionProblem Create(int seed, int n, int categoryCount, int k)
    {
        var rng = new System.Random(seed);
        var categories = Categories.Take(categoryCount).ToArray();
        var pool = new List<Respondent>(n);
        for (var i = 0; i < n; i++)
        {
            var features = new Dictionary<string, string>(StringComparer.Ordinal);
            var age = -1;
            foreach (var (category, values, population, registers) in categories)
            {
                var weights = population.Select((p, v) => p * registers[v]).ToArray();
                if (category == "Erwerbsstatus" && age >= 0)
                {
                    // Answers go together: the young are mostly in education, the old mostly retired.
                    weights = age switch
                    {
                        0 => [0.25, 0.05, 0.0, 0.70],
                        4 => [0.06, 0.01, 0.93, 0.0],
                        3 => [0.75, 0.10, 0.13, 0.02],
                        _ => [0.82, 0.10, 0.01, 0.07],
                    };
                }

                var v = Pick(rng, weights);
                if (category == "Alter")
                {
                    age = v;
                }

                features[category] = values[v];
            }

            pool.Add(new Respondent($"r{i + 1:D4}", features));
        }

        var quotas = new List<Quota>();
        foreach (var (category, values, population, _) in categories)
        {
            var available = values.Select(v => pool.Count(r => r.Features[category] == v)).ToArray();
            for (var v = 0; v < values.Length; v++)
            {
                var share = population[v] * k;
                var min = (int)Math.Floor(share);
                var max = (int)Math.Ceiling(share);
                if (max == min || rng.NextDouble() < 0.3)
                {
                    min = Math.Max(0, min - (rng.NextDouble() < 0.5 ? 1 : 0));
                    max++;
                }

                min = Math.Min(min, available[v]);
                quotas.Add(new Quota(category, values[v], min, max));
            }
        }

        return new SortitionProblem(pool, quotas, k);
    }

    /// <summary>Writes the pool in the replication format (respondents.csv without ids, categories.csv) for the CLI.</summary>
    public static void Write(SortitionProblem problem, string directory)
    {
        Directory.CreateDirectory(directory);
        var respondents = new StringBuilder();
        respondents.AppendJoin(',', problem.Categories).Append('\n');
        foreach (var r in problem.Pool)
        {
            respondents.AppendJoin(',', problem.Categories.Select(c => r.Features[c])).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "respondents.csv"), respondents.ToString());
        var categories = new StringBuilder("category,feature,min,max\n");
        foreach (var q in problem.Quotas)
        {
            categories.Append(CultureInfo.InvariantCulture, $"{q.Category},{q.Value},{q.Min},{q.Max}\n");
        }

        File.WriteAllText(Path.Combine(directory, "categories.csv"), categories.ToString());
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
}
