using Masterplan.Algorithms.SeatAllocation;

namespace Masterplan.Algorithms.Tests.SeatAllocation;

/// <summary>Small helpers shared by the seat allocation tests.</summary>
internal static class Allocations
{
    public static PartyVotes[] Parties(params (string Name, long Votes)[] parties) =>
        parties.Select(p => new PartyVotes(p.Name, p.Votes)).ToArray();

    public static PartyVotes[] Numbered(IReadOnlyList<long> votes) =>
        votes.Select((v, i) => new PartyVotes($"P{i}", v)).ToArray();

    public static (string Name, int Seats)[] Seats(SeatAllocationResult result) =>
        result.Parties.Select(p => (p.Name, p.Seats)).ToArray();

    public static int[] SeatCounts(SeatAllocationResult result) =>
        result.Parties.Select(p => p.Seats).ToArray();

    public static readonly SeatAllocationMethod[] AllMethods =
        [SeatAllocationMethod.HareNiemeyer, SeatAllocationMethod.DHondt, SeatAllocationMethod.SainteLague];

    public static readonly SeatAllocationMethod[] DivisorMethods =
        [SeatAllocationMethod.DHondt, SeatAllocationMethod.SainteLague];
}
