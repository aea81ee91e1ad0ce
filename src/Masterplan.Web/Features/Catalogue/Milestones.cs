using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>An overdue milestone with what the Office needs to chase it.</summary>
/// <param name="Unreached">The responsible units that no reminder reaches: no active account with the role Fachdienststelle and an e-mail address.</param>
public sealed record OverdueMilestone(Milestone Milestone, int MeasureId, string MeasureTitle, IReadOnlyList<string> Units, int DaysOverdue, IReadOnlyList<string> Unreached);

/// <summary>Milestones of measures (docs/domain.md#milestones): adding, marking done, and the overdue ones.</summary>
public sealed class Milestones(AppDbContext db, TimeProvider time)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Adds a milestone; null when the measure does not exist, otherwise German messages (empty when saved).</summary>
    public async Task<Outcome> AddAsync(int measureId, string? title, DateOnly? due, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, ct);
        if (measure is null)
        {
            return Outcome.NotFound();
        }

        var errors = CheckNew(title, due);
        if (due is not null && measure.StartDate is { } start && due < start)
        {
            errors.Add("MilestoneDue", "Der Meilenstein kann nicht vor dem Beginn der Maßnahme am {0:dd.MM.yyyy} fällig sein.", start);
        }

        if (errors.Count == 0)
        {
            db.Milestones.Add(new Milestone { MeasureId = measureId, Title = title!.Trim(), DueDate = due!.Value });
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>Marks a milestone of the measure done on a date; null when there is no such milestone.</summary>
    public async Task<Outcome> CompleteAsync(int measureId, int milestoneId, DateOnly? done, CancellationToken ct)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.MeasureId == measureId, ct);
        if (milestone is null)
        {
            return Outcome.NotFound();
        }

        var errors = CheckDone(done, CityTime.Today(time));
        if (errors.Count == 0)
        {
            milestone.DoneDate = done;
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>The rules for a new milestone of a measure or of a body's goal: a title and a due day.</summary>
    public static FieldErrors CheckNew(string? title, DateOnly? due)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("MilestoneTitle", "Bitte benennen Sie den Meilenstein.");
        }
        else if (title.Trim().Length > 300)
        {
            errors.Add("MilestoneTitle", "Der Meilenstein darf höchstens 300 Zeichen lang sein.");
        }

        if (due is not { } day)
        {
            errors.Add("MilestoneDue", "Bitte geben Sie das Fälligkeitsdatum an.");
        }
        else if (!DateInput.InRange(day))
        {
            errors.Add("MilestoneDue", DateInput.OutOfRange);
        }

        return errors;
    }

    /// <summary>The day a milestone was reached: given, and not in the future.</summary>
    public static FieldErrors CheckDone(DateOnly? done, DateOnly today)
    {
        var errors = new FieldErrors();
        if (done is null)
        {
            errors.Add("MilestoneDone", "Bitte geben Sie an, wann der Meilenstein erreicht wurde.");
        }
        else if (done > today)
        {
            errors.Add("MilestoneDone", "Ein Meilenstein kann nicht in der Zukunft erreicht worden sein.");
        }

        return errors;
    }

    /// <summary>Milestones not done whose due date lies before <paramref name="today"/>: the dashboard's and the reminder job's rule.</summary>
    public static IQueryable<Milestone> Overdue(IQueryable<Milestone> milestones, DateOnly today) =>
        milestones.Where(m => m.DoneDate == null && m.DueDate < today);

    /// <summary>Removes a milestone entered by mistake (through the change tracker, so the audit log records it).</summary>
    public async Task<bool> DeleteAsync(int measureId, int milestoneId, CancellationToken ct)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.MeasureId == measureId, ct);
        if (milestone is null)
        {
            return false;
        }

        db.Milestones.Remove(milestone);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Milestones not done whose due date has passed, oldest first.</summary>
    public async Task<IReadOnlyList<OverdueMilestone>> OverdueAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var rows = await Overdue(db.Milestones.AsNoTracking(), today)
            .Join(db.Measures, m => m.MeasureId, x => x.Id, (m, x) => new { Milestone = m, x.Title })
            .OrderBy(r => r.Milestone.DueDate).ToListAsync(ct);
        var measureIds = rows.Select(r => r.Milestone.MeasureId).Distinct().ToList();
        var units = (await db.Set<MeasureUnit>().AsNoTracking().Where(u => measureIds.Contains(u.MeasureId))
                .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u.MeasureId, o.Id, o.Name }).ToListAsync(ct))
            .ToLookup(u => u.MeasureId);
        var unitIds = units.SelectMany(g => g).Select(u => (int?)u.Id).Distinct().ToList();
        // The reminder job mails exactly these accounts (MilestoneReminderJob); a unit without one is told to the Office here.
        var staffRole = await db.Roles.Where(r => r.Name == Roles.DepartmentStaff).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var reached = (await db.Users.Where(u => !u.IsDisabled && u.Email != null && unitIds.Contains(u.DepartmentId)
                && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == staffRole)).Select(u => u.DepartmentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        return rows.Select(r =>
        {
            var theirs = units[r.Milestone.MeasureId].OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
            return new OverdueMilestone(r.Milestone, r.Milestone.MeasureId, r.Title, [.. theirs.Select(u => u.Name)], today.DayNumber - r.Milestone.DueDate.DayNumber,
                [.. theirs.Where(u => !reached.Contains(u.Id)).Select(u => u.Name)]);
        }).ToList();
    }
}

