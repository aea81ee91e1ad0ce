using Masterplan.Algorithms.Random;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

public class LeximinLimitsTests
{
    private static SortitionProblem FeasibleProblem(int seed, int n, int k)
    {
        for (var s = seed; s < seed + 200; s++)
        {
            var problem = SortitionTestData.RandomProblem(s, n, k, 3, tight: false);
            if (QuotaRelaxation.Explain(problem) is null && new HashSet<string>(problem.Pool.Select(r => string.Join('|', r.Features.Values))).Count > 10)
            {
                return problem;
            }
        }

        throw new InvalidOperationException("no feasible problem");
    }

    [Fact]
    public void The_round_cap_stops_with_a_message_that_says_where_it_stood()
    {
        var problem = FeasibleProblem(5, 120, 12);

        var e = Assert.Throws<LeximinLimitException>(() => LeximinSolver.Solve(problem, new LeximinSettings { MaxRounds = 1 }, null));

        Assert.Contains("round cap of 1", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"stage \d+ of at most \d+, \d+ panel compositions, 1 rounds", e.Message);
        Assert.Contains("No lottery is returned", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Progress);
        Assert.Equal(1, e.Progress.Rounds);
    }

    [Fact]
    public void The_time_limit_stops_with_a_message()
    {
        var problem = FeasibleProblem(5, 120, 12);

        var e = Assert.Throws<LeximinLimitException>(() => PanelSelection.Select(problem, SortitionAlgorithm.Leximin, "seed", new SelectionOptions { Leximin = new LeximinSettings { TimeLimit = TimeSpan.FromTicks(1) } }));

        Assert.Contains("time limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_token_stops_the_computation()
    {
        var problem = FeasibleProblem(5, 120, 12);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => LeximinSolver.Solve(problem, cancel.Token));
    }

    [Fact]
    public void Progress_counts_stages_and_panels_up_to_every_respondent_fixed()
    {
        var problem = FeasibleProblem(7, 120, 12);
        var reports = new List<LeximinProgress>();

        var distribution = LeximinSolver.Solve(problem, null, new Recorder(reports));

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.Stage, 1, r.MaxStages));
        Assert.Equal(reports.Select(r => r.Stage).Order(), reports.Select(r => r.Stage));
        Assert.Equal(reports.Select(r => r.FixedRespondents).Order(), reports.Select(r => r.FixedRespondents));
        Assert.Equal(problem.Pool.Count, reports[^1].FixedRespondents);
        Assert.True(reports[^1].Panels >= distribution.Compositions);

        // The last step assembles the lottery for the computed chances: its share only grows, up to all of it.
        var shares = reports.Where(r => r.LotteryShare is not null).Select(r => r.LotteryShare!.Value).ToList();
        Assert.NotEmpty(shares);
        Assert.Equal(shares.Order(), shares);
        Assert.Equal(1.0, reports[^1].LotteryShare);
    }

    [Fact]
    public void The_independent_check_certifies_leximin_on_a_pool_too_large_to_enumerate_and_rejects_legacy()
    {
        var problem = FeasibleProblem(11, 150, 15);
        var distribution = LeximinSolver.Solve(problem);

        var report = LeximinCertificate.Check(problem, distribution.Panels, distribution.Probabilities);

        Assert.True(report.IsLeximin(1e-6), report.ToString());
        Assert.True(report.Levels >= 2, report.ToString());

        // The check can fail: LEGACY's lottery is valid but not the fairest.
        var legacy = LegacySolver.Estimate(problem, new SeededRandom("check"), 300);
        var legacyReport = LeximinCertificate.Check(problem, legacy.Panels, legacy.Probabilities);
        Assert.True(legacyReport.AllPanelsValid);
        Assert.False(legacyReport.IsLeximin(1e-6), legacyReport.ToString());
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Local_search_pricing_gives_every_person_the_probability_of_the_plain_column_generation(int seed)
    {
        // Five categories on 200 people make around a hundred types, enough rounds for the local search to supply
        // most columns; the exact pricing must still end every stage, so both methods give the same lottery values.
        var problem = Enumerable.Range(seed * 100, 200).Select(s => SortitionTestData.RandomProblem(s, 200, 20, 5, tight: false))
            .First(p => QuotaRelaxation.Explain(p) is null);

        var fast = LeximinSolver.Solve(problem, new LeximinSettings { Method = LeximinMethod.LocalSearchFirst }, null);
        var plain = LeximinSolver.Solve(problem, new LeximinSettings { Method = LeximinMethod.Plain }, null);

        for (var i = 0; i < problem.Pool.Count; i++)
        {
            Assert.True(Math.Abs(fast.Probabilities[i] - plain.Probabilities[i]) <= 1e-6, $"person {i}: local search first {SortitionTestData.F(fast.Probabilities[i])}, plain {SortitionTestData.F(plain.Probabilities[i])}");
        }

        var report = LeximinCertificate.Check(problem, fast.Panels, fast.Probabilities);
        Assert.True(report.IsLeximin(1e-6), report.ToString());
    }

    private sealed class Recorder(List<LeximinProgress> reports) : IProgress<LeximinProgress>
    {
        public void Report(LeximinProgress value) => reports.Add(value);
    }
}
