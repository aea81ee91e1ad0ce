using Masterplan.Algorithms.Sortition;
using static Masterplan.Algorithms.Tests.Sortition.SortitionTestData;

namespace Masterplan.Algorithms.Tests.Sortition;

public class QuotaRelaxationTests
{
    private static List<Respondent> Pool(int women, int men, int young = 0) =>
        [
            .. Enumerable.Range(0, women).Select(i => Person($"w{i}", ("gender", "f"), ("age", i < young ? "young" : "old"))),
            .. Enumerable.Range(0, men).Select(i => Person($"m{i}", ("gender", "m"), ("age", "old"))),
        ];

    [Fact]
    public void Minimums_above_the_panel_size_are_named_and_lowered()
    {
        var problem = new SortitionProblem(Pool(10, 10), [new Quota("gender", "f", 6, 10), new Quota("gender", "m", 6, 10), new Quota("age", "young", 0, 10), new Quota("age", "old", 0, 10)], 10);

        var report = QuotaRelaxation.Explain(problem);

        Assert.NotNull(report);
        Assert.Contains(report.Reasons, r => r.Contains("minimums of 'gender' add up to 12, more than the panel size 10", StringComparison.Ordinal));
        Assert.Equal(2, report.TotalRelaxation);
        Assert.All(report.Relaxations, r => Assert.Equal("gender", r.Quota.Category));
        var relaxedMinimums = problem.Quotas.Where(q => q.Category == "gender").Sum(q => report.Relaxations.FirstOrDefault(r => r.Quota == q)?.RelaxedMin ?? q.Min);
        Assert.Equal(10, relaxedMinimums);
        var ex = Assert.Throws<InfeasibleQuotasException>(() => LeximinSolver.Solve(problem));
        Assert.Equal(2, ex.Report.TotalRelaxation);
        var legacy = Assert.Throws<InfeasibleQuotasException>(() => PanelSelection.Select(problem, SortitionAlgorithm.Legacy, "seed"));
        Assert.Equal(2, legacy.Report.TotalRelaxation);
    }

    [Fact]
    public void Maximums_that_cannot_reach_the_panel_size_are_named_and_raised()
    {
        var problem = new SortitionProblem(Pool(10, 10), [new Quota("gender", "f", 0, 4), new Quota("gender", "m", 0, 4), new Quota("age", "young", 0, 10), new Quota("age", "old", 0, 10)], 10);

        var report = QuotaRelaxation.Explain(problem)!;

        Assert.Contains(report.Reasons, r => r.Contains("maximums of 'gender' add up to 8, less than the panel size 10", StringComparison.Ordinal));
        Assert.Equal(2, report.TotalRelaxation);
        Assert.All(report.Relaxations, r => Assert.True(r.RelaxedMax > r.Quota.Max && r.RelaxedMin == r.Quota.Min));
    }

    [Fact]
    public void A_minimum_above_the_respondents_available_is_named()
    {
        // Only 2 young respondents, but 3 young panel members required.
        var problem = new SortitionProblem(Pool(10, 10, young: 2), [new Quota("gender", "f", 0, 10), new Quota("gender", "m", 0, 10), new Quota("age", "young", 3, 10), new Quota("age", "old", 0, 10)], 10);

        var report = QuotaRelaxation.Explain(problem)!;

        Assert.Contains(report.Reasons, r => r.Contains("age = young needs at least 3 panel members, but only 2 respondents have this value", StringComparison.Ordinal));
        var relaxed = Assert.Single(report.Relaxations);
        Assert.Equal(("age", "young", 2, 10), (relaxed.Quota.Category, relaxed.Quota.Value, relaxed.RelaxedMin, relaxed.RelaxedMax));
    }

