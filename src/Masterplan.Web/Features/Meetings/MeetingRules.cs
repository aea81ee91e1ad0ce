using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings;

/// <summary>One rule check for the Office dashboard: the rule, its source, whether it holds, and what to look at.</summary>
public sealed record RuleCheck(string Rule, string Source, bool Holds, string Finding, IReadOnlyList<(int MeetingId, string Label)> Meetings);

/// <summary>The meeting rules of 004 §3, 003 and 001 §I, checked against what is held and planned (docs/domain.md#meeting-rules).</summary>
public sealed class MeetingRules(AppDbContext db, TimeProvider time)
{
    public const int PlenaryMinimumPerYear = 3;

    public async Task<IReadOnlyList<RuleCheck>> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(CityTime.Local(now));
        var checks = new List<RuleCheck>();
        foreach (var plenary in await BodiesAsync(OrganizationKind.PlenaryAssembly, ct))
        {
            checks.Add(await PlenaryAsync(plenary, today, now, ct));
        }

        foreach (var taskForce in await BodiesAsync(OrganizationKind.SpecialTaskForce, ct))
        {
            checks.Add(await WeeklyAsync(taskForce, today, ct));
        }

        foreach (var steering in await BodiesAsync(OrganizationKind.SteeringCircle, ct))
        {
            checks.Add(await OverviewAsync(steering, today, ct));
        }

        return checks;
    }

    private Task<List<Organization>> BodiesAsync(OrganizationKind kind, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Kind == kind && o.EndDate == null).OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>004 §3: the Vollversammlung meets at least three times a calendar year.</summary>
    private async Task<RuleCheck> PlenaryAsync(Organization plenary, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var (from, to) = (Utc(new DateOnly(today.Year, 1, 1)), Utc(new DateOnly(today.Year + 1, 1, 1)));
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganizationId == plenary.Id && m.State != MeetingState.Cancelled && m.Start >= from && m.Start < to)
            .OrderBy(m => m.Start).ToListAsync(ct);
        var held = meetings.Count(m => m.Start <= now);
        var planned = meetings.Count - held;
        var holds = meetings.Count >= PlenaryMinimumPerYear;
        var finding = holds
            ? $"{today.Year}: {held} durchgeführt, {planned} geplant – das Minimum von {PlenaryMinimumPerYear} wird erreicht."
            : $"{today.Year}: {held} durchgeführt, {planned} geplant – mit diesem Plan wird das Minimum von {PlenaryMinimumPerYear} Sitzungen nicht erreicht. Es fehlen {PlenaryMinimumPerYear - meetings.Count}.";
        return new RuleCheck($"{plenary.Name}: mindestens {PlenaryMinimumPerYear} Sitzungen im Kalenderjahr", "004 §3", holds, finding, Labels(meetings));
    }

    /// <summary>003: the Sonderstab meets weekly; checks the last eight and the next four calendar weeks.</summary>
    private async Task<RuleCheck> WeeklyAsync(Organization taskForce, DateOnly today, CancellationToken ct)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var (first, last) = (monday.AddDays(-7 * 8), monday.AddDays(7 * 5));
        var (from, to) = (Utc(first), Utc(last));
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganizationId == taskForce.Id && m.State != MeetingState.Cancelled && m.Start >= from && m.Start < to)
            .ToListAsync(ct);
        var covered = meetings.Select(m => ISOWeek.GetWeekOfYear(CityTime.Local(m.Start)) + ISOWeek.GetYear(CityTime.Local(m.Start)) * 100).ToHashSet();
        var missing = Enumerable.Range(0, 13).Select(w => first.AddDays(7 * w).ToDateTime(TimeOnly.MinValue))
            .Where(d => !covered.Contains(ISOWeek.GetWeekOfYear(d) + ISOWeek.GetYear(d) * 100))
            .Select(d => $"KW {ISOWeek.GetWeekOfYear(d)}/{ISOWeek.GetYear(d)}").ToList();
        return new RuleCheck($"{taskForce.Name}: wöchentliche Sitzung", "003", missing.Count == 0,
            missing.Count == 0 ? "In den letzten acht und den nächsten vier Kalenderwochen gibt es jede Woche eine Sitzung." : $"Ohne Sitzung: {string.Join(", ", missing)}.", []);
    }

    /// <summary>001 §I: the Lenkungskreis gets the overview of the fields of action at every regular meeting.</summary>
    private async Task<RuleCheck> OverviewAsync(Organization steering, DateOnly today, CancellationToken ct)
    {
        var from = Utc(new DateOnly(today.Year, 1, 1));
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganizationId == steering.Id && m.State != MeetingState.Cancelled && m.Start >= from)
            .Where(m => !db.Set<AgendaItem>().Any(i => i.MeetingId == m.Id && i.Links.Any(l => l.Kind == AgendaLinkKind.StatusOverview))
                        && !db.Set<MeetingDocument>().Any(d => d.MeetingId == m.Id && d.Kind == MeetingDocumentKind.StatusOverview))
            .OrderBy(m => m.Start).ToListAsync(ct);
        return new RuleCheck($"{steering.Name}: Übersicht der Handlungsfelder in jeder Sitzung", "001 §I", meetings.Count == 0,
            meetings.Count == 0 ? "Jede Sitzung dieses Jahres hat die Übersicht auf der Tagesordnung." : $"{meetings.Count} Sitzungen ohne die Übersicht der Handlungsfelder.", Labels(meetings));
    }

    private static List<(int, string)> Labels(IEnumerable<Meeting> meetings) =>
        meetings.Select(m => (m.Id, $"{CityTime.Local(m.Start):dd.MM.yyyy} {m.Title}")).ToList();

    private static DateTimeOffset Utc(DateOnly day) => CityTime.ToUtc(day, TimeOnly.MinValue);
}
