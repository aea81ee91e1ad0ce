using CsCheck;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.Tests.Invitations;

public class InviteeDrawTests
{
    private static readonly DateOnly Reference = new(2026, 11, 23);

    /// <summary>A deterministic synthetic extract: n residents over a few districts and sub-districts.</summary>
    internal static RegisterExtract Synthetic(int n, int seed, bool subDistricts = true)
    {
        var random = new SeededRandom($"synthetic {seed}");
        string[] districts = ["Eving", "Hörde", "Mengede"];
        var persons = Enumerable.Range(0, n).Select(i =>
        {
            var d = districts[random.NextInt(districts.Length)];
            return new RegisterPerson(
                i + 2,
                $"Person {i}",
                $"Weg {i}",
                1910 + random.NextInt(100),
                (RegisterGender)(random.NextInt(10) switch { < 5 => 0, < 9 => 1, _ => 2 + random.NextInt(2) }),
                d,
                subDistricts ? $"{d} {1 + random.NextInt(3)}" : null);
        });
        return RegisterExtract.FromPersons(persons, DortmundDistricts.Names);
    }

    [Theory]
    [InlineData(SamplingMethod.Simple)]
    [InlineData(SamplingMethod.Stratified)]
    public void The_same_inputs_and_seed_replay_the_same_invitees(SamplingMethod method)
    {
        var extract = Synthetic(2_000, 1);

        var a = InviteeDraw.Draw(extract, 150, method, Reference, "17 4 33 8");
        var b = InviteeDraw.Draw(Synthetic(2_000, 1), 150, method, Reference, "17 4 33 8");
        var other = InviteeDraw.Draw(extract, 150, method, Reference, "17 4 33 9");

        Assert.Equal(a.Invitees, b.Invitees);
        Assert.Equal(a.InputSha256, b.InputSha256);
        Assert.Equal(a.Strata, b.Strata);
        Assert.NotEqual(a.Invitees, other.Invitees);
        Assert.Equal(a.InputSha256, other.InputSha256); // the seed is recorded next to the hash, not in it
    }

    // Golden vectors: if these change, recorded draws stop replaying. Never update them casually.
    [Fact]
    public void A_recorded_draw_replays_exactly()
    {
        var extract = Synthetic(200, 7);

        var simple = InviteeDraw.Draw(extract, 8, SamplingMethod.Simple, Reference, "17 4 33 8");
        var stratified = InviteeDraw.Draw(extract, 8, SamplingMethod.Stratified, Reference, "17 4 33 8");

        Assert.Equal(GoldenSimple, simple.Invitees);
        Assert.Equal(GoldenStratified, stratified.Invitees);
        Assert.Equal(GoldenStratifiedHash, stratified.InputSha256);
    }

    // Computed independently with a Python transcription of SeededRandom, the synthetic extract and the documented
    // procedure (canonical rows, input hash, strata order, largest remainder with shuffled ties, per-stratum samples).
    private static readonly int[] GoldenSimple = [3, 40, 84, 91, 105, 148, 163, 184];
    private static readonly int[] GoldenStratified = [19, 58, 99, 116, 124, 128, 130, 180];
    private const string GoldenStratifiedHash = "f00fb0ae69401acbb488ff01548cd605a855830e96ffcf401ba076d08c95b98a";