/// <summary>
/// Once a day: every overdue milestone that was not reminded of in the last week is mailed to the staff of its
/// measure's responsible units (docs/domain.md#milestones). A milestone whose units have no staff account stays on the Office dashboard only.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MilestoneReminderJob(AppDbContext db, IMailSender mail, IOptions<MailOptions> options, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("milestone-reminders", "catalogue");

    public static readonly TriggerKey Daily = new("milestone-reminders-daily", "catalogue");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (mails, milestones) = await RemindAsync(ct);
        // A body has no unit with staff accounts: its overdue milestones are named in the run, not skipped silently.
        var today = CityTime.Today(time);
        var bodies = await db.BodyMilestones.CountAsync(m => m.DoneDate == null && m.DueDate < today, ct);
        return $"{mails} reminders about {milestones} overdue milestones sent; {bodies} overdue milestones of bodies are mailed to nobody (listed on /verwaltung/meilensteine and in their meetings)";
    }, cancellationToken);

    public async Task<(int Mails, int Milestones)> RemindAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = CityTime.Today(time);
        var weekAgo = now.AddDays(-7);
        var due = await Milestones.Overdue(db.Milestones, today).Where(m => m.RemindedAt == null || m.RemindedAt < weekAgo)
            .Join(db.Measures, m => m.MeasureId, x => x.Id, (m, x) => new { Milestone = m, Measure = x.Title }).ToListAsync(ct);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var measureIds = due.Select(d => d.Milestone.MeasureId).Distinct().ToList();
        var units = await db.Set<MeasureUnit>().Where(u => measureIds.Contains(u.MeasureId)).ToListAsync(ct);
        var unitIds = units.Select(u => (int?)u.OrganizationId).Distinct().ToList();
        var staffRole = await db.Roles.Where(r => r.Name == Roles.DepartmentStaff).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var staff = await db.Users.Where(u => !u.IsDisabled && u.Email != null && unitIds.Contains(u.DepartmentId)
                && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == staffRole))
            .Select(u => new { u.Email, u.DepartmentId }).ToListAsync(ct);
        var link = options.Value.Link("/massnahmen/");
        var reminded = new HashSet<int>();
        var mails = 0;
        foreach (var person in staff.GroupBy(s => s.Email!, StringComparer.OrdinalIgnoreCase))
        {
            var theirUnits = person.Select(p => p.DepartmentId!.Value).ToHashSet();
            var theirMeasures = units.Where(u => theirUnits.Contains(u.OrganizationId)).Select(u => u.MeasureId).ToHashSet();
            var items = due.Where(d => theirMeasures.Contains(d.Milestone.MeasureId)).OrderBy(d => d.Milestone.DueDate).ToList();
            var lines = items.Select(d =>
                $"- {d.Milestone.Title} (Maßnahme „{d.Measure}“), fällig am {d.Milestone.DueDate:dd.MM.yyyy}, seit {today.DayNumber - d.Milestone.DueDate.DayNumber} Tagen überfällig: {link}{d.Milestone.MeasureId}");
            await mail.SendAsync(MailModule.Create(options.Value, person.Key, $"Überfällige Meilensteine im Masterplan Kommunale Sicherheit ({items.Count})",
                $"""
                Guten Tag,

                für Maßnahmen, für die Ihre Stelle verantwortlich ist, sind diese Meilensteine überfällig:

                {string.Join("\n", lines)}

                Bitte tragen Sie ein, wann ein Meilenstein erreicht wurde, oder teilen Sie der Geschäftsstelle einen neuen Termin mit.
                Diese Erinnerung kommt höchstens einmal pro Woche.

                Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund
                """), ct);
            mails++;
            reminded.UnionWith(items.Select(i => i.Milestone.Id));
        }

        foreach (var d in due.Where(d => reminded.Contains(d.Milestone.Id)))
        {
            d.Milestone.RemindedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return (mails, reminded.Count);
    }
}
