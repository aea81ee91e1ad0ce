using System.Globalization;
using Masterplan.Algorithms.Disclosure;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>
/// A line of a share table: of <see cref="Total"/> incidents, <see cref="Yes"/> had the feature (the bodycam on, say).
/// A null count is suppressed; the share is shown only when both counts are.
/// </summary>
public sealed record ShareRow(string Label, int? Yes, int? Total)
{
    public double? Share => Yes is { } y && Total is { } t && t > 0 ? (double)y / t : null;
}

/// <summary>The committee's figures of a period, every small cell already suppressed.</summary>
/// <param name="Receipts">Checks by month (yyyy-MM), district, kind, legal basis and outcome.</param>
/// <param name="BodycamByKind">Incidents per kind of act with the bodycam on.</param>
/// <param name="Force">Incidents by use of the baton.</param>
/// <param name="Means">Incidents with pepper spray, handcuffs, injuries, a complaint.</param>
/// <param name="Feedback">The persons' feedback on receipts of the period.</param>
public sealed record EnforcementFigureSet(
    DateOnly From, DateOnly To, IReadOnlyList<FigureTable> Receipts, IReadOnlyList<ShareRow> BodycamByKind, IReadOnlyList<FigureTable> Force, IReadOnlyList<ShareRow> Means,
    IReadOnlyList<FigureTable> Feedback);

/// <summary>
/// The figures for the committee and the public page (002 lines 92–102: transparent, regular reports; whether the bodycam is
/// on for Platzverweise or when the baton is drawn): counts of checks and incidents of a period, never an officer. Counts from
/// 1 to 4 are hidden, and in each table whatever would give one away (<see cref="SmallCells"/>, through
/// <see cref="ConfidentialFigures.Table"/>). Reads grouped counts, so a year of 100,000 receipts stays one pass per table.
/// </summary>
public sealed class EnforcementFigures(AppDbContext db)
{
    public const int Threshold = ConfidentialFigures.Threshold;

    public const string Hidden = ConfidentialFigures.Hidden;

    public const string ByMonth = "Kontrollen nach Monat";
    public const string ByDistrict = "Kontrollen nach Stadtbezirk";
    public const string ByKind = "Kontrollen nach Art der Maßnahme";
    public const string ByLegalBasis = "Kontrollen nach Rechtsgrundlage";
    public const string ByOutcome = "Kontrollen nach Ergebnis";
    public const string ByBaton = "Einsätze nach Einsatzmehrzweckstock";
    public const string ByFairness = "Rückmeldungen: fair behandelt?";
    public const string ByCheckedBecause = "Rückmeldungen: Warum kontrolliert?";

    public static readonly string[] MeansLabels = ["Pfefferspray eingesetzt", "Handfesseln angelegt", "Einsatzkraft verletzt", "Person verletzt", "Beschwerde folgte", "Bodycam an"];

    public static IEnumerable<string> Labels => [ByMonth, ByDistrict, ByKind, ByLegalBasis, ByOutcome, ByBaton, ByFairness, ByCheckedBecause, .. MeansLabels];

