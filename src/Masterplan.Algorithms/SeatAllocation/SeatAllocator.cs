using System.Globalization;
using System.Numerics;
using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>
/// Apportions a fixed number of seats among parties in proportion to their votes, with exact arithmetic,
/// and reports a tie for the last seat(s) instead of deciding it silently.
/// </summary>
/// <remarks>
/// <para>
/// Three methods: the largest remainder method with the Hare quota, also called Hare-Niemeyer
/// (<see cref="HareNiemeyer"/>); the highest averages method with divisors 1, 2, 3, …, also called
/// D'Hondt (<see cref="DHondt"/>); and the highest averages method with divisors 0.5, 1.5, 2.5, …, also
/// called Sainte-Laguë/Schepers (<see cref="SainteLague"/>). Quotas, remainders and quotients are compared
/// as exact integers or fractions; no floating-point value ever decides a seat.
/// </para>
/// <para>
/// When the method cannot separate parties for the last seat(s), the result holds each party's sure seats
/// and a <see cref="SeatTie"/>; <see cref="ResolveTieByLot(SeatAllocationResult, string)"/> then draws the
/// lot with the project's replayable generator and records it (DOMAIN: "a tie for the last seat is decided
/// by lot, and the lot is recorded").
/// </para>
/// <para>
/// Input rules, checked at the door with a <see cref="SeatAllocationInputException"/> naming the field:
/// <c>seats</c> from 1 to <see cref="MaxSeats"/>; 1 to <see cref="MaxParties"/> parties; every name non-empty
/// and unique after trimming (ordinal comparison); votes not negative; the total of votes above zero.
/// Parties with zero votes are allowed and get no seat.
/// </para>
/// </remarks>
public static class SeatAllocator
{
    /// <summary>The largest house size accepted.</summary>
    public const int MaxSeats = 10_000;

    /// <summary>The largest number of parties accepted.</summary>
    public const int MaxParties = 1_000;

    /// <summary>Allocates <paramref name="seats"/> seats among <paramref name="parties"/> with <paramref name="method"/>.</summary>
    /// <param name="method">The apportionment method.</param>
    /// <param name="seats">The house size, 1 to <see cref="MaxSeats"/>.</param>
    /// <param name="parties">The parties and their votes; the result keeps this order.</param>
    /// <exception cref="SeatAllocationInputException">The input breaks a rule; <see cref="SeatAllocationInputException.Field"/> says where.</exception>
    public static SeatAllocationResult Allocate(SeatAllocationMethod method, int seats, IReadOnlyList<PartyVotes> parties) => method switch
    {
        SeatAllocationMethod.HareNiemeyer => HareNiemeyer(seats, parties),
        SeatAllocationMethod.DHondt => DHondt(seats, parties),
        SeatAllocationMethod.SainteLague => SainteLague(seats, parties),
        _ => throw new SeatAllocationInputException(
            "method",
            SeatAllocationProblem.UnknownMethod,
            $"The method {(int)method} is unknown; use HareNiemeyer, DHondt or SainteLague.",
            (int)method),
    };

