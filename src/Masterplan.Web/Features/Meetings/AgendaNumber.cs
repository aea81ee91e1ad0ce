using System.Globalization;
using System.Text.RegularExpressions;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Agenda numbers "1", "2", "2.1", "2.1.3" and the sort key that orders them numerically.</summary>
public static partial class AgendaNumber
{
    [GeneratedRegex(@"^[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){0,2}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? number) => number is not null && Pattern().IsMatch(number);

    /// <summary>"2.10" → "002.010", so that it sorts after "2.9" → "002.009".</summary>
    public static string SortKey(string number) =>
        string.Join('.', number.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture).ToString("000", CultureInfo.InvariantCulture)));

    /// <summary>The number after the last top-level item ("1" for an empty agenda).</summary>
    public static string Next(IEnumerable<string> numbers) =>
        (numbers.Select(n => int.Parse(n.Split('.')[0], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1).ToString(CultureInfo.InvariantCulture);
}
