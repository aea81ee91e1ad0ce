using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

public class LeximinRelaxationTests
{
    // Eight people, two seats: at least one with c0 = v1 (people 2, 4, 6), at least one with c2 = v1 (1, 3, 4, 8), at most one
    // with c1 = v2 (1, 2, 7, 8). Found by the property test's generator: the LP relaxation of the compositions lets
    // fractional panels give the least chosen people more than any lottery over real panels can.
    private static SortitionProblem Pool()
    {
        string[] rows = ["v0,v2,v1", "v1,v2,v0", "v0,v0,v1", "v1,v0,v1", "v0,v0,v0", "v1,v0,v0", "v0,v2,v0", "v0,v2,v1"];
        var pool = rows.Select((r, i) => new Respondent($"p{i + 1}", r.Split(',').Select((v, c) => ($"c{c}", v)).ToDictionary(f => f.Item1, f => f.v))).ToList();
        Quota[] quotas =
        [
            new("c0", "v0", 0, 3), new("c0", "v1", 1, 2),
            new("c1", "v0", 0, 3), new("c1", "v1", 0, 3), new("c1", "v2", 0, 1),
            new("c2", "v0", 0, 2), new("c2", "v1", 1, 2),
        ];
        return new SortitionProblem(pool, quotas, 2);
    }

    [Fact]
    public void When_no_lottery_reaches_the_leximin_of_the_relaxation_the_column_generation_finds_the_true_one()
    {
        var problem = Pool();

        // Fractional panels that meet every quota in their sums and are fairer than any lottery can be: person 2 and
        // person 6 get 0.3 where the true LEXIMIN gives person 2 only 0.2. So the relaxation's LEXIMIN is not the answer.
        double[] fractional = [0.2, 0.3, 0.2, 0.4, 0.2, 0.3, 0.2, 0.2];
        Assert.Equal(problem.PanelSize, fractional.Sum(), 12);
        foreach (var quota in problem.Quotas)
        {
            var sum = Enumerable.Range(0, fractional.Length).Where(i => problem.Pool[i].Features[quota.Category] == quota.Value).Sum(i => fractional[i]);
            Assert.InRange(sum, quota.Min - 1e-12, quota.Max + 1e-12);
        }

        var exact = ExactLeximin.Probabilities(problem)!;
        var first = fractional.Order().Zip(exact.Order()).First(pair => Math.Abs(pair.First - pair.Second) > 1e-6);
        Assert.True(first.First > first.Second, "the fractional point is not fairer than the exact LEXIMIN");

        var result = LeximinSolver.Solve(problem);

        for (var i = 0; i < problem.Pool.Count; i++)
        {
            Assert.True(Math.Abs(result.Probabilities[i] - exact[i]) <= 1e-6, $"person {i + 1}: {SortitionTestData.F(result.Probabilities[i])}, exact {SortitionTestData.F(exact[i])}");
        }
    }
}
