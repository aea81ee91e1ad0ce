namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>The record of a lot that decided a <see cref="SeatTie"/>, enough to audit and replay it.</summary>
/// <remarks>
/// Replaying: <c>new SeededRandom(Seed).SampleIndices(TiedParties.Count, SeatsInDispute)</c> gives the
/// positions of the <see cref="Winners"/> in <see cref="TiedParties"/>, in the order drawn; that is what
/// <see cref="SeatAllocator.ResolveTieByLot(SeatAllocationResult, string)"/> does.
/// </remarks>
public sealed class SeatLot
{
    internal SeatLot(string seed, IReadOnlyList<string> tiedParties, int seatsInDispute, IReadOnlyList<string> winners)
    {
        Seed = seed;
        TiedParties = tiedParties;
        SeatsInDispute = seatsInDispute;
        Winners = winners;
    }

    /// <summary>The seed of the <see cref="Random.SeededRandom"/> the lot was drawn with.</summary>
    public string Seed { get; }

    /// <summary>The tied parties in the canonical order the lot draws from: ordinal order of their names.</summary>
    public IReadOnlyList<string> TiedParties { get; }

    /// <summary>The number of seats the lot gave away.</summary>
    public int SeatsInDispute { get; }

    /// <summary>The parties that won a seat, in the order they were drawn; one seat each.</summary>
    public IReadOnlyList<string> Winners { get; }
}