    [Fact]
    public void A_conflict_between_categories_names_the_quotas_involved()
    {
        // Every young respondent is a woman: at least 4 young but at most 2 women cannot both hold.
        var problem = new SortitionProblem(Pool(10, 10, young: 6), [new Quota("gender", "f", 0, 2), new Quota("gender", "m", 0, 10), new Quota("age", "young", 4, 10), new Quota("age", "old", 0, 10)], 8);

        var report = QuotaRelaxation.Explain(problem)!;

        Assert.Equal(2, report.TotalRelaxation);
        Assert.Contains(report.Reasons, r => r.Contains("not all together", StringComparison.Ordinal));
        Assert.Contains(report.Relaxations, r => r.Quota.Value is "f" or "young");
        var panelSizeCheck = new SortitionProblem(problem.Pool, [.. problem.Quotas.Select(q => report.Relaxations.FirstOrDefault(r => r.Quota == q) is { } r ? q with { Min = r.RelaxedMin, Max = r.RelaxedMax } : q)], problem.PanelSize);
        Assert.Null(QuotaRelaxation.Explain(panelSizeCheck));
    }

    [Fact]
    public void A_parity_conflict_names_the_categories_whose_quotas_conflict()
    {
        // Everyone in district Nord answered "ja", everyone in Süd "nein": 11 from Nord but only 9 "ja" cannot hold.
        // Age is free and must not be blamed; neither may two values of one category be named as the conflict.
        var pool = Enumerable.Range(0, 40).Select(i => Person($"p{i}", ("district", i < 20 ? "Nord" : "Süd"), ("age", i % 2 == 0 ? "jung" : "alt"), ("C", i < 20 ? "ja" : "nein"))).ToList();
        var problem = new SortitionProblem(pool, [
            new Quota("district", "Nord", 11, 11), new Quota("district", "Süd", 9, 9),
            new Quota("age", "jung", 8, 12), new Quota("age", "alt", 8, 12),
            new Quota("C", "ja", 9, 9), new Quota("C", "nein", 11, 11)], 20);

        var report = QuotaRelaxation.Explain(problem)!;

        var reason = Assert.Single(report.Reasons);
        Assert.Contains("the quotas of 'district' and 'C' cannot be met by one panel of 20", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("'age'", reason, StringComparison.Ordinal);
        Assert.Equal(4, report.TotalRelaxation);
    }

    [Fact]
    public void The_relaxation_is_minimal_compared_with_brute_force_on_small_pools()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var problem = RandomProblem(seed, 8, 4, 2, tight: true);
            var report = QuotaRelaxation.Explain(problem);
            var panels = ExactLeximin.FeasiblePanels(problem);
            Assert.Equal(panels.Count == 0, report is not null);
            if (report is null)
            {
                continue;
            }

            // Brute force: the least total relaxation over all k-subsets.
            var best = int.MaxValue;
            foreach (var subset in Subsets(problem.Pool.Count, problem.PanelSize))
            {
                var cost = 0;
                foreach (var q in problem.Quotas)
                {
                    var count = subset.Count(i => problem.Pool[i].Features[q.Category] == q.Value);
                    cost += Math.Max(0, q.Min - count) + Math.Max(0, count - q.Max);
                }

                best = Math.Min(best, cost);
            }

            Assert.Equal(best, report.TotalRelaxation);
            var relaxed = problem.Quotas.Select(q => report.Relaxations.FirstOrDefault(r => r.Quota == q) is { } r ? q with { Min = r.RelaxedMin, Max = r.RelaxedMax } : q).ToList();
            Assert.Null(QuotaRelaxation.Explain(new SortitionProblem(problem.Pool, relaxed, problem.PanelSize)));
        }
    }

    [Fact]
    public void Flexible_bounds_are_reported_but_not_applied()
    {
        var problem = new SortitionProblem(Pool(10, 10), [new Quota("gender", "f", 6, 10) { MinFlex = 5 }, new Quota("gender", "m", 6, 10) { MinFlex = 6 }, new Quota("age", "young", 0, 10), new Quota("age", "old", 0, 10)], 10);

        var report = QuotaRelaxation.Explain(problem)!;

        Assert.Equal(2, report.TotalRelaxation);
        Assert.Contains("Smallest relaxation (total 2)", report.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        for (var mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == k)
            {
                yield return [.. Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0)];
            }
        }
    }
}
