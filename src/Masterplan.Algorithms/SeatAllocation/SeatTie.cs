namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>
/// The last seat or seats of an allocation that the method cannot decide: several parties have exactly
/// the same claim and there are fewer seats than parties.
/// </summary>
/// <remarks>
/// For the largest remainder method (Hare-Niemeyer) the tied parties have equal remainders straddling the
/// cut; for the divisor methods (D'Hondt, Sainte-Laguë) they have equal quotients straddling the cut. Each
/// tied party can win at most one of the disputed seats. The rules of 004 decide such a tie by lot:
/// see <see cref="SeatAllocator.ResolveTieByLot(SeatAllocationResult, string)"/>.
/// </remarks>
public sealed class SeatTie
{
    internal SeatTie(IReadOnlyList<string> parties, int seatsInDispute)
    {
        Parties = parties;
        SeatsInDispute = seatsInDispute;
    }

    /// <summary>The names of the tied parties, in ordinal order; always more than <see cref="SeatsInDispute"/>.</summary>
    public IReadOnlyList<string> Parties { get; }

    /// <summary>How many seats are still to be given to the tied parties, one each at most; at least 1.</summary>
    public int SeatsInDispute { get; }
}
