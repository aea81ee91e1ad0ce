using System.Globalization;

namespace Masterplan.Algorithms.LabRotation;

/// <summary>A calendar quarter, written <c>2024-Q3</c>.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    /// <summary>Creates the quarter <paramref name="number"/> (1–4) of <paramref name="year"/>.</summary>
    public Quarter(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>1 for January–March, …, 4 for October–December.</summary>
    public int Number { get; }

    /// <summary>The first day of the quarter.</summary>
    public DateOnly FirstDay => new(Year, (3 * (Number - 1)) + 1, 1);

    /// <summary>The quarter that contains <paramref name="date"/>.</summary>
    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>Parses <c>2024-Q3</c> (also <c>2024Q3</c>, <c>2024-q3</c>).</summary>
    /// <exception cref="FormatException">The text is not a quarter.</exception>
    public static Quarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter; expected e.g. 2024-Q3.");

    /// <summary>Parses <c>2024-Q3</c> (also <c>2024Q3</c>, <c>2024-q3</c>).</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var t = text?.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        if (t is not { Length: 6 } || (t[4] != 'Q' && t[4] != 'q') || t[5] is < '1' or > '4'
            || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        quarter = new Quarter(year, t[5] - '0');
        return true;
    }

    /// <summary>The quarter <paramref name="count"/> quarters later (earlier when negative).</summary>
    public Quarter AddQuarters(int count)
    {
        var index = (Year * 4) + Number - 1 + count;
        return new Quarter(index / 4, (index % 4) + 1);
    }

    /// <inheritdoc/>
    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is not after <paramref name="right"/>.</summary>
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is not before <paramref name="right"/>.</summary>
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    /// <summary><c>2024-Q3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