    /// <summary>Allocates seats with the largest remainder method (Hare quota).</summary>
    /// <remarks>
    /// Largest remainder method, also called Hare-Niemeyer (and Hamilton): each party's quota is
    /// <c>seats × votes / total</c>; it first gets the whole part of its quota, then the seats left over go one
    /// each to the parties with the largest remainders (quota minus whole part). Every party ends with its
    /// quota rounded down or up (the quota rule). The method is not house monotone: one seat more can cost a
    /// party a seat (the Alabama paradox). If equal remainders straddle the cut, those parties are tied.
    /// </remarks>
    /// <param name="seats">The house size, 1 to <see cref="MaxSeats"/>.</param>
    /// <param name="parties">The parties and their votes; the result keeps this order.</param>
    /// <exception cref="SeatAllocationInputException">The input breaks a rule; <see cref="SeatAllocationInputException.Field"/> says where.</exception>
    public static SeatAllocationResult HareNiemeyer(int seats, IReadOnlyList<PartyVotes> parties)
    {
        var input = Validate(seats, parties);
        var total = input.TotalVotes;
        var count = input.Names.Length;
        var floors = new int[count];
        var remainders = new BigInteger[count]; // numerators over the common denominator `total`
        var floorSum = 0;
        for (var i = 0; i < count; i++)
        {
            floors[i] = (int)BigInteger.DivRem(seats * (BigInteger)input.Votes[i], total, out remainders[i]);
            floorSum += floors[i];
        }

        // The remainders add up to exactly `left` whole seats and each is below 1, so more than `left`
        // parties have a positive remainder: the cut value is positive and zero-vote parties never tie.
        var left = seats - floorSum;
        var extra = new bool[count];
        SeatTie? tie = null;
        if (left > 0)
        {
            var cut = remainders.OrderDescending().ElementAt(left - 1);
            var above = 0;
            var atCut = new List<int>();
            for (var i = 0; i < count; i++)
            {
                if (remainders[i] > cut)
                {
                    extra[i] = true;
                    above++;
                }
                else if (remainders[i] == cut)
                {
                    atCut.Add(i);
                }
            }

            if (above + atCut.Count == left)
            {
                atCut.ForEach(i => extra[i] = true);
            }
            else
            {
                tie = MakeTie(input, atCut, left - above);
            }
        }

        var lines = new PartyAllocation[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = new PartyAllocation(
                input.Names[i],
                input.Votes[i],
                floors[i] + (extra[i] ? 1 : 0),
                Quota(seats, input.Votes[i], total),
                new Fraction(remainders[i], total));
        }

        return new SeatAllocationResult(SeatAllocationMethod.HareNiemeyer, seats, total, lines.AsReadOnly(), tie, null);
    }

    /// <summary>Allocates seats with the highest averages method, divisors 1, 2, 3, ….</summary>
    /// <remarks>
    /// Highest averages method with the divisors 1, 2, 3, …, also called D'Hondt (and Jefferson): each
    /// party's votes are divided by 1, 2, 3, …, and the seats go to the highest of all these quotients. It
    /// is house monotone (a larger house never takes a seat away) and favours larger parties slightly.
    /// If equal quotients straddle the cut, those parties are tied.
    /// <see cref="PartyAllocation.Remainder"/> is <see langword="null"/>; <see cref="PartyAllocation.Quota"/> is
    /// the proportional share <c>seats × votes / total</c>, for comparison only.
    /// </remarks>
    /// <param name="seats">The house size, 1 to <see cref="MaxSeats"/>.</param>
    /// <param name="parties">The parties and their votes; the result keeps this order.</param>
    /// <exception cref="SeatAllocationInputException">The input breaks a rule; <see cref="SeatAllocationInputException.Field"/> says where.</exception>
    public static SeatAllocationResult DHondt(int seats, IReadOnlyList<PartyVotes> parties) =>
        HighestAverages(SeatAllocationMethod.DHondt, seats, parties, static k => k + 1);

    /// <summary>Allocates seats with the highest averages method, divisors 0.5, 1.5, 2.5, ….</summary>
    /// <remarks>
    /// Highest averages method with the divisors 0.5, 1.5, 2.5, …, also called Sainte-Laguë/Schepers (and
    /// Webster); computed as the divisors 1, 3, 5, … which rank the quotients identically. It is house
    /// monotone and neutral between large and small parties. If equal quotients straddle the cut, those
    /// parties are tied.
    /// <see cref="PartyAllocation.Remainder"/> is <see langword="null"/>; <see cref="PartyAllocation.Quota"/> is
    /// the proportional share <c>seats × votes / total</c>, for comparison only.
    /// </remarks>
    /// <param name="seats">The house size, 1 to <see cref="MaxSeats"/>.</param>
    /// <param name="parties">The parties and their votes; the result keeps this order.</param>
    /// <exception cref="SeatAllocationInputException">The input breaks a rule; <see cref="SeatAllocationInputException.Field"/> says where.</exception>
    public static SeatAllocationResult SainteLague(int seats, IReadOnlyList<PartyVotes> parties) =>
        HighestAverages(SeatAllocationMethod.SainteLague, seats, parties, static k => (2 * k) + 1);

