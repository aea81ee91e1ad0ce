using System.Globalization;

namespace Masterplan.Documents;

/// <summary>German numbers and month names, fixed here so that text alternatives do not change with the ICU version.</summary>
internal static class GermanFormat
{
    static readonly string[] Months = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

    static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "−",
    };

    public static string Month(DateOnly date) => $"{Months[date.Month - 1]} {date.Year}";

    public static string MonthShort(DateOnly date) => Months[date.Month - 1];

    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("#,##0.##", Numbers);
    }

    public static string Number(double value, string? unit)
        => unit is { Length: > 0 } ? $"{Number(value)} {unit}" : Number(value);
}
