using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Features.Enforcement;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Reports;

/// <summary>
/// Compiles the half-year report (004 "Prozess": the administration reports half-yearly to the committee on the state of
/// the process) from the work itself: it only reads the modules' public APIs and tables and writes nothing. The report
/// becomes a public paper, so it lists only what is public (public measures, indicators, meetings and recommendations);
/// confidential and enforcement figures come already suppressed from their modules.
/// </summary>
public sealed class HalfYearCompiler(
    AppDbContext db, CatalogueTree tree, Measures measures, Indicators indicators, ConfidentialFigures confidential, EnforcementFigures enforcement,
    ProgrammeBudget programme, TimeProvider time)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string Sum = "Summe";

    public async Task<ReportContent> CompileAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (CityTime.ToUtc(from, TimeOnly.MinValue), CityTime.ToUtc(to.AddDays(1), TimeOnly.MinValue));
        List<ReportSection> sections =
        [
            await MeetingsAsync(from, to, start, end, ct),
            await CatalogueAsync(start, end, ct),
            await MeasuresAsync(ct),
            await IndicatorsAsync(to, ct),
            await MilestonesAsync(to, ct),
            await LabsAsync(from, to, ct),
            await ParticipationAsync(start, end, ct),
            await ServiceRequestsAsync(start, end, ct),
            await ProtectivePlacesAsync(ct),
            await ConfidentialAsync(from, to, ct),
            await EnforcementAsync(from, to, ct),
            await BudgetAsync(from, to, ct),
        ];
        return new ReportContent(from, to, time.GetUtcNow(), sections);
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", German);

    private static string Day(DateTimeOffset moment) => CityTime.Local(moment).ToString("dd.MM.yyyy", German);

    private static string N(int count) => count.ToString(German);

    private static string Euro(long cents) => (cents / 100m).ToString("#,##0.00", German) + " €";

    private static ReportTable Counts(string key, string caption, string label, IEnumerable<(string Label, int Count, string? Link)> rows, string? totalLink)
    {
        var list = rows.ToList();
        return new ReportTable(key, caption, [label, "Anzahl"],
            [.. list.Select(r => new ReportRow([r.Label, N(r.Count)], r.Link)), new ReportRow([Sum, N(list.Sum(r => r.Count))], totalLink)], Total: true);
    }

    /// <summary>
    /// 004 §3: the Vollversammlung meets at least three times a calendar year; 003: the Sonderstab weekly. Meetings held in
    /// the period, and the recommendations adopted in it with every follow-up.
    /// </summary>
    private async Task<ReportSection> MeetingsAsync(DateOnly from, DateOnly to, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var (yearStart, yearEnd) = (CityTime.ToUtc(new DateOnly(from.Year, 1, 1), TimeOnly.MinValue), CityTime.ToUtc(new DateOnly(to.Year + 1, 1, 1), TimeOnly.MinValue));
        var bodies = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.PlenaryAssembly || o.Kind == OrganizationKind.SpecialTaskForce || o.Kind == OrganizationKind.SteeringCircle || o.Kind == OrganizationKind.WorkingGroup
                || o.Kind == OrganizationKind.Forum)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        var ids = bodies.Select(b => b.Id).ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.OrganizationId) && m.State != MeetingState.Cancelled && m.Start >= yearStart && m.Start < yearEnd)
            .Select(m => new { m.Id, m.OrganizationId, m.Title, m.Start, m.IsPublic }).ToListAsync(ct);
        var inPeriod = meetings.Where(m => m.Start >= start && m.Start < end).OrderBy(m => m.Start).ToList();

        var rules = new List<ReportRow>();
        foreach (var plenary in bodies.Where(b => b.Kind == OrganizationKind.PlenaryAssembly))
        {
            for (var year = from.Year; year <= to.Year; year++)
            {
                var count = meetings.Count(m => m.OrganizationId == plenary.Id && CityTime.Local(m.Start).Year == year);
                rules.Add(new ReportRow([$"{plenary.Name}: Sitzungen im Kalenderjahr {year}", $"mindestens {MeetingRules.PlenaryMinimumPerYear}", N(count),
                    count >= MeetingRules.PlenaryMinimumPerYear ? "erfüllt" : "nicht erfüllt"], $"/gremien/{plenary.Id}"));
            }
        }

        foreach (var taskForce in bodies.Where(b => b.Kind == OrganizationKind.SpecialTaskForce))
        {
            var covered = inPeriod.Where(m => m.OrganizationId == taskForce.Id).Select(m => Week(DateOnly.FromDateTime(CityTime.Local(m.Start)))).ToHashSet();
            var weeks = Weeks(from, to);
            var missing = weeks.Where(w => !covered.Contains(w)).ToList();
            rules.Add(new ReportRow([$"{taskForce.Name}: wöchentliche Sitzung (003)", $"{N(weeks.Count)} Wochen", $"{N(weeks.Count - missing.Count)} Wochen mit Sitzung",
                missing.Count == 0 ? "erfüllt" : "nicht erfüllt: " + string.Join(", ", missing.Select(w => $"KW {w % 100}/{w / 100}"))], $"/gremien/{taskForce.Id}"));
        }

        var names = bodies.ToDictionary(b => b.Id, b => b.Name);
        var held = new ReportTable("held", "Sitzungen im Zeitraum je Gremium", ["Gremium", "Sitzungen"],
            [.. bodies.Select(b => new ReportRow([b.Name, N(inPeriod.Count(m => m.OrganizationId == b.Id))], $"/gremien/{b.Id}")),
                new ReportRow([Sum, N(inPeriod.Count)], "/sitzungen")], Total: true);
        var list = new ReportTable("meetings", "Öffentliche Sitzungen im Zeitraum", ["Sitzung", "Gremium", "Datum"],
            [.. inPeriod.Where(m => m.IsPublic).Select(m => new ReportRow([m.Title, names[m.OrganizationId], Day(m.Start)], $"/sitzungen/{m.Id}"))]);

        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.Updates).Include(r => r.Meeting)
            .Where(r => r.IsPublic && r.Meeting.IsPublic && r.AdoptedOn >= from && r.AdoptedOn <= to)
            .OrderBy(r => r.AdoptedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var recommended = new ReportTable("recommendations", "Empfehlungen aus den Sitzungen des Zeitraums und ihre Nachverfolgung",
            ["Empfehlung", "Beschlossen", "Stand", "Nachverfolgung"],
            [.. recommendations.Select(r => new ReportRow(
            [
                r.Title, $"{Day(r.AdoptedOn)}, {r.Meeting.Title}", MeetingsModule.StatusLabel(r.Status),
                r.Updates.Count == 0 ? "–" : string.Join("\n", r.Updates.OrderBy(u => u.Date).ThenBy(u => u.Id).Select(u => $"{Day(u.Date)} ({MeetingsModule.StatusLabel(u.Status)}): {u.Note}")),
            ], $"/sitzungen/{r.MeetingId}"))]);
        return new ReportSection("meetings", "Sitzungen und Empfehlungen", "/sitzungen",
            [SourceReference.Plain("Regeln aus 004 §3 (Vollversammlung mindestens dreimal im Kalenderjahr) und 003 (Sonderstab wöchentlich); abgesagte Sitzungen zählen nicht.", english: false)],
            [new ReportTable("rules", "Sitzungsregeln", ["Regel", "Soll", "Ist", "Ergebnis"], rules), held, list, recommended], []);
    }

    /// <summary>Calendar weeks (year × 100 + week) that lie in the period, wholly or in part.</summary>
    private static List<int> Weeks(DateOnly from, DateOnly to)
    {
        var weeks = new List<int>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var week = Week(day);
            if (weeks.Count == 0 || weeks[^1] != week)
            {
                weeks.Add(week);
            }
        }

        return weeks;
    }

    private static int Week(DateOnly day) => ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)) * 100 + ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue));

    private async Task<ReportSection> CatalogueAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var changes = await tree.ChangesAsync(start, end, ct);
        return new ReportSection("catalogue", "Änderungen am Katalog der Handlungsfelder", "/handlungsfelder/aenderungen", [],
        [
            new ReportTable("changes", "Änderungen am Katalog im Zeitraum", ["Handlungsfeld", "Datum", "Änderung", "Quelle"],
                [.. changes.Select(c => new ReportRow(
                [
                    $"{c.NumberAfter ?? c.NumberBefore} {c.Title}", Day(c.At), CatalogueModule.Label(c.Change),
                    CatalogueModule.Label(c.SourceKind) + (c.SourceText is null ? "" : ": " + SourceReference.Plain(c.SourceText, false)),
                ], "/handlungsfelder/aenderungen"))]),
        ], []);
    }

    /// <summary>The public measures of masterplan 2.0 by status and progress, as they stand when the report is compiled.</summary>
    private async Task<ReportSection> MeasuresAsync(CancellationToken ct)
    {
        var all = await db.Measures.AsNoTracking().Where(m => m.IsPublic && m.PlanEdition == 2).OrderBy(m => m.Title).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.Status, m.Progress }).ToListAsync(ct);
        var fields = await tree.LoadAsync(ct);
        var progress = await measures.RollUpAsync(fields, publicOnly: true, ct);
        var counted = all.Where(m => m.Status != MeasureStatus.Discarded).ToList();
        return new ReportSection("measures", "Maßnahmen nach Stand und Fortschritt", "/massnahmen",
        [
            counted.Count == 0
                ? "Keine öffentlichen Maßnahmen."
                : $"Mittlerer Fortschritt der {N(counted.Count)} öffentlichen Maßnahmen ohne verworfene: {N((int)Math.Round(counted.Average(m => m.Progress), MidpointRounding.AwayFromZero))} % (ungewichtet).",
        ],
        [
            Counts("by-status", "Öffentliche Maßnahmen nach Stand", "Stand",
                Enum.GetValues<MeasureStatus>().Select(s => (Measures.StatusLabel(s), all.Count(m => m.Status == s), (string?)"/massnahmen")), "/massnahmen"),
            new ReportTable("by-field", "Fortschritt je Handlungsfeld (gewichtet, ohne verworfene)", ["Handlungsfeld", "Fortschritt", "Maßnahmen"],
                [.. fields.SelectMany(f => f.SelfAndDescendants()).Where(n => progress.ContainsKey(n.Id))
                    .Select(n => new ReportRow([$"{n.Number} {n.Title}", $"{N(progress[n.Id].Percent)} %", N(progress[n.Id].Measures)], "/handlungsfelder"))]),
            new ReportTable("list", "Öffentliche Maßnahmen", ["Maßnahme", "Stand", "Fortschritt"],
                [.. all.Select(m => new ReportRow([m.Title, Measures.StatusLabel(m.Status), $"{N(m.Progress)} %"], $"/massnahmen/{m.Id}"))]),
        ], []);
    }

    /// <summary>The public indicators, assessed with their latest value up to the period's end, each with its chart.</summary>
    private async Task<ReportSection> IndicatorsAsync(DateOnly to, CancellationToken ct)
    {
        var assessed = await indicators.AssessAsync(db.Indicators.Where(i => i.IsPublic).OrderBy(i => i.Name).ThenBy(i => i.Id), to, ct);
        var ids = assessed.Select(a => a.Indicator.Id).ToList();
        var values = (await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId) && v.Date <= to)
            .Select(v => new { v.IndicatorId, v.Date, v.Value }).ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var charts = assessed.Where(a => values[a.Indicator.Id].Any()).Select(a => new ReportChart(a.Indicator.Name, a.Indicator.Unit,
            [.. values[a.Indicator.Id].OrderBy(v => v.Date).Select(v => new ReportPoint(v.Date, (double)v.Value))],
            a.Indicator is { BaselineValue: { } b, BaselineDate: { } bd } ? new ReportPoint(bd, (double)b) : null,
            a.Indicator is { TargetValue: { } t, TargetDate: { } td } ? new ReportPoint(td, (double)t) : null,
            $"/kennzahlen/{a.Indicator.Id}")).ToList();
        return new ReportSection("indicators", "Kennzahlen", "/kennzahlen",
            [$"Stand zum {Day(to)}: der letzte Wert bis dahin, verglichen mit dem geraden Weg vom Ausgangs- zum Zielwert (auf Kurs; gefährdet innerhalb von 10 % der Strecke; nicht auf Kurs)."],
        [
            Counts("by-status", "Kennzahlen nach Status", "Status",
                assessed.GroupBy(a => a.Assessment.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), (string?)"/kennzahlen")), "/kennzahlen"),
            new ReportTable("list", "Kennzahlen mit Status", ["Kennzahl", "Letzter Wert", "Ziel", "Status"],
                [.. assessed.Select(a => new ReportRow(
                [
                    a.Indicator.Name,
                    a.Assessment.Latest is { } v ? $"{Indicators.Format(v.Value, a.Indicator.Unit)} ({Day(v.Date)})" : "–",
                    a.Indicator.TargetValue is { } t ? $"{Indicators.Format(t, a.Indicator.Unit)} ({(a.Indicator.TargetDate is { } td ? Day(td) : "–")})" : "–",
                    a.Assessment.Label,
                ], $"/kennzahlen/{a.Indicator.Id}"))]),
        ], charts);
    }

    private async Task<ReportSection> MilestonesAsync(DateOnly to, CancellationToken ct)
    {
        var overdue = await (from m in db.Milestones.AsNoTracking()
                             join measure in db.Set<Measure>() on m.MeasureId equals measure.Id
                             where measure.IsPublic && m.DueDate < to && (m.DoneDate == null || m.DoneDate > to)
                             orderby m.DueDate, m.Id
                             select new { m.Title, m.DueDate, m.MeasureId, Measure = measure.Title }).ToListAsync(ct);
        return new ReportSection("milestones", "Überfällige Meilensteine", "/massnahmen", [$"Meilensteine öffentlicher Maßnahmen, die am {Day(to)} fällig und nicht erledigt waren."],
        [
            new ReportTable("overdue", "Überfällige Meilensteine am Ende des Zeitraums", ["Meilenstein", "Maßnahme", "Fällig"],
                [.. overdue.Select(m => new ReportRow([m.Title, m.Measure, Day(m.DueDate)], $"/massnahmen/{m.MeasureId}"))]),
        ], []);
    }

    /// <summary>The Quartierslabore held in the period and what became of their recommendations (001 §II, Handlungsfeld 4).</summary>
    private async Task<ReportSection> LabsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var labs = await db.Labs.AsNoTracking().Where(l => l.HeldOn >= from && l.HeldOn <= to).OrderBy(l => l.HeldOn).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.Title, l.District, l.HeldOn }).ToListAsync(ct);
        var ids = labs.Select(l => l.Id).ToList();
        var recommendations = await db.LabRecommendations.AsNoTracking().Where(r => ids.Contains(r.LabId)).OrderBy(r => r.LabId).ThenBy(r => r.Id).ToListAsync(ct);
        var titles = labs.ToDictionary(l => l.Id, l => l.Title);
        var outcomes = recommendations.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => (LabsModule.OutcomeLabel(g.Key), g.Count(), (string?)"/quartierslabore")).ToList();
        return new ReportSection("labs", "Quartierslabore und ihre Empfehlungen", "/quartierslabore", [],
        [
            new ReportTable("held", "Quartierslabore im Zeitraum", ["Quartierslabor", "Stadtbezirk", "Durchgeführt", "Empfehlungen"],
                [.. labs.Select(l => new ReportRow([l.Title, l.District, Day(l.HeldOn!.Value), N(recommendations.Count(r => r.LabId == l.Id))], $"/quartierslabore/{l.Id}"))]),
            Counts("outcomes", "Was aus den Empfehlungen wurde", "Ergebnis", outcomes, "/quartierslabore"),
            new ReportTable("recommendations", "Empfehlungen der Quartierslabore", ["Empfehlung", "Quartierslabor", "Ergebnis"],
                [.. recommendations.Select(r => new ReportRow(
                [
                    r.Text, titles[r.LabId],
                    LabsModule.OutcomeLabel(r.Outcome) + (r.ForwardedTo is { } f ? ": " + f : "") + (r.DeclineReason is { } d ? ": " + d : ""),
                ], r.MeasureId is { } m ? $"/massnahmen/{m}" : $"/quartierslabore/{r.LabId}"))]),
        ], []);
    }

    /// <summary>What residents contributed in the period, per call and by status; only published ones count towards statuses.</summary>
    private async Task<ReportSection> ParticipationAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var contributions = await db.Set<Contribution>().AsNoTracking().Where(c => c.SubmittedAt >= start && c.SubmittedAt < end)
            .Select(c => new { c.InputCallId, c.Moderation, c.Status }).ToListAsync(ct);
        var callIds = contributions.Select(c => c.InputCallId).Distinct().ToList();
        var calls = await db.Set<InputCall>().AsNoTracking().Where(c => callIds.Contains(c.Id) || (c.OpensAt < end && c.ClosesAt >= start))
            .OrderBy(c => c.OpensAt).ThenBy(c => c.Id).Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        var published = contributions.Where(c => c.Moderation == ParticipationModule.Published).ToList();
        string[] statuses = [ParticipationModule.Received, ParticipationModule.InReview, ParticipationModule.TakenUp, ParticipationModule.NotTakenUp, ParticipationModule.Done];
        return new ReportSection("participation", "Beteiligung", "/beteiligung", ["Beiträge, die im Zeitraum eingegangen sind; den Stand zählen wir bei den veröffentlichten Beiträgen."],
        [
            new ReportTable("calls", "Aufrufe und Beiträge im Zeitraum", ["Aufruf", "Eingegangen", "Veröffentlicht", "Aufgegriffen"],
                [.. calls.Select(c => new ReportRow(
                [
                    c.Title, N(contributions.Count(x => x.InputCallId == c.Id)), N(published.Count(x => x.InputCallId == c.Id)),
                    N(published.Count(x => x.InputCallId == c.Id && x.Status == ParticipationModule.TakenUp)),
                ], $"/beteiligung/{c.Id}")),
                 new ReportRow([Sum, N(contributions.Count), N(published.Count), N(published.Count(x => x.Status == ParticipationModule.TakenUp))], "/beteiligung")], Total: true),
            Counts("status", "Veröffentlichte Beiträge nach Stand", "Stand",
                statuses.Select(s => (ParticipationModule.StatusLabel(s), published.Count(c => c.Status == s), (string?)"/beteiligung")), "/beteiligung"),
        ], []);
    }

    /// <summary>Meldungen made in the period, as the public sees them (<see cref="PublicServiceRequests"/>).</summary>
    private async Task<ReportSection> ServiceRequestsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var requests = await PublicServiceRequests.Query(db).Where(r => r.Created >= start && r.Created < end)
            .Select(r => new { r.Status, r.CategoryName, r.DistrictName }).ToListAsync(ct);
        string[] statuses =
        [
            ServiceRequestsModule.Open, ServiceRequestsModule.Acknowledged, ServiceRequestsModule.InProgress, ServiceRequestsModule.Fixed, ServiceRequestsModule.Duplicate,
            ServiceRequestsModule.NotResponsible, ServiceRequestsModule.Closed,
        ];
        return new ReportSection("service-requests", "Meldungen (Mängel und Angsträume)", "/meldungen", ["Öffentliche Meldungen, die im Zeitraum eingegangen sind, mit ihrem heutigen Stand."],
        [
            Counts("status", "Meldungen nach Stand", "Stand", statuses.Select(s => (ServiceRequestsModule.StatusLabel(s), requests.Count(r => r.Status == s), (string?)"/meldungen")), "/meldungen"),
            Counts("category", "Meldungen nach Kategorie", "Kategorie",
                requests.GroupBy(r => r.CategoryName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), (string?)"/meldungen")), "/meldungen"),
            Counts("district", "Meldungen nach Stadtbezirk", "Stadtbezirk",
                requests.GroupBy(r => r.DistrictName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), (string?)"/meldungen")), "/meldungen"),
        ], []);
    }

    private async Task<ReportSection> ProtectivePlacesAsync(CancellationToken ct)
    {
        var places = await db.ProtectivePlaces.AsNoTracking().Where(p => p.IsPublic).Select(p => new { p.Kind }).ToListAsync(ct);
        return new ReportSection("protective-places", "Schutzorte", "/schutzorte", ["Öffentliche Schutzorte zum Zeitpunkt des Berichts."],
        [
            Counts("kind", "Schutzorte nach Art", "Art",
                places.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (ProtectivePlacesModule.KindLabel(g.Key), g.Count(), (string?)"/schutzorte")), "/schutzorte"),
        ], []);
    }

    /// <summary>The committee figures of both confidential units for each calendar year the period touches, already suppressed.</summary>
    private async Task<ReportSection> ConfidentialAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tables = new List<ReportTable>();
        foreach (var unit in ConfidentialModule.Units)
        {
            var name = ConfidentialModule.UnitLabel(unit);
            for (var year = from.Year; year <= to.Year; year++)
            {
                foreach (var table in await confidential.ForYearAsync(unit, year, ct))
                {
                    tables.Add(Figures($"{unit}-{year}-{table.Title}", $"{name} {year}: Fälle {table.Title}", table));
                }
            }
        }

        return new ReportSection("confidential", "Vertrauliche Kanäle", "/vertraulich/zahlen",
            [$"Zahlen von 1 bis {ConfidentialFigures.Threshold - 1} zeigen wir nicht, und wo sich eine solche Zahl aus einer Summe ausrechnen ließe, auch eine weitere; dort steht „{ConfidentialFigures.Hidden}“. Die Zahlen gelten für das ganze Kalenderjahr."],
            tables, []);
    }

    private static ReportTable Figures(string key, string caption, FigureTable table) =>
        new(key, caption, ["Kategorie", "Anzahl"],
            [.. table.Rows.Select(r => new ReportRow([r.Label, ConfidentialFigures.Format(r.Count)])), new ReportRow([Sum, ConfidentialFigures.Format(table.Total.Count)])], Total: true);

    private async Task<ReportSection> EnforcementAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var set = await enforcement.ForPeriodAsync(from, to, ct);
        var tables = set.Receipts.Concat(set.Force).Concat(set.Feedback).Select(t => Figures("enforcement-" + t.Title, t.Title, t)).ToList();
        ReportTable Shares(string key, string caption, IReadOnlyList<ShareRow> rows) =>
            new(key, caption, ["Kategorie", "mit", "von", "Anteil"],
                [.. rows.Select(r => new ReportRow([r.Label, EnforcementFigures.Format(r.Yes), EnforcementFigures.Format(r.Total), r.Share is { } s ? s.ToString("P0", German) : "–"]))]);
        tables.Add(Shares("bodycam", "Bodycam an, nach Art der Maßnahme", set.BodycamByKind));
        tables.Add(Shares("means", "Einsätze mit Zwangsmitteln, Verletzungen und Beschwerden", set.Means));
        return new ReportSection("enforcement", "Kommunaler Ordnungsdienst", "/ordnungsdienst/zahlen",
            [$"Kontrollen und Einsätze im Zeitraum; kleine Zahlen unterdrückt wie bei den vertraulichen Kanälen („{EnforcementFigures.Hidden}“)."], tables, []);
    }

    /// <summary>
    /// 001: 50,000 € a year for the measures (order 93013101 0004): the year's amount, what the Office bound for measures, what
    /// the grant programme granted, what is paid, and what is left (<see cref="ProgrammeBudget"/>).
    /// </summary>
    private async Task<ReportSection> BudgetAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = new List<ReportRow>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            var v = await programme.YearAsync(year, ct);
            rows.Add(new ReportRow([N(year), Euro(v.AmountCents), Euro(v.BookedCents), Euro(v.SharesCommittedCents), Euro(v.SpentCents), Euro(v.LeftCents)]));
        }

        return new ReportSection("budget", "Budget des Masterplans", "/foerderung/gefoerderte-projekte",
            ["Laut Ratsbeschluss (Drucksache 26093-22) stehen für die Umsetzung der Maßnahmen 50.000 € im Jahr bereit (Auftrag 93013101 0004). Gebunden: für Maßnahmen gebundene Mittel und bewilligte Förderungen, abzüglich Rückzahlungen; ausgegeben: ausgezahlt abzüglich Rückzahlungen."],
            [new ReportTable("years", "Budget je Jahr", ["Jahr", "Betrag", "Für Maßnahmen gebunden", "Förderungen bewilligt", "Ausgegeben", "Frei"], rows)], []);
    }
}
