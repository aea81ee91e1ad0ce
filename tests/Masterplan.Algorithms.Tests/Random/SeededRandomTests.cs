using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.Tests.Random;

public class SeededRandomTests
{
    // Golden vector: if this changes, every recorded draw stops replaying. Never update it casually.
    [Fact]
    public void The_same_seed_gives_the_same_sequence_as_recorded()
    {
        var random = new SeededRandom("17 4 33 8");
        var first = Enumerable.Range(0, 5).Select(_ => random.NextInt(1000)).ToArray();
        Assert.Equal(GoldenFirstFive, first);
    }

    // Computed independently with a Python transcription of xoshiro256** seeded from SHA-256 ("17 4 33 8").
    private static readonly int[] GoldenFirstFive = [200, 815, 742, 415, 517];

    [Fact]
    public void Different_seeds_give_different_sequences()
    {
        var a = new SeededRandom("seed A");
        var b = new SeededRandom("seed B");
        Assert.NotEqual(
            Enumerable.Range(0, 8).Select(_ => a.NextUInt64()),
            Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Integers_in_a_range_are_roughly_uniform()
    {
        var random = new SeededRandom("uniformity");
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void A_sample_has_distinct_indices_inside_the_population()
    {
        var random = new SeededRandom("sample");
        var sample = random.SampleIndices(600_000, 1_000);
        Assert.Equal(1_000, sample.Distinct().Count());
        Assert.All(sample, i => Assert.InRange(i, 0, 599_999));
    }

    [Fact]
    public void A_full_sample_is_a_permutation()
    {
        var sample = new SeededRandom("perm").SampleIndices(50, 50);
        Assert.Equal(Enumerable.Range(0, 50), sample.Order());
    }

    [Fact]
    public void An_empty_seed_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SeededRandom(" "));
    }
}
