namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>The apportionment methods <see cref="SeatAllocator"/> offers.</summary>
public enum SeatAllocationMethod
{
    /// <summary>
    /// Largest remainder method with the Hare quota, also called Hare-Niemeyer (and Hamilton): every
    /// party gets the whole part of its quota <c>seats × votes / total</c>, the seats left over go to the
    /// largest remainders. Required for the Vollversammlung's ten council seats (004 §3).
    /// </summary>
    HareNiemeyer = 1,

    /// <summary>
    /// Highest averages method with the divisors 1, 2, 3, …, also called D'Hondt (and Jefferson).
    /// </summary>
    DHondt = 2,

    /// <summary>
    /// Highest averages method with the divisors 0.5, 1.5, 2.5, …, also called Sainte-Laguë/Schepers
    /// (and Webster); equivalent to the divisors 1, 3, 5, … on doubled votes.
    /// </summary>
    SainteLague = 3,
}
