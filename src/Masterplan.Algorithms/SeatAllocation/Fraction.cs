using System.Globalization;
using System.Numerics;
using System.Text;

namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>
/// An exact rational number, always kept in lowest terms with a positive denominator.
/// </summary>
/// <remarks>
/// <para>
/// Seat allocation compares quotas, remainders and quotients; a floating-point rounding error there can
/// move a seat, so every comparison that decides a seat is done on exact fractions of
/// <see cref="BigInteger"/> values. The default value of this struct is zero (0/1).
/// </para>
/// <para>
/// Two textual forms are offered: <see cref="ToString()"/> gives the exact reduced fraction
/// (<c>"5/2"</c>, <c>"3/1"</c>), <see cref="ToDecimalString(int)"/> a rounded decimal for people to read
/// (<c>"2.5"</c>, <c>"0.333333"</c>). Both use the invariant culture.
/// </para>
/// </remarks>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>, IComparable
{
    // Stored as denominator - 1 so that default(Fraction) is the valid value 0/1.
    private readonly BigInteger _denominatorMinusOne;

    /// <summary>Creates the fraction <paramref name="numerator"/>/<paramref name="denominator"/>, reduced to lowest terms.</summary>
    /// <param name="numerator">The numerator; any integer.</param>
    /// <param name="denominator">The denominator; any integer except zero. A negative denominator moves the sign to the numerator.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denominator"/> is zero.</exception>
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator of a fraction must not be zero.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        _denominatorMinusOne = denominator - 1;
    }

    /// <summary>The numerator in lowest terms; carries the sign of the fraction.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator in lowest terms; always positive.</summary>
    public BigInteger Denominator => _denominatorMinusOne + 1;

    /// <summary>The largest integer not greater than this fraction (rounds towards negative infinity).</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>This fraction minus its <see cref="Floor"/>: a value in [0, 1).</summary>
    public Fraction FractionalPart()
    {
        var denominator = Denominator;
        var remainder = BigInteger.Remainder(Numerator, denominator);
        return new Fraction(remainder.Sign < 0 ? remainder + denominator : remainder, denominator);
    }

    /// <summary>The exact value as <c>"numerator/denominator"</c> in lowest terms, e.g. <c>"5/2"</c>, <c>"-1/3"</c>, <c>"3/1"</c>, <c>"0/1"</c>.</summary>
    /// <remarks>The denominator is always written, also for whole numbers, so the form is the same for every value.</remarks>
    public override string ToString() =>
        Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The value as a decimal number with at most <paramref name="maxDecimals"/> digits after the point,
    /// rounded half-up, trailing zeros removed, in the invariant culture.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Rounding is half-up in magnitude (a 5 in the first dropped digit rounds away from zero; for the
    /// non-negative quotas and remainders of a seat allocation that is the familiar "round half up"):
    /// 1/3 → <c>"0.333333"</c>, 2/3 → <c>"0.666667"</c>, 1/8 with 2 decimals → <c>"0.13"</c>.
    /// </para>
    /// <para>
    /// Trailing zeros and a bare point are dropped: 5/2 → <c>"2.5"</c>, 3/1 → <c>"3"</c>. A value whose
    /// decimal expansion ends within <paramref name="maxDecimals"/> digits is therefore written exactly;
    /// any other value is rounded. The exact value is always available from <see cref="ToString()"/>.
    /// The point is <c>'.'</c>, there are no group separators, and a value that rounds to zero has no sign.
    /// </para>
    /// </remarks>
    /// <param name="maxDecimals">Digits after the point, 0 to 100.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDecimals"/> is outside 0..100.</exception>
    public string ToDecimalString(int maxDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDecimals, 100);

        var denominator = Denominator;
        var scale = BigInteger.Pow(10, maxDecimals);
        var scaled = BigInteger.DivRem(BigInteger.Abs(Numerator) * scale, denominator, out var dropped);
        if (dropped * 2 >= denominator)
        {
            scaled += 1;
        }

        var whole = BigInteger.DivRem(scaled, scale, out var decimals);
        var text = new StringBuilder();
        if (Numerator.Sign < 0 && !scaled.IsZero)
        {
            text.Append('-');
        }

        text.Append(whole.ToString(CultureInfo.InvariantCulture));
        if (maxDecimals > 0 && !decimals.IsZero)
        {
            var digits = decimals.ToString(CultureInfo.InvariantCulture).PadLeft(maxDecimals, '0').TrimEnd('0');
            text.Append('.').Append(digits);
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(Fraction other) =>
        Numerator == other.Numerator && _denominatorMinusOne == other._denominatorMinusOne;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, _denominatorMinusOne);

    /// <summary>Compares exactly, by cross-multiplication.</summary>
    public int CompareTo(Fraction other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Fraction other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with must be a Fraction.", nameof(obj)),
    };

    /// <summary>Exact equality.</summary>
    public static bool operator ==(Fraction left, Fraction right) => left.Equals(right);

    /// <summary>Exact inequality.</summary>
    public static bool operator !=(Fraction left, Fraction right) => !left.Equals(right);

    /// <summary>Exact comparison.</summary>
    public static bool operator <(Fraction left, Fraction right) => left.CompareTo(right) < 0;

    /// <summary>Exact comparison.</summary>
    public static bool operator <=(Fraction left, Fraction right) => left.CompareTo(right) <= 0;

    /// <summary>Exact comparison.</summary>
    public static bool operator >(Fraction left, Fraction right) => left.CompareTo(right) > 0;

    /// <summary>Exact comparison.</summary>
    public static bool operator >=(Fraction left, Fraction right) => left.CompareTo(right) >= 0;
}
