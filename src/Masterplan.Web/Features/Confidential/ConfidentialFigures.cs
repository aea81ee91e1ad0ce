using System.Globalization;
using Masterplan.Algorithms.Disclosure;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Confidential;

/// <summary>One line of a published table; <see cref="Count"/> is null where it is suppressed.</summary>
public sealed record FigureRow(string Label, int? Count);

/// <summary>A table of counts for the committee with its total, small cells and what would reveal them already suppressed.</summary>
public sealed record FigureTable(string Title, IReadOnlyList<FigureRow> Rows, FigureRow Total);

/// <summary>
/// The committee's figures (002 lines 82–86: regular evaluation): the cases a unit received in a year, counted by month,
/// kind, district and outcome, read only from the plain categories (never the encrypted content, so they need no key).
/// Counts from 1 to 4 are not shown, and in each table one more count when a total would give a hidden one away
/// (<see cref="SmallCells"/>). Cases whose content the retention job deleted still count: the row stays without text.
/// </summary>
public sealed class ConfidentialFigures(AppDbContext db)
{
    public const int Threshold = SmallCells.Threshold;

    public static readonly string[] TableTitles = ["nach Monat des Eingangs", "nach Art", "nach Stadtbezirk", "nach Ergebnis", "Summe", "ohne Angabe", "noch offen"];

    private static readonly string[] MonthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    public static IEnumerable<string> Months => MonthNames;

    /// <summary>The four tables of a unit's year (<see cref="ConfidentialModule.Complaints"/> or <see cref="ConfidentialModule.Assaults"/>).</summary>
    public async Task<IReadOnlyList<FigureTable>> ForYearAsync(string unit, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var cases = await db.ConfidentialCases.AsNoTracking().Where(c => c.Unit == unit && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { c.ReceivedOn.Month, c.Kind, c.DistrictId, c.OutcomeCategory }).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return
        [
            Table("nach Monat des Eingangs", MonthNames.Select((name, i) => (name, cases.Count(c => c.Month == i + 1)))),
            Table("nach Art", ConfidentialModule.KindsOf(unit).Select(k => (ConfidentialModule.KindLabel(k), cases.Count(c => c.Kind == k)))),
            Table("nach Stadtbezirk", districts.Select(d => (d.Name, cases.Count(c => c.DistrictId == d.Id))).Append(("ohne Angabe", cases.Count(c => c.DistrictId == null)))),
            Table("nach Ergebnis", ConfidentialModule.OutcomesOf(unit).Select(o => (ConfidentialModule.OutcomeLabel(o), cases.Count(c => c.OutcomeCategory == o)))
                .Append(("noch offen", cases.Count(c => c.OutcomeCategory == null)))),
        ];
    }

    /// <summary>The years from the first case received to the last, for the open-data export of every year's figures; empty without cases.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        var first = await db.ConfidentialCases.AsNoTracking().OrderBy(c => c.ReceivedOn).Select(c => (DateOnly?)c.ReceivedOn).FirstOrDefaultAsync(ct);
        var last = await db.ConfidentialCases.AsNoTracking().OrderByDescending(c => c.ReceivedOn).Select(c => (DateOnly?)c.ReceivedOn).FirstOrDefaultAsync(ct);
        return first is { } f && last is { } l ? [.. Enumerable.Range(f.Year, l.Year - f.Year + 1)] : [];
    }

    /// <summary>A list of counts with its total, suppressed.</summary>
    public static FigureTable Table(string title, IEnumerable<(string Label, int Count)> counts)
    {
        var list = counts.ToList();
        var hidden = SmallCells.Suppress([.. list.Select(c => c.Count)], Threshold);
        var total = list.Sum(c => c.Count);
        return new FigureTable(title, [.. list.Select((c, i) => new FigureRow(c.Label, hidden[i] ? null : c.Count))], new FigureRow("Summe", hidden[^1] ? null : total));
    }

    /// <summary>
    /// What a suppressed count shows. One word for every hidden count: "&lt;5" would be false for a count of 7 hidden only so that
    /// a small one cannot be worked out from the total, and a second mark for those would tell which one is small.
    /// </summary>
    public const string Hidden = "verdeckt";

    /// <summary>A count as shown on pages, in documents and in open data (the view translates <see cref="Hidden"/>).</summary>
    public static string Format(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Hidden;
}
