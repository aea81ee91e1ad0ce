using System.Numerics;
using CsCheck;
using Masterplan.Algorithms.SeatAllocation;
using static Masterplan.Algorithms.Tests.SeatAllocation.Allocations;

namespace Masterplan.Algorithms.Tests.SeatAllocation;

public class SeatAllocationPropertyTests
{
    private const long Iterations = 1_000;

    // Small votes make ties frequent; large ones exercise exactness far beyond double precision.
    private static readonly Gen<long[]> GenVoteList = Gen.OneOf<long[]>(
            Gen.Long[0, 12].Array[1, 9],
            Gen.Long[0, 1_000_000].Array[1, 9],
            Gen.Long[0, long.MaxValue].Array[1, 9])
        .Where(v => v.Any(x => x > 0));

    private static readonly Gen<int> GenHouse = Gen.Int[1, 60];

    private static readonly Gen<SeatAllocationMethod> GenMethod = Gen.OneOf(AllMethods);

    private static readonly Gen<SeatAllocationMethod> GenDivisorMethod = Gen.OneOf(DivisorMethods);

    [Fact]
    public void Seats_and_disputed_seats_add_up_to_the_house()
    {
        Gen.Select(GenMethod, GenHouse, GenVoteList).Sample((method, house, votes) =>
        {
            var result = SeatAllocator.Allocate(method, house, Numbered(votes));
            var disputed = result.Tie?.SeatsInDispute ?? 0;
            Assert.Equal(house, result.SeatsAllocated + disputed);
            if (result.Tie is { } tie)
            {
                Assert.InRange(tie.SeatsInDispute, 1, tie.Parties.Count - 1);
                Assert.Equal(tie.Parties.Order(StringComparer.Ordinal), tie.Parties);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_resolved_allocation_fills_the_house_and_gives_each_winner_one_seat()
    {
        Gen.Select(GenMethod, GenHouse, Gen.Long[0, 6].Array[2, 9].Where(v => v.Any(x => x > 0)), Gen.String[1, 12].Where(s => !string.IsNullOrWhiteSpace(s)))
            .Sample((method, house, votes, seed) =>
            {
                var result = SeatAllocator.Allocate(method, house, Numbered(votes));
                if (result.Tie is null)
                {
                    return;
                }

                var decided = SeatAllocator.ResolveTieByLot(result, seed);
                Assert.Equal(house, decided.SeatsAllocated);
                Assert.Equal(result.Tie.SeatsInDispute, decided.Lot!.Winners.Count);
                Assert.Subset(result.Tie.Parties.ToHashSet(), decided.Lot.Winners.ToHashSet());
                for (var i = 0; i < votes.Length; i++)
                {
                    var won = decided.Lot.Winners.Contains(result.Parties[i].Name) ? 1 : 0;
                    Assert.Equal(result.Parties[i].Seats + won, decided.Parties[i].Seats);
                }

                var replay = SeatAllocator.ResolveTieByLot(result, seed);
                Assert.Equal(decided.Lot.Winners, replay.Lot!.Winners);
            }, iter: Iterations);
    }

    [Fact]
    public void Hare_Niemeyer_gives_every_party_its_quota_rounded_down_or_up()
    {
        Gen.Select(GenHouse, GenVoteList).Sample((house, votes) =>
        {
            var result = SeatAllocator.HareNiemeyer(house, Numbered(votes));
            if (result.Tie is not null)
            {
                // Sure seats are already within the quota rule; the lot adds at most one seat to a tied party.
                result = SeatAllocator.ResolveTieByLot(result, "quota rule");
            }

            Assert.All(result.Parties, p =>
            {
                var floor = p.Quota.Floor();
                var ceiling = p.Remainder!.Value == default ? floor : floor + 1;
                Assert.InRange(new BigInteger(p.Seats), floor, ceiling);
                Assert.Equal(p.Quota.FractionalPart(), p.Remainder.Value);
            });
        }, iter: Iterations);
    }

    [Fact]
    public void Parties_without_votes_get_no_seat_and_are_never_tied()
    {
        Gen.Select(GenMethod, GenHouse, GenVoteList).Sample((method, house, votes) =>
        {
            var result = SeatAllocator.Allocate(method, house, Numbered(votes));
            foreach (var party in result.Parties.Where(p => p.Votes == 0))
            {
                Assert.Equal(0, party.Seats);
                Assert.DoesNotContain(party.Name, result.Tie?.Parties ?? []);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_party_with_all_the_votes_gets_all_the_seats()
    {
        Gen.Select(GenMethod, Gen.Int[1, SeatAllocator.MaxSeats], Gen.Long[1, long.MaxValue], Gen.Int[0, 20], Gen.Int[0, 20])
            .Sample((method, house, votes, before, after) =>
            {
                var list = Enumerable.Repeat(0L, before).Append(votes).Concat(Enumerable.Repeat(0L, after)).ToArray();
                var result = SeatAllocator.Allocate(method, house, Numbered(list));
                Assert.Null(result.Tie);
                Assert.Equal(house, result.Parties[before].Seats);
            }, iter: 200);
    }

    [Fact]
    public void Divisor_methods_are_house_monotone()
    {
        // With ties, compare the sure seats and the most a party can get (sure + 1 if tied): both never fall.
        Gen.Select(GenDivisorMethod, GenHouse, GenVoteList).Sample((method, house, votes) =>
        {
            var parties = Numbered(votes);
            var smaller = SeatAllocator.Allocate(method, house, parties);
            var larger = SeatAllocator.Allocate(method, house + 1, parties);
            for (var i = 0; i < parties.Length; i++)
            {
                Assert.True(larger.Parties[i].Seats >= smaller.Parties[i].Seats);
                Assert.True(MostSeats(larger, i) >= MostSeats(smaller, i));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void The_order_of_the_parties_does_not_matter()
    {
        Gen.Select(GenMethod, GenHouse, GenVoteList, Gen.Int).Sample((method, house, votes, shuffleSeed) =>
        {
            var parties = Numbered(votes);
            var shuffled = parties.ToArray();
            new Masterplan.Algorithms.Random.SeededRandom(shuffleSeed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Shuffle(shuffled);

            var a = SeatAllocator.Allocate(method, house, parties);
            var b = SeatAllocator.Allocate(method, house, shuffled);
            Assert.Equal(
                a.Parties.Select(p => (p.Name, p.Seats)).Order(),
                b.Parties.Select(p => (p.Name, p.Seats)).Order());
            Assert.Equal(a.Tie?.Parties, b.Tie?.Parties);
            Assert.Equal(a.Tie?.SeatsInDispute, b.Tie?.SeatsInDispute);
        }, iter: Iterations);
    }

    [Fact]
    public void Scaling_all_votes_changes_nothing()
    {
        Gen.Select(GenMethod, GenHouse, Gen.Long[0, 1_000].Array[1, 9].Where(v => v.Any(x => x > 0)), Gen.Long[2, 1_000_000])
            .Sample((method, house, votes, factor) =>
            {
                var a = SeatAllocator.Allocate(method, house, Numbered(votes));
                var b = SeatAllocator.Allocate(method, house, Numbered(votes.Select(v => v * factor).ToArray()));
                Assert.Equal(SeatCounts(a), SeatCounts(b));
                Assert.Equal(a.Tie?.Parties, b.Tie?.Parties);
                Assert.Equal(a.Parties.Select(p => p.Quota), b.Parties.Select(p => p.Quota));
            }, iter: Iterations);
    }

    [Fact]
    public void Hare_Niemeyer_agrees_with_a_plain_reference_on_fractions()
    {
        Gen.Select(GenHouse, GenVoteList).Sample((house, votes) =>
        {
            var total = votes.Aggregate(BigInteger.Zero, (sum, v) => sum + v);
            var quotas = votes.Select(v => new Fraction(house * (BigInteger)v, total)).ToArray();
            var ranked = Enumerable.Range(0, votes.Length)
                .Select(i => (Party: i, Value: quotas[i].FractionalPart()))
                .OrderByDescending(x => x.Value)
                .ToArray();
            var left = house - (int)quotas.Aggregate(BigInteger.Zero, (sum, q) => sum + q.Floor());
            Check(SeatAllocator.HareNiemeyer(house, Numbered(votes)), quotas.Select(q => (int)q.Floor()).ToArray(), ranked, left);
        }, iter: Iterations);
    }

    [Fact]
    public void Divisor_methods_agree_with_a_plain_table_of_quotients()
    {
        Gen.Select(GenDivisorMethod, GenHouse, GenVoteList).Sample((method, house, votes) =>
        {
            // The textbook table: every party's votes divided by the first house + 1 divisors, sorted.
            Func<int, BigInteger> divisor = method == SeatAllocationMethod.DHondt ? k => k + 1 : k => (2 * k) + 1;
            var ranked = Enumerable.Range(0, votes.Length)
                .Where(i => votes[i] > 0)
                .SelectMany(i => Enumerable.Range(0, house + 1).Select(k => (Party: i, Value: new Fraction(votes[i], divisor(k)))))
                .OrderByDescending(x => x.Value)
                .ToArray();
            Check(SeatAllocator.Allocate(method, house, Numbered(votes)), new int[votes.Length], ranked, house);
        }, iter: Iterations);
    }

    // Given each party's base seats and the claims for the remaining `left` seats ranked best first: the
    // claims above the cut win, and if equal claims straddle the cut those parties are tied.
    private static void Check(SeatAllocationResult result, int[] baseSeats, (int Party, Fraction Value)[] ranked, int left)
    {
        var expected = baseSeats.ToArray();
        if (left == 0)
        {
            Assert.Null(result.Tie);
            Assert.Equal(expected, SeatCounts(result));
            return;
        }

        var cut = ranked[left - 1].Value;
        foreach (var claim in ranked.Where(x => x.Value > cut))
        {
            expected[claim.Party]++;
        }

        var atCut = ranked.Where(x => x.Value == cut).Select(x => x.Party).ToArray();
        var tied = ranked.Length > left && ranked[left].Value == cut;
        if (!tied)
        {
            foreach (var party in atCut)
            {
                expected[party]++;
            }

            Assert.Null(result.Tie);
        }
        else
        {
            Assert.NotNull(result.Tie);
            Assert.Equal(atCut.Select(i => $"P{i}").Order(StringComparer.Ordinal), result.Tie.Parties);
            Assert.Equal(left - ranked.Count(x => x.Value > cut), result.Tie.SeatsInDispute);
        }

        Assert.Equal(expected, SeatCounts(result));
    }

    private static int MostSeats(SeatAllocationResult result, int index) =>
        result.Parties[index].Seats + (result.Tie?.Parties.Contains(result.Parties[index].Name) == true ? 1 : 0);
}
