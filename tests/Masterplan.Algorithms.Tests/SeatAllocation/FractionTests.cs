using System.Numerics;
using Masterplan.Algorithms.SeatAllocation;

namespace Masterplan.Algorithms.Tests.SeatAllocation;

public class FractionTests
{
    [Theory]
    [InlineData(10, 4, "5/2")]
    [InlineData(-10, 4, "-5/2")]
    [InlineData(10, -4, "-5/2")]
    [InlineData(-10, -4, "5/2")]
    [InlineData(0, 7, "0/1")]
    [InlineData(6, 2, "3/1")]
    public void A_fraction_is_kept_in_lowest_terms_with_a_positive_denominator(long numerator, long denominator, string expected)
    {
        Assert.Equal(expected, new Fraction(numerator, denominator).ToString());
    }

    [Fact]
    public void The_default_value_is_zero()
    {
        Assert.Equal(new Fraction(0, 5), default);
        Assert.Equal("0/1", default(Fraction).ToString());
        Assert.Equal(BigInteger.One, default(Fraction).Denominator);
    }

    [Fact]
    public void A_zero_denominator_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fraction(1, 0));
    }

    [Theory]
    [InlineData(5, 2, 6, "2.5")]
    [InlineData(3, 1, 6, "3")]
    [InlineData(0, 1, 6, "0")]
    [InlineData(1, 3, 6, "0.333333")]
    [InlineData(2, 3, 6, "0.666667")]
    [InlineData(-1, 3, 6, "-0.333333")]
    [InlineData(-2, 3, 6, "-0.666667")]
    [InlineData(1, 8, 2, "0.13")] // exactly half: rounds up
    [InlineData(1, 16, 3, "0.063")]
    [InlineData(5, 2, 0, "3")]
    [InlineData(3, 2, 0, "2")]
    [InlineData(-5, 2, 0, "-3")] // half-up in magnitude
    [InlineData(19_999_999, 20_000_000, 6, "1")] // 0.99999995 rounds to 1.000000
    [InlineData(-1, 1_000_000_000, 6, "0")] // rounds to zero: no sign
    [InlineData(135, 44, 6, "3.068182")]
    [InlineData(35, 44, 6, "0.795455")]
    public void Decimal_strings_are_rounded_half_up_without_trailing_zeros(long numerator, long denominator, int decimals, string expected)
    {
        Assert.Equal(expected, new Fraction(numerator, denominator).ToDecimalString(decimals));
    }

    [Fact]
    public void Decimal_strings_do_not_depend_on_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("1234567.5", new Fraction(2_469_135, 2).ToDecimalString(6));
            Assert.Equal("2469135/2", new Fraction(2_469_135, 2).ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Huge_values_are_formatted_exactly()
    {
        var value = new Fraction(BigInteger.Pow(10, 30) + 1, 2);
        Assert.Equal("500000000000000000000000000000.5", value.ToDecimalString(6));
    }

    [Theory]
    [InlineData(5, 2, 2, "1/2")]
    [InlineData(-5, 2, -3, "1/2")]
    [InlineData(6, 3, 2, "0/1")]
    [InlineData(-1, 3, -1, "2/3")]
    public void Floor_and_fractional_part_split_a_value(long numerator, long denominator, long floor, string fractionalPart)
    {
        var value = new Fraction(numerator, denominator);
        Assert.Equal(new BigInteger(floor), value.Floor());
        Assert.Equal(fractionalPart, value.FractionalPart().ToString());
    }

    [Fact]
    public void Comparison_is_exact()
    {
        // Differ only in the 20th significant digit: a double cannot tell them apart.
        var a = new Fraction(long.MaxValue - 1, long.MaxValue);
        var b = new Fraction(long.MaxValue - 2, long.MaxValue - 1);
        Assert.True(a > b);
        Assert.True(b < a);
        Assert.True(a >= new Fraction(long.MaxValue - 1, long.MaxValue) && a <= new Fraction(long.MaxValue - 1, long.MaxValue));
        Assert.NotEqual(a, b);
        Assert.Equal(new Fraction(1, 3), new Fraction(2, 6));
        Assert.True(new Fraction(1, 3) == new Fraction(-2, -6));
        Assert.Equal(new Fraction(1, 3).GetHashCode(), new Fraction(2, 6).GetHashCode());
        Assert.True(new Fraction(-1, 2) < default(Fraction));
    }
}
