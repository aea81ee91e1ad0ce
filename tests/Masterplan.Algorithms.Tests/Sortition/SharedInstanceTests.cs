using System.Diagnostics;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

/// <summary>The published instances (../shared/sortition-data): LEXIMIN reaches the published minimum probability.</summary>
public class SharedInstanceTests
{
    [Theory]
    [InlineData("example_small_20", 20, 0.100)]
    [InlineData("sf_fixture_150_22", 22, 1.0 / 11)] // published 0.0909
    [InlineData("example_large_200", 200, 0.100)]
    public void Leximin_reaches_the_published_minimum_and_every_panel_meets_the_quotas(string instance, int k, double published)
    {
        var problem = SortitionTestData.SharedInstance(instance, k);
        var watch = Stopwatch.StartNew();
        var distribution = LeximinSolver.Solve(problem);
        watch.Stop();

        Assert.Equal(published, distribution.Probabilities.Min(), 1e-9);
        Assert.Equal(k, distribution.Probabilities.Sum(), 1e-6);
        Assert.All(distribution.Panels, p => Assert.True(problem.IsValidPanel(p.Members)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{instance} took {watch.Elapsed}");
    }

    [Fact]
    public void On_example_small_20_everybody_gets_k_over_n_while_legacy_leaves_someone_far_below()
    {
        var problem = SortitionTestData.SharedInstance("example_small_20", 20);
        var leximin = PanelSelection.Select(problem, SortitionAlgorithm.Leximin, "public seed 2025");
        var legacy = PanelSelection.Select(problem, SortitionAlgorithm.Legacy, "public seed 2025", new SelectionOptions { LegacyRuns = 2_000 });

        Assert.Equal(0.1, leximin.MinimumProbability, 1e-6);
        Assert.Equal(0.1, leximin.MaximumProbability, 1e-6);
        Assert.Equal(20, leximin.Panel.Count);
        Assert.True(problem.IsValidPanel(leximin.Panel));
        Assert.True(problem.IsValidPanel(legacy.Panel));
        Assert.Equal(20, legacy.Distribution.Probabilities.Sum(), 1e-9);

        // The paper: LEGACY gives its least-likely respondent ≤ 1.21 % (the lone female conservative).
        Assert.True(legacy.MinimumProbability < 0.03, $"LEGACY minimum {legacy.MinimumProbability}");
    }

    [Fact]
    public void The_reserve_list_has_k_people_off_the_panel_and_replaces_a_dropout_within_the_quotas()
    {
        var problem = SortitionTestData.SharedInstance("sf_fixture_150_22", 22);
        var result = PanelSelection.Select(problem, SortitionAlgorithm.Leximin, "7 12 19 33 41");

        Assert.Equal(22, result.Reserve.Count);
        Assert.Empty(result.Reserve.Intersect(result.Panel));
        foreach (var dropout in result.Panel.Take(5))
        {
            var replacement = PanelSelection.FindReplacement(problem, result.Panel, result.Reserve, dropout);
            if (replacement is not null)
            {
                Assert.True(problem.IsValidPanel(result.Panel.Where(id => id != dropout).Append(replacement)));
            }
        }
    }
}
