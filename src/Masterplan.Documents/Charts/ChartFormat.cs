using System.Globalization;

namespace Masterplan.Documents;

/// <summary>A chart's numbers, month names and phrases in German or English, fixed here so that text alternatives do not change with the ICU version.</summary>
internal sealed class ChartFormat
{
    public static readonly ChartFormat German = new(
        ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."], ",", ".",
        Target: "Ziel {0} ({1})", Baseline: "Ausgangswert", Empty: "Noch keine Werte erfasst", OneValue: "Ein Wert: {0}",
        Rose: "Wert stieg von {0} auf {1}", Fell: "Wert sank von {0} auf {1}", Stayed: "Wert blieb bei {0} ({1} bis {2})",
        Highest: "Höchstwert {0}", Lowest: "Tiefstwert {0}", BaselineAt: "Ausgangswert {0}", TargetBy: "Ziel {0} bis {1}");

    public static readonly ChartFormat English = new(
        ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"], ".", ",",
        Target: "Target {0} ({1})", Baseline: "Baseline", Empty: "No values recorded yet", OneValue: "One value: {0}",
        Rose: "Value rose from {0} to {1}", Fell: "Value fell from {0} to {1}", Stayed: "Value stayed at {0} ({1} to {2})",
        Highest: "Highest value {0}", Lowest: "Lowest value {0}", BaselineAt: "Baseline {0}", TargetBy: "Target {0} by {1}");

    readonly string[] _months;
    readonly NumberFormatInfo _numbers;

    ChartFormat(string[] months, string decimalSeparator, string groupSeparator, string Target, string Baseline, string Empty, string OneValue,
        string Rose, string Fell, string Stayed, string Highest, string Lowest, string BaselineAt, string TargetBy)
    {
        _months = months;
        _numbers = new NumberFormatInfo { NumberDecimalSeparator = decimalSeparator, NumberGroupSeparator = groupSeparator, NegativeSign = "−" };
        (this.Target, this.Baseline, this.Empty, this.OneValue, this.Rose, this.Fell, this.Stayed, this.Highest, this.Lowest, this.BaselineAt, this.TargetBy) =
            (Target, Baseline, Empty, OneValue, Rose, Fell, Stayed, Highest, Lowest, BaselineAt, TargetBy);
    }

    /// <summary>English for "en", German for anything else.</summary>
    public static ChartFormat For(string? language) => language == "en" ? English : German;

    public string Target { get; }
    public string Baseline { get; }
    public string Empty { get; }
    public string OneValue { get; }
    public string Rose { get; }
    public string Fell { get; }
    public string Stayed { get; }
    public string Highest { get; }
    public string Lowest { get; }
    public string BaselineAt { get; }
    public string TargetBy { get; }

    public string Month(DateOnly date) => $"{_months[date.Month - 1]} {date.Year}";

    public string MonthShort(DateOnly date) => _months[date.Month - 1];

    public string Number(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("#,##0.##", _numbers);
    }

    public string Number(double value, string? unit)
        => unit is { Length: > 0 } ? $"{Number(value)} {unit}" : Number(value);

    public static string Fill(string pattern, params object[] args) => string.Format(CultureInfo.InvariantCulture, pattern, args);
}