    [Fact]
    public void The_input_hash_follows_every_input_and_is_the_documented_canonical_form()
    {
        var extract = Synthetic(300, 2);
        var hash = InviteeDraw.InputHash(extract, 20, SamplingMethod.Stratified, Reference);

        Assert.NotEqual(hash, InviteeDraw.InputHash(extract, 21, SamplingMethod.Stratified, Reference));
        Assert.NotEqual(hash, InviteeDraw.InputHash(extract, 20, SamplingMethod.Simple, Reference));
        Assert.NotEqual(hash, InviteeDraw.InputHash(extract, 20, SamplingMethod.Stratified, Reference.AddDays(1)));
        Assert.NotEqual(hash, InviteeDraw.InputHash(Synthetic(300, 3), 20, SamplingMethod.Stratified, Reference));
        var canonical = $"masterplan invitee draw v1\nrows-sha256: {extract.RowsSha256}\nrows: 300\ninvitees: 20\nmethod: stratified\nreference-date: 2026-11-23\nage-bands: 0-15,16-24,25-34,35-49,50-64,65+\n";
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))), hash);
    }

    [Fact]
    public void The_order_of_the_district_list_does_not_change_the_draw()
    {
        var persons = Synthetic(500, 4).ToList();
        var a = RegisterExtract.FromPersons(persons, DortmundDistricts.Names);
        var b = RegisterExtract.FromPersons(persons, [.. DortmundDistricts.Names.Reverse()]);

        Assert.Equal(
            InviteeDraw.Draw(a, 40, SamplingMethod.Stratified, Reference, "s").Invitees,
            InviteeDraw.Draw(b, 40, SamplingMethod.Stratified, Reference, "s").Invitees);
    }

    [Fact]
    public void Each_stratum_gets_its_allocation_and_the_allocations_are_proportional()
    {
        var extract = Synthetic(3_000, 5);

        var result = InviteeDraw.Draw(extract, 250, SamplingMethod.Stratified, Reference, "strata");

        Assert.Equal(250, result.Strata.Sum(s => s.Invited));
        Assert.Equal(3_000, result.Strata.Sum(s => s.Population));
        Assert.All(result.Strata, s => Assert.InRange(s.Invited, Math.Floor(s.ExactShare), Math.Ceiling(s.ExactShare)));
        var drawnPerStratum = result.Invitees
            .GroupBy(i => (extract[i].District, extract[i].SubDistrict, AgeBands.IndexOf(AgeBands.Age(extract[i].BirthYear, Reference)), extract[i].Gender))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(result.Strata, s => Assert.Equal(s.Invited, drawnPerStratum.GetValueOrDefault((s.District, s.SubDistrict, AgeBands.All.ToList().IndexOf(s.AgeBand), s.Gender))));

        // Canonical order: district, sub-district (ordinal), age band, gender.
        Assert.Equal(
            result.Strata.OrderBy(s => s.District, StringComparer.Ordinal).ThenBy(s => s.SubDistrict, StringComparer.Ordinal).ThenBy(s => s.AgeBand.MinAge).ThenBy(s => s.Gender),
            result.Strata);
    }

    [Fact]
    public void Without_sub_districts_the_district_is_the_area()
    {
        var result = InviteeDraw.Draw(Synthetic(1_000, 6, subDistricts: false), 100, SamplingMethod.Stratified, Reference, "areas");

        Assert.All(result.Strata, s => Assert.Null(s.SubDistrict));
        Assert.Equal(["Eving", "Hörde", "Mengede"], result.Strata.Select(s => s.District).Distinct());
    }

    [Fact]
    public void Allocation_by_largest_remainder_sums_to_n_and_rounds_each_share_down_or_up()
    {
        Gen.Select(Gen.Int[0, 50].Array[1, 40], Gen.Int[0, 1000], Gen.String)
            .Where(t => t.Item1.Sum() > 0)
            .Sample(
                t =>
                {
                    var (populations, rawCount, seed) = t;
                    var total = populations.Sum();
                    var count = rawCount % (total + 1);
                    var allocation = InviteeDraw.Allocate(populations, count, new SeededRandom("x" + seed));

                    Assert.Equal(count, allocation.Sum());
                    for (var s = 0; s < populations.Length; s++)
                    {
                        var exact = (long)count * populations[s];
                        Assert.InRange(allocation[s], exact / total, (exact + total - 1) / total);
                    }

                    Assert.Equal(allocation, InviteeDraw.Allocate(populations, count, new SeededRandom("x" + seed)));
                },
                iter: 500);
    }

    [Fact]
    public void Ties_for_the_last_places_are_broken_by_the_seed()
    {
        int[] populations = [10, 10, 10, 10];
        var outcomes = Enumerable.Range(0, 40)
            .Select(i => string.Join(',', InviteeDraw.Allocate(populations, 2, new SeededRandom($"tie {i}"))))
            .Distinct()
            .ToList();

        Assert.All(outcomes, o => Assert.Equal(2, o.Split(',').Select(int.Parse).Sum()));
        Assert.True(outcomes.Count > 1, "different seeds should break the tie differently");
    }

    [Fact]
    public void A_draw_never_picks_anyone_twice_and_only_picks_from_the_extract()
    {
        Gen.Select(Gen.Int[1, 400], Gen.Int[1, 400], Gen.Bool, Gen.Int[0, 1000])
            .Sample(
                t =>
                {
                    var (size, rawCount, stratified, seed) = t;
                    var extract = Synthetic(size, seed);
                    var count = 1 + ((rawCount - 1) % size);
                    var result = InviteeDraw.Draw(extract, count, stratified ? SamplingMethod.Stratified : SamplingMethod.Simple, Reference, $"seed {seed}");

                    Assert.Equal(count, result.Invitees.Count);
                    Assert.Equal(count, result.Invitees.Distinct().Count());
                    Assert.All(result.Invitees, i => Assert.InRange(i, 0, size - 1));
                    Assert.Equal(result.Invitees.Order(), result.Invitees);
                },
                iter: 150);
    }

    [Fact]
    public void Inviting_everybody_or_nobody_beyond_the_extract_is_handled()
    {
        var extract = Synthetic(50, 8);

        Assert.Equal(Enumerable.Range(0, 50), InviteeDraw.Draw(extract, 50, SamplingMethod.Stratified, Reference, "all").Invitees);
        Assert.Throws<ArgumentOutOfRangeException>(() => InviteeDraw.Draw(extract, 51, SamplingMethod.Simple, Reference, "s"));
        Assert.Throws<ArgumentOutOfRangeException>(() => InviteeDraw.Draw(extract, 0, SamplingMethod.Simple, Reference, "s"));
    }

    [Theory]
    [InlineData(2026, 2010, 1)]
    [InlineData(2026, 2002, 1)]
    [InlineData(2026, 2001, 2)]
    [InlineData(2026, 1992, 2)]
    [InlineData(2026, 1991, 3)]
    [InlineData(2026, 1962, 4)]
    [InlineData(2026, 1961, 5)]
    [InlineData(2026, 1906, 5)]
    [InlineData(2026, 2015, 0)]
    public void Age_bands_use_the_age_reached_in_the_reference_year(int year, int birthYear, int band) =>
        Assert.Equal(band, AgeBands.IndexOf(AgeBands.Age(birthYear, new DateOnly(year, 1, 1))));
}