    /// <summary>
    /// Decides the <see cref="SeatAllocationResult.Tie"/> of <paramref name="result"/> by lot, drawn with a
    /// fresh <see cref="SeededRandom"/> for <paramref name="seed"/>, and records the lot.
    /// </summary>
    /// <remarks>
    /// The tied parties are put in canonical order (ordinal order of their names), then
    /// <see cref="SeededRandom.SampleIndices"/> draws <see cref="SeatTie.SeatsInDispute"/> of them without
    /// replacement; each winner gets one more seat. The same seed always gives the same winners, on every
    /// .NET version, so a lot drawn in a public session with a public seed can be replayed by anyone.
    /// </remarks>
    /// <param name="result">An undecided result (one with a <see cref="SeatAllocationResult.Tie"/>).</param>
    /// <param name="seed">The seed text, e.g. numbers drawn in the session; see <see cref="SeededRandom(string)"/>.</param>
    /// <returns>A decided copy of <paramref name="result"/> with <see cref="SeatAllocationResult.Lot"/> filled in.</returns>
    /// <exception cref="ArgumentException"><paramref name="result"/> has no tie, or <paramref name="seed"/> is empty.</exception>
    public static SeatAllocationResult ResolveTieByLot(SeatAllocationResult result, string seed)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed);
        return ResolveTieByLot(result, new SeededRandom(seed));
    }

    /// <summary>Decides the tie of <paramref name="result"/> by lot with <paramref name="random"/>, and records the lot.</summary>
    /// <remarks>
    /// As <see cref="ResolveTieByLot(SeatAllocationResult, string)"/>. The record holds
    /// <see cref="SeededRandom.Seed"/>; it replays only if <paramref name="random"/> had drawn nothing before,
    /// so pass a fresh generator (or use the overload that takes the seed).
    /// </remarks>
    /// <param name="result">An undecided result (one with a <see cref="SeatAllocationResult.Tie"/>).</param>
    /// <param name="random">A freshly created generator.</param>
    /// <returns>A decided copy of <paramref name="result"/> with <see cref="SeatAllocationResult.Lot"/> filled in.</returns>
    /// <exception cref="ArgumentException"><paramref name="result"/> has no tie.</exception>
    public static SeatAllocationResult ResolveTieByLot(SeatAllocationResult result, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(random);
        var tie = result.Tie ?? throw new ArgumentException(
            "The allocation has no tie to resolve: every seat is already allocated.", nameof(result));

        var candidates = tie.Parties; // already in ordinal order
        var drawn = random.SampleIndices(candidates.Count, tie.SeatsInDispute);
        var winners = drawn.Select(i => candidates[i]).ToArray();
        var winnerSet = winners.ToHashSet(StringComparer.Ordinal);
        var lines = result.Parties
            .Select(p => winnerSet.Contains(p.Name) ? p.WithSeats(p.Seats + 1) : p)
            .ToArray();
        var lot = new SeatLot(random.Seed, candidates, tie.SeatsInDispute, winners.AsReadOnly());
        return new SeatAllocationResult(result.Method, result.HouseSize, result.TotalVotes, lines.AsReadOnly(), null, lot);
    }

    private static SeatAllocationResult HighestAverages(
        SeatAllocationMethod method, int seats, IReadOnlyList<PartyVotes> parties, Func<int, int> divisor)
    {
        var input = Validate(seats, parties);
        var count = input.Names.Length;
        var won = new int[count];

        // Quotients votes/divisor compared exactly by cross-multiplication: votes < 2^63 and
        // divisors ≤ 2·MaxSeats+1, so each product fits in Int128. Zero-vote parties never win a seat.
        var queue = new PriorityQueue<int, Quotient>(count, QuotientComparer.HighestFirst);
        for (var i = 0; i < count; i++)
        {
            if (input.Votes[i] > 0)
            {
                queue.Enqueue(i, new Quotient(input.Votes[i], divisor(0)));
            }
        }

        var last = default(Quotient);
        for (var s = 0; s < seats; s++)
        {
            queue.TryDequeue(out var i, out last);
            won[i]++;
            queue.Enqueue(i, new Quotient(input.Votes[i], divisor(won[i])));
        }

        SeatTie? tie = null;
        queue.TryPeek(out _, out var next);
        if (next.CompareTo(last) == 0)
        {
            // The seat-th and the next quotient are equal: every party with a quotient equal to the cut
            // is tied (at most one quotient per party, since a party's quotients strictly decrease); the
            // seats won at the cut value are given back and put in dispute.
            var atCut = new List<int>();
            for (var i = 0; i < count; i++)
            {
                if (input.Votes[i] == 0)
                {
                    continue;
                }

                if (won[i] > 0 && new Quotient(input.Votes[i], divisor(won[i] - 1)).CompareTo(last) == 0)
                {
                    won[i]--;
                    atCut.Add(i);
                }
                else if (new Quotient(input.Votes[i], divisor(won[i])).CompareTo(last) == 0)
                {
                    atCut.Add(i);
                }
            }

            tie = MakeTie(input, atCut, seats - won.Sum());
        }

        var lines = new PartyAllocation[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = new PartyAllocation(input.Names[i], input.Votes[i], won[i], Quota(seats, input.Votes[i], input.TotalVotes), null);
        }

        return new SeatAllocationResult(method, seats, input.TotalVotes, lines.AsReadOnly(), tie, null);
    }

    private static Fraction Quota(int seats, long votes, BigInteger total) => new(seats * (BigInteger)votes, total);

    private static SeatTie MakeTie(ValidInput input, List<int> tied, int seatsInDispute)
    {
        var names = tied.Select(i => input.Names[i]).Order(StringComparer.Ordinal).ToArray();
        return new SeatTie(names.AsReadOnly(), seatsInDispute);
    }

    private static ValidInput Validate(int seats, IReadOnlyList<PartyVotes> parties)
    {
        if (seats is < 1 or > MaxSeats)
        {
            throw new SeatAllocationInputException(
                "seats",
                SeatAllocationProblem.SeatsOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"The number of seats must be between 1 and {MaxSeats:N0}; it was {seats:N0}."),
                MaxSeats,
                seats);
        }

        if (parties is null)
        {
            throw new SeatAllocationInputException("parties", SeatAllocationProblem.PartiesMissing, "The list of parties is missing.");
        }

        if (parties.Count == 0)
        {
            throw new SeatAllocationInputException("parties", SeatAllocationProblem.NoParties, "At least one party is needed.");
        }

        if (parties.Count > MaxParties)
        {
            throw new SeatAllocationInputException(
                "parties",
                SeatAllocationProblem.TooManyParties,
                string.Create(CultureInfo.InvariantCulture, $"At most {MaxParties:N0} parties are allowed; there were {parties.Count:N0}."),
                MaxParties,
                parties.Count);
        }

        var names = new string[parties.Count];
        var votes = new long[parties.Count];
        var firstIndexOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = BigInteger.Zero;
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i] ?? throw new SeatAllocationInputException(
                Field(i, null), SeatAllocationProblem.PartyMissing, string.Create(CultureInfo.InvariantCulture, $"Party {i} is missing."), i);

            var name = party.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new SeatAllocationInputException(
                    Field(i, "name"), SeatAllocationProblem.EmptyName, string.Create(CultureInfo.InvariantCulture, $"The name of party {i} must not be empty."), i);
            }

            if (!firstIndexOfName.TryAdd(name, i))
            {
                throw new SeatAllocationInputException(
                    Field(i, "name"),
                    SeatAllocationProblem.DuplicateName,
                    string.Create(CultureInfo.InvariantCulture, $"The name '{name}' of party {i} is already used by party {firstIndexOfName[name]}; names must be unique."),
                    name,
                    i,
                    firstIndexOfName[name]);
            }

            if (party.Votes < 0)
            {
                throw new SeatAllocationInputException(
                    Field(i, "votes"),
                    SeatAllocationProblem.NegativeVotes,
                    string.Create(CultureInfo.InvariantCulture, $"The votes of '{name}' must not be negative; they were {party.Votes}."),
                    name,
                    party.Votes);
            }

            names[i] = name;
            votes[i] = party.Votes;
            total += party.Votes;
        }

        if (total.IsZero)
        {
            throw new SeatAllocationInputException("parties", SeatAllocationProblem.NoVotes, "All parties have 0 votes; at least one party needs votes to allocate seats.");
        }

        return new ValidInput(names, votes, total);
    }

    private static string Field(int index, string? member) =>
        string.Create(CultureInfo.InvariantCulture, $"parties[{index}]") + (member is null ? string.Empty : "." + member);

    private sealed record ValidInput(string[] Names, long[] Votes, BigInteger TotalVotes);

    /// <summary>The quotient Votes / Divisor of a divisor method, compared exactly.</summary>
    private readonly record struct Quotient(long Votes, int Divisor) : IComparable<Quotient>
    {
        public int CompareTo(Quotient other) =>
            ((Int128)Votes * other.Divisor).CompareTo((Int128)other.Votes * Divisor);
    }

    private sealed class QuotientComparer : IComparer<Quotient>
    {
        public static readonly QuotientComparer HighestFirst = new();

        public int Compare(Quotient x, Quotient y) => y.CompareTo(x);
    }
}
