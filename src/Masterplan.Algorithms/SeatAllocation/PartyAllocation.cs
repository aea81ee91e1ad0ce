using System.Numerics;

namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>One party's line in a <see cref="SeatAllocationResult"/>.</summary>
public sealed class PartyAllocation
{
    /// <summary>The number of decimals in <see cref="QuotaDecimal"/> and <see cref="RemainderDecimal"/>.</summary>
    public const int DecimalPlaces = 6;

    internal PartyAllocation(string name, long votes, int seats, Fraction quota, Fraction? remainder)
    {
        Name = name;
        Votes = votes;
        Seats = seats;
        Quota = quota;
        Remainder = remainder;
    }

    /// <summary>The party's name, trimmed.</summary>
    public string Name { get; }

    /// <summary>The party's votes, as given.</summary>
    public long Votes { get; }

    /// <summary>
    /// The seats the party gets. While the result still has a <see cref="SeatAllocationResult.Tie"/>, these are
    /// the seats the party is sure of; a party named in the tie may win one more by lot.
    /// </summary>
    public int Seats { get; }

    /// <summary>
    /// The party's exact proportional share of the house, <c>seats × votes / total votes</c>, for every method.
    /// </summary>
    public Fraction Quota { get; }

    /// <summary>
    /// For the largest remainder method (Hare-Niemeyer): <c>Quota − floor(Quota)</c>, the remainder that
    /// competed for the seats left over. For the divisor methods (D'Hondt, Sainte-Laguë), which do not use
    /// remainders, <see langword="null"/>.
    /// </summary>
    public Fraction? Remainder { get; }

    /// <summary>The whole part of <see cref="Quota"/>: the seats the largest remainder method gives before remainders count.</summary>
    public BigInteger QuotaFloor => Quota.Floor();

    /// <summary><see cref="Quota"/> as an exact reduced fraction, e.g. <c>"27/11"</c> (see <see cref="Fraction.ToString()"/>).</summary>
    public string QuotaFraction => Quota.ToString();

    /// <summary>
    /// <see cref="Quota"/> as a decimal with at most <see cref="DecimalPlaces"/> decimals, rounded half-up,
    /// trailing zeros removed, invariant culture, e.g. <c>"2.454545"</c> or <c>"2.5"</c> (see <see cref="Fraction.ToDecimalString(int)"/>).
    /// </summary>
    public string QuotaDecimal => Quota.ToDecimalString(DecimalPlaces);

    /// <summary><see cref="Remainder"/> as an exact reduced fraction, or <see langword="null"/> for divisor methods.</summary>
    public string? RemainderFraction => Remainder?.ToString();

    /// <summary><see cref="Remainder"/> formatted like <see cref="QuotaDecimal"/>, or <see langword="null"/> for divisor methods.</summary>
    public string? RemainderDecimal => Remainder?.ToDecimalString(DecimalPlaces);

    internal PartyAllocation WithSeats(int seats) => new(Name, Votes, seats, Quota, Remainder);
}
