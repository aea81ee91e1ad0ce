using Masterplan.Algorithms.Sortition;
using static Masterplan.Algorithms.Tests.Sortition.SortitionTestData;

namespace Masterplan.Algorithms.Tests.Sortition;

public class SortitionProblemTests
{
    private static readonly Quota[] GenderQuotas = [new("gender", "f", 1, 2), new("gender", "m", 1, 2)];

    private static List<Respondent> Four() =>
        [Person("a", ("gender", "f")), Person("b", ("gender", "f")), Person("c", ("gender", "m")), Person("d", ("gender", "m"))];

    [Fact]
    public void A_panel_larger_than_the_pool_is_refused()
    {
        var ex = Assert.Throws<SortitionInputException>(() => new SortitionProblem(Four(), GenderQuotas, 5));
        Assert.Contains("The panel size 5 is larger than the pool of 4 respondents.", ex.Errors);
    }

    [Fact]
    public void A_value_without_a_quota_is_named_with_the_respondent()
    {
        var pool = Four().Append(Person("e", ("gender", "d"))).ToList();
        var ex = Assert.Throws<SortitionInputException>(() => new SortitionProblem(pool, GenderQuotas, 2));
        Assert.Contains(ex.Errors, e => e.Contains("Respondent 'e' has gender = 'd', which is not among the quota values of 'gender' (f, m)", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_structural_problem_is_listed_at_once()
    {
        var pool = Four().Append(Person("a", ("gender", "f"))).Append(Person("x", ("age", "old"))).ToList();
        Quota[] quotas = [new("gender", "f", 3, 2), new("gender", "m", -1, 2), new("gender", "m", 0, 1)];

        var ex = Assert.Throws<SortitionInputException>(() => new SortitionProblem(pool, quotas, 0));

        Assert.Contains("The panel size must be at least 1, got 0.", ex.Errors);
        Assert.Contains("The minimum of gender = f (3) is above its maximum (2).", ex.Errors);
        Assert.Contains("The minimum of gender = m is negative (-1).", ex.Errors);
        Assert.Contains("The quota for gender = m is given twice.", ex.Errors);
        Assert.Contains("The respondent id 'a' occurs more than once.", ex.Errors);
        Assert.Contains("Respondent 'x' has no value for the category 'gender'.", ex.Errors);
    }

    [Fact]
    public void Valid_panels_are_recognised()
    {
        var problem = new SortitionProblem(Four(), GenderQuotas, 2);
        Assert.True(problem.IsValidPanel(["a", "c"]));
        Assert.False(problem.IsValidPanel(["a", "b"]));
        Assert.False(problem.IsValidPanel(["a", "a"]));
        Assert.False(problem.IsValidPanel(["a"]));
        Assert.False(problem.IsValidPanel(["a", "zz"]));
    }

    [Fact]
    public void People_in_no_feasible_panel_get_probability_zero_and_are_never_reserves()
    {
        // Nobody may be "other" (0..0), so "o" is in no panel.
        var pool = Four().Append(Person("o", ("gender", "o"))).ToList();
        var problem = new SortitionProblem(pool, [.. GenderQuotas, new Quota("gender", "o", 0, 0)], 2);

        var result = PanelSelection.Select(problem, SortitionAlgorithm.Leximin, "seed");

        Assert.Equal(0, result.Probabilities.Single(p => p.Id == "o").Probability, 1e-9);
        Assert.All(result.Probabilities.Where(p => p.Id != "o"), p => Assert.Equal(0.5, p.Probability, 1e-6));
        Assert.DoesNotContain("o", result.Reserve);
        Assert.Equal(2, result.Reserve.Count);
    }

    [Fact]
    public void Legacy_follows_the_quotas_and_replays_with_the_seed()
    {
        var problem = RandomProblem(5, 40, 10, 3, tight: false);
        if (QuotaRelaxation.Explain(problem) is not null)
        {
            return;
        }

        var first = LegacySolver.DrawPanel(problem, new Algorithms.Random.SeededRandom("s"));
        var again = LegacySolver.DrawPanel(problem, new Algorithms.Random.SeededRandom("s"));
        Assert.Equal(first, again);
        Assert.True(problem.IsValidPanel(first));
        var estimate = LegacySolver.Estimate(problem, new Algorithms.Random.SeededRandom("e"), 200);
        Assert.Equal(10, estimate.Probabilities.Sum(), 1e-9);
        Assert.All(estimate.Panels, p => Assert.True(problem.IsValidPanel(p.Members)));
    }
}
