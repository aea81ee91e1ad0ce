using System.Numerics;

namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>The outcome of a seat allocation: one line per party, and the tie or lot if there was one.</summary>
/// <remarks>
/// A result is either <em>decided</em> (<see cref="Tie"/> is <see langword="null"/>, the seats add up to
/// <see cref="HouseSize"/>) or <em>undecided</em>: the method could not separate some parties for the
/// last seat(s), every party holds only its sure seats, and <see cref="Tie"/> says who competes for how
/// many. <see cref="SeatAllocator.ResolveTieByLot(SeatAllocationResult, string)"/> turns an undecided result
/// into a decided one and fills <see cref="Lot"/>.
/// </remarks>
public sealed class SeatAllocationResult
{
    internal SeatAllocationResult(
        SeatAllocationMethod method,
        int houseSize,
        BigInteger totalVotes,
        IReadOnlyList<PartyAllocation> parties,
        SeatTie? tie,
        SeatLot? lot)
    {
        Method = method;
        HouseSize = houseSize;
        TotalVotes = totalVotes;
        Parties = parties;
        Tie = tie;
        Lot = lot;
    }

    /// <summary>The method used.</summary>
    public SeatAllocationMethod Method { get; }

    /// <summary>The number of seats to allocate (the house size).</summary>
    public int HouseSize { get; }

    /// <summary>The sum of all parties' votes; always positive.</summary>
    public BigInteger TotalVotes { get; }

    /// <summary>One line per party, in the order of the input.</summary>
    public IReadOnlyList<PartyAllocation> Parties { get; }

    /// <summary>The undecided last seat(s), or <see langword="null"/> when every seat is allocated.</summary>
    public SeatTie? Tie { get; }

    /// <summary>The lot that decided a tie, or <see langword="null"/> when no lot was drawn.</summary>
    public SeatLot? Lot { get; }

    /// <summary>Whether every seat is allocated (there is no open <see cref="Tie"/>).</summary>
    public bool IsDecided => Tie is null;

    /// <summary>The seats allocated so far: <see cref="HouseSize"/> when decided, less by the disputed seats otherwise.</summary>
    public int SeatsAllocated => Parties.Sum(p => p.Seats);

    /// <summary>The line of the party named <paramref name="name"/> (ordinal, after trimming).</summary>
    /// <exception cref="KeyNotFoundException">No party has that name.</exception>
    public PartyAllocation this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var trimmed = name.Trim();
            return Parties.FirstOrDefault(p => string.Equals(p.Name, trimmed, StringComparison.Ordinal))
                ?? throw new KeyNotFoundException($"There is no party named '{trimmed}' in this allocation.");
        }
    }
}