    /// <summary>The figures of the days <paramref name="from"/> to <paramref name="to"/> (Dortmund time, both included).</summary>
    public async Task<EnforcementFigureSet> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = CityTime.ToUtc(from, TimeOnly.MinValue);
        var end = CityTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var receipts = db.StopReceipts.AsNoTracking().Where(r => r.OccurredAt >= start && r.OccurredAt < end);
        var groups = await receipts.GroupBy(r => new { r.DistrictId, r.Kind, r.LegalBasis, r.Outcome })
            .Select(g => new { g.Key.DistrictId, g.Key.Kind, g.Key.LegalBasis, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var months = new List<(string, int)>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var monthStart = CityTime.ToUtc(month < from ? from : month, TimeOnly.MinValue);
            var next = month.AddMonths(1);
            var monthEnd = CityTime.ToUtc(next > to ? to.AddDays(1) : next, TimeOnly.MinValue);
            months.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), await receipts.CountAsync(r => r.OccurredAt >= monthStart && r.OccurredAt < monthEnd, ct)));
        }

        var districts = await db.Set<Districts.District>().AsNoTracking().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        List<FigureTable> receiptTables =
        [
            ConfidentialFigures.Table(ByMonth, months),
            ConfidentialFigures.Table(ByDistrict, districts.Select(d => (d.Name, groups.Where(g => g.DistrictId == d.Id).Sum(g => g.Count)))),
            ConfidentialFigures.Table(ByKind, EnforcementModule.Kinds.Select(k => (EnforcementModule.KindLabel(k), groups.Where(g => g.Kind == k).Sum(g => g.Count)))),
            ConfidentialFigures.Table(ByLegalBasis, EnforcementModule.LegalBases.Select(b => (EnforcementModule.LegalBasisLabel(b), groups.Where(g => g.LegalBasis == b).Sum(g => g.Count)))),
            ConfidentialFigures.Table(ByOutcome, EnforcementModule.Outcomes.Select(o => (EnforcementModule.OutcomeLabel(o), groups.Where(g => g.Outcome == o).Sum(g => g.Count)))),
        ];

        var incidents = await db.ForceIncidents.AsNoTracking().Where(i => i.OccurredAt >= start && i.OccurredAt < end)
            .Select(i => new { i.Kind, i.Baton, i.BodycamOn, i.PepperSpray, i.Handcuffs, i.OfficerInjured, i.PersonInjured, i.ComplaintFollowed }).ToListAsync(ct);
        var bodycam = Shares([.. EnforcementModule.Kinds.Select(k => (EnforcementModule.KindLabel(k), incidents.Count(i => i.Kind == k && i.BodycamOn), incidents.Count(i => i.Kind == k)))]);
        var total = incidents.Count;
        var means = Shares(
        [
            (MeansLabels[0], incidents.Count(i => i.PepperSpray), total),
            (MeansLabels[1], incidents.Count(i => i.Handcuffs), total),
            (MeansLabels[2], incidents.Count(i => i.OfficerInjured), total),
            (MeansLabels[3], incidents.Count(i => i.PersonInjured), total),
            (MeansLabels[4], incidents.Count(i => i.ComplaintFollowed), total),
            (MeansLabels[5], incidents.Count(i => i.BodycamOn), total),
        ]);
        List<FigureTable> force = [ConfidentialFigures.Table(ByBaton, EnforcementModule.BatonUses.Select(b => (EnforcementModule.BatonLabel(b), incidents.Count(i => i.Baton == b))))];

        var feedback = await db.ReceiptFeedbacks.AsNoTracking().Where(f => receipts.Any(r => r.Id == f.ReceiptId))
            .GroupBy(f => new { f.Fairness, f.CheckedBecause }).Select(g => new { g.Key.Fairness, g.Key.CheckedBecause, Count = g.Count() }).ToListAsync(ct);
        List<FigureTable> feedbackTables =
        [
            ConfidentialFigures.Table(ByFairness, EnforcementModule.Fairness.Select(f => (EnforcementModule.FairnessLabel(f), feedback.Where(g => g.Fairness == f).Sum(g => g.Count)))),
            ConfidentialFigures.Table(ByCheckedBecause, EnforcementModule.CheckedBecause.Select(c => (EnforcementModule.CheckedBecauseLabel(c), feedback.Where(g => g.CheckedBecause == c).Sum(g => g.Count)))),
        ];
        return new EnforcementFigureSet(from, to, receiptTables, bodycam, force, means, feedbackTables);
    }

    /// <summary>
    /// The years (Dortmund time) from the first check or incident to the last, for the open-data export of every year's
    /// figures; empty without any.
    /// </summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        var moments = new List<DateTimeOffset>();
        foreach (var query in new[] { db.StopReceipts.AsNoTracking().Select(r => r.OccurredAt), db.ForceIncidents.AsNoTracking().Select(i => i.OccurredAt) })
        {
            moments.AddRange(await query.OrderBy(m => m).Take(1).ToListAsync(ct));
            moments.AddRange(await query.OrderByDescending(m => m).Take(1).ToListAsync(ct));
        }

        if (moments.Count == 0)
        {
            return [];
        }

        var first = CityTime.Local(moments.Min()).Year;
        return [.. Enumerable.Range(first, CityTime.Local(moments.Max()).Year - first + 1)];
    }

    /// <summary>Lines of "with / of all", suppressed as a table of rows × (with, without) with its totals.</summary>
    public static List<ShareRow> Shares(IReadOnlyList<(string Label, int Yes, int Total)> lines)
    {
        var cells = new int[lines.Count, 2];
        for (var i = 0; i < lines.Count; i++)
        {
            cells[i, 0] = lines[i].Yes;
            cells[i, 1] = lines[i].Total - lines[i].Yes;
        }

        var hidden = SmallCells.Suppress(cells, Threshold);
        // "Without" is not shown, but it is the total minus "with": the suppression hides at least two of each line's three.
        return [.. lines.Select((l, i) => new ShareRow(l.Label, hidden[i, 0] ? null : l.Yes, hidden[i, 2] ? null : l.Total))];
    }

    /// <summary>Checks and incidents per officer pseudonym in a period: for the lead only, never published.</summary>
    public async Task<IReadOnlyList<(string Pseudonym, int Receipts, int Incidents)>> PerOfficerAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = CityTime.ToUtc(from, TimeOnly.MinValue);
        var end = CityTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var receipts = await db.StopReceipts.Where(r => r.OccurredAt >= start && r.OccurredAt < end).GroupBy(r => r.OfficerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var incidents = await db.ForceIncidents.Where(r => r.OccurredAt >= start && r.OccurredAt < end).GroupBy(r => r.OfficerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var officers = await db.EnforcementOfficers.AsNoTracking().OrderBy(o => o.Pseudonym).Select(o => new { o.Id, o.Pseudonym }).ToListAsync(ct);
        return [.. officers.Select(o => (o.Pseudonym, receipts.FirstOrDefault(r => r.Key == o.Id)?.Count ?? 0, incidents.FirstOrDefault(r => r.Key == o.Id)?.Count ?? 0))
            .Where(o => o.Item2 + o.Item3 > 0)];
    }

    /// <summary>A count as published: the number, or <see cref="Hidden"/> where it is suppressed.</summary>
    public static string Format(int? count) => ConfidentialFigures.Format(count);
}
