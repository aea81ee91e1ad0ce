using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>A body's goal as it stood on a day, with its milestones and, if it has one, its indicator's value of that day.</summary>
public sealed record BodyGoalView(BodyGoal Goal, BodyGoalState State, IReadOnlyList<BodyMilestone> Milestones, Indicator? Indicator, IndicatorValue? Value);

/// <summary>
/// A body's indicators and goals as of a day (the Lagebild): values up to that day only, the status of each indicator from its
/// latest value then, goals and milestones as they stood then.
/// </summary>
public sealed record BodyTargetsView(int OrganizationId, string OrganizationName, DateOnly AsOf, IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<BodyGoalView> Goals)
{
    public bool IsEmpty => Indicators.Count == 0 && Goals.Count == 0;
}

/// <summary>An overdue milestone of a body's goal, for the Office's milestone overview.</summary>
public sealed record OverdueBodyMilestone(BodyMilestone Milestone, string GoalTitle, int OrganizationId, string OrganizationName, int DaysOverdue);

/// <summary>What the Office enters for a body's goal; <paramref name="SetOn"/> empty means today.</summary>
public sealed record BodyGoalInput(string? Title, DateOnly? TargetDate, int? IndicatorId, decimal? TargetValue, bool IsPublic, DateOnly? SetOn = null);

/// <summary>
/// Indicators, goals and milestones of a body (003: the Sonderstab and its sub-groups track their own KPIs, goals and
/// milestones weekly) and the Lagebild sent to the Verwaltungsvorstand or the Oberbürgermeister. Only the Office writes;
/// every change goes through the change tracker, so the audit log records it.
/// </summary>
public sealed class BodyTargets(AppDbContext db, TimeProvider time)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Addressees a Lagebild goes to (003).</summary>
    public static readonly AddresseeKind[] ReportAddressees = [AddresseeKind.ExecutiveBoard, AddresseeKind.LordMayor];

    public static string StateLabel(BodyGoalState state) => state switch
    {
        BodyGoalState.Reached => "erreicht",
        BodyGoalState.Missed => "verfehlt",
        _ => "offen",
    };

    /// <summary>The bodies that keep <paramref name="indicators"/> (003), named with one query, for pages that name an indicator's keeper.</summary>
    public static async Task<Func<Indicator, (int Id, string Name)?>> KeepersAsync(AppDbContext db, IEnumerable<Indicator> indicators, CancellationToken ct)
    {
        var ids = indicators.Select(i => i.OrganizationId).OfType<int>().Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<int, string>() : await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return i => i.OrganizationId is { } id && names.TryGetValue(id, out var name) ? (id, name) : null;
    }

    /// <summary>The day a meeting shows its body's state as of: the meeting's day, or today for a meeting still to come (not a guess).</summary>
    public DateOnly StateDayOf(DateTimeOffset meetingStart)
    {
        var meetingDay = DateOnly.FromDateTime(CityTime.Local(meetingStart));
        var today = CityTime.Today(time);
        return meetingDay < today ? meetingDay : today;
    }

    /// <summary>The body's indicators and goals as of <paramref name="day"/>; null when there is no such body.</summary>
    public async Task<BodyTargetsView?> LoadAsync(int organizationId, DateOnly day, bool includeNonPublic, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) is { } body ? await LoadAsync(body, day, includeNonPublic, ct) : null;

    /// <summary>
    /// The body's indicators and goals as of <paramref name="day"/>; non-public ones only when <paramref name="includeNonPublic"/>.
    /// For callers that have the body already (a meeting loaded with its organization).
    /// </summary>
    public async Task<BodyTargetsView> LoadAsync(Organization body, DateOnly day, bool includeNonPublic, CancellationToken ct)
    {
        var (organizationId, name) = (body.Id, body.Name);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OrganizationId == organizationId && (i.IsPublic || includeNonPublic))
            .Include(i => i.Values.Where(v => v.Date <= day)).OrderBy(i => i.Name).AsSplitQuery().ToListAsync(ct);
        var views = indicators.Select(i => new IndicatorView(i, i.Values.OrderBy(v => v.Date).ToList(), Indicators.Assess(i, i.Values))).ToList();
        var goals = await db.Set<BodyGoal>().AsNoTracking().Where(g => g.OrganizationId == organizationId && g.SetOn <= day && (g.IsPublic || includeNonPublic))
            .Include(g => g.Milestones).OrderBy(g => g.TargetDate).ThenBy(g => g.Id).AsSplitQuery().ToListAsync(ct);
        var linked = goals.Where(g => g.IndicatorId is not null).Select(g => g.IndicatorId!.Value).Distinct().ToList();
        // A goal may name an indicator that is not public: its name and value stay with those who see it.
        var goalIndicators = await db.Indicators.AsNoTracking().Where(i => linked.Contains(i.Id) && (i.IsPublic || includeNonPublic))
            .Include(i => i.Values.Where(v => v.Date <= day)).AsSplitQuery().ToDictionaryAsync(i => i.Id, ct);
        var goalViews = goals.Select(g =>
        {
            var indicator = g.IndicatorId is { } id ? goalIndicators.GetValueOrDefault(id) : null;
            return new BodyGoalView(g, g.StateOn(day), g.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Id).ToList(),
                indicator, indicator?.Values.MaxBy(v => v.Date));
        }).ToList();
        return new BodyTargetsView(organizationId, name, day, views, goalViews);
    }

    /// <summary>Milestones of bodies' goals not done whose due date lies before today, oldest first.</summary>
    public async Task<IReadOnlyList<OverdueBodyMilestone>> OverdueAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var rows = await db.Set<BodyMilestone>().AsNoTracking().Where(m => m.DoneDate == null && m.DueDate < today)
            .Join(db.Set<BodyGoal>(), m => m.BodyGoalId, g => g.Id, (m, g) => new { m, g.Title, g.OrganizationId })
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r.m, r.Title, r.OrganizationId, o.Name })
            .OrderBy(r => r.m.DueDate).ThenBy(r => r.m.Id).ToListAsync(ct);
        return rows.Select(r => new OverdueBodyMilestone(r.m, r.Title, r.OrganizationId, r.Name, today.DayNumber - r.m.DueDate.DayNumber)).ToList();
    }

    /// <summary>Creates (<paramref name="goalId"/> null) or changes a goal of the body.</summary>
    public async Task<Outcome> SaveGoalAsync(int organizationId, int? goalId, BodyGoalInput input, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return Outcome.NotFound();
        }

        BodyGoal? goal = null;
        if (goalId is not null && (goal = await db.Set<BodyGoal>().FirstOrDefaultAsync(g => g.Id == goalId && g.OrganizationId == organizationId, ct)) is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add("GoalTitle", "Bitte beschreiben Sie das Ziel.");
        }
        else if (input.Title.Trim().Length > 300)
        {
            errors.Add("GoalTitle", "Das Ziel darf höchstens 300 Zeichen lang sein.");
        }

        if (input.TargetDate is not { } target)
        {
            errors.Add("GoalDate", "Bitte geben Sie an, bis wann das Ziel erreicht sein soll.");
        }
        else if (!DateInput.InRange(target))
        {
            errors.Add("GoalDate", DateInput.OutOfRange);
        }

        var today = CityTime.Today(time);
        var setOn = input.SetOn ?? goal?.SetOn ?? today;
        if (setOn > today)
        {
            errors.Add("GoalSetOn", "Der Tag darf nicht in der Zukunft liegen.");
        }
        else if (!DateInput.InRange(setOn))
        {
            errors.Add("GoalSetOn", DateInput.OutOfRange);
        }
        else if (input.TargetDate is { } by && by < setOn)
        {
            errors.Add("GoalSetOn", "Der Tag, an dem das Ziel gesetzt wurde, liegt nach dem Tag, bis zu dem es erreicht sein soll.");
        }

        if (input.IndicatorId is { } indicator && !await db.Indicators.AnyAsync(i => i.Id == indicator && i.OrganizationId == organizationId, ct))
        {
            errors.Add("GoalIndicatorId", "Wählen Sie eine Kennzahl dieses Gremiums.");
        }

        if (input.TargetValue is not null && input.IndicatorId is null)
        {
            errors.Add("GoalValue", "Ein Zielwert braucht die Kennzahl, an der er gemessen wird.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (goal is null)
        {
            goal = new BodyGoal { OrganizationId = organizationId, Title = "" };
            db.Add(goal);
        }

        goal.Title = input.Title!.Trim();
        goal.TargetDate = input.TargetDate!.Value;
        goal.SetOn = setOn;
        goal.IndicatorId = input.IndicatorId;
        goal.TargetValue = input.TargetValue;
        goal.IsPublic = input.IsPublic;
        goal.UpdatedAt = time.GetUtcNow();
        goal.UpdatedBy = db.CurrentActorName();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Records a goal as reached or missed on a day, or open again.</summary>
    public async Task<Outcome> SetStateAsync(int organizationId, int goalId, BodyGoalState state, DateOnly? day, CancellationToken ct)
    {
        var goal = await db.Set<BodyGoal>().FirstOrDefaultAsync(g => g.Id == goalId && g.OrganizationId == organizationId, ct);
        if (goal is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        if (state != BodyGoalState.Open && day is null)
        {
            errors.Add("StateDate", "Bitte geben Sie an, an welchem Tag das Ziel erreicht oder verfehlt wurde.");
        }
        else if (state != BodyGoalState.Open && day > CityTime.Today(time))
        {
            errors.Add("StateDate", "Der Tag darf nicht in der Zukunft liegen.");
        }
        else if (state != BodyGoalState.Open && day < goal.SetOn)
        {
            errors.Add("StateDate", "Das Ziel wurde erst am {0:d} gesetzt.", goal.SetOn);
        }

        if (errors.Count == 0)
        {
            goal.State = state;
            goal.StateDate = state == BodyGoalState.Open ? null : day;
            goal.UpdatedAt = time.GetUtcNow();
            goal.UpdatedBy = db.CurrentActorName();
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<bool> DeleteGoalAsync(int organizationId, int goalId, CancellationToken ct)
    {
        var goal = await db.Set<BodyGoal>().Include(g => g.Milestones).FirstOrDefaultAsync(g => g.Id == goalId && g.OrganizationId == organizationId, ct);
        if (goal is null)
        {
            return false;
        }

        db.RemoveRange(goal.Milestones);
        db.Remove(goal);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Outcome> AddMilestoneAsync(int organizationId, int goalId, string? title, DateOnly? due, CancellationToken ct)
    {
        if (!await db.Set<BodyGoal>().AnyAsync(g => g.Id == goalId && g.OrganizationId == organizationId, ct))
        {
            return Outcome.NotFound();
        }

        var errors = Milestones.CheckNew(title, due);
        if (errors.Count == 0)
        {
            db.Add(new BodyMilestone { BodyGoalId = goalId, Title = title!.Trim(), DueDate = due!.Value });
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<Outcome> CompleteMilestoneAsync(int organizationId, int milestoneId, DateOnly? done, CancellationToken ct)
    {
        var milestone = await MilestoneOf(organizationId, milestoneId, ct);
        if (milestone is null)
        {
            return Outcome.NotFound();
        }

        var errors = Milestones.CheckDone(done, CityTime.Today(time));
        if (errors.Count == 0)
        {
            milestone.DoneDate = done;
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<bool> DeleteMilestoneAsync(int organizationId, int milestoneId, CancellationToken ct)
    {
        var milestone = await MilestoneOf(organizationId, milestoneId, ct);
        if (milestone is null)
        {
            return false;
        }

        db.Remove(milestone);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Records that the body's Lagebild of a day was sent to an addressee.</summary>
    public async Task<Outcome> RecordReportAsync(int organizationId, DateOnly? asOf, AddresseeKind? addressee, DateOnly? sentOn, string? note, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return Outcome.NotFound();
        }

        var today = CityTime.Today(time);
        var errors = new FieldErrors();
        if (asOf is not { } day || !DateInput.InRange(day))
        {
            errors.Add("ReportAsOf", "Bitte geben Sie den Stand des Lagebilds an.");
        }
        else if (day > today)
        {
            errors.Add("ReportAsOf", "Der Stand darf nicht in der Zukunft liegen.");
        }

        if (addressee is not { } to || !ReportAddressees.Contains(to))
        {
            errors.Add("ReportAddressee", "Bitte wählen Sie, an wen das Lagebild ging.");
        }

        if (sentOn is not { } sent || !DateInput.InRange(sent))
        {
            errors.Add("ReportSentOn", "Bitte geben Sie an, wann das Lagebild übermittelt wurde.");
        }
        else if (sent > today)
        {
            errors.Add("ReportSentOn", "Der Tag der Übermittlung darf nicht in der Zukunft liegen.");
        }
        else if (asOf is { } stand && sent < stand)
        {
            errors.Add("ReportSentOn", "Ein Lagebild kann nicht vor seinem Stand übermittelt worden sein.");
        }

        if (note is { Length: > 1000 })
        {
            errors.Add("ReportNote", "Die Anmerkung darf höchstens 1000 Zeichen lang sein.");
        }

        if (errors.Count == 0)
        {
            db.Add(new BodyReport
            {
                OrganizationId = organizationId, AsOf = asOf!.Value, Addressee = addressee!.Value, SentOn = sentOn!.Value,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RecordedBy = db.CurrentActorName(), RecordedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>The Lagebild of a day as a document (tagged PDF through Masterplan.Documents), in German.</summary>
    public static Document Document(BodyTargetsView view, IReadOnlyList<BodyReport> sent)
    {
        var day = view.AsOf.ToString("dd.MM.yyyy", German);
        var blocks = new List<Block> { new Heading(1, $"Lagebild: {view.OrganizationName}"), new Paragraph($"Kennzahlen und Ziele mit Stand vom {day}.") };
        var addressees = sent.Where(r => r.AsOf == view.AsOf).ToList();
        if (addressees.Count > 0)
        {
            blocks.Add(new KeyValueList(addressees.Select(r => new KeyValuePair<string, string>("An", $"{MeetingsModule.AddresseeLabel(r.Addressee)}, übermittelt am {r.SentOn.ToString("dd.MM.yyyy", German)}")).ToList()));
        }

        blocks.AddRange(Blocks(view, 2));
        return new Document($"Lagebild {view.OrganizationName}, Stand {day}", blocks);
    }

    /// <summary>The indicators and goals of <paramref name="view"/> as document blocks, headings from <paramref name="level"/> (1 or 2: goals are one level below) for the Lagebild and the invitation letters.</summary>
    public static IReadOnlyList<Block> Blocks(BodyTargetsView view, int level)
    {
        var day = view.AsOf.ToString("dd.MM.yyyy", German);
        var blocks = new List<Block>();
        blocks.Add(new Heading(level, "Kennzahlen"));
        blocks.Add(view.Indicators.Count == 0 ? new Paragraph("Das Gremium hat keine Kennzahlen.")
            : new Table($"Kennzahlen, Stand {day}", ["Kennzahl", "Letzter Wert", "Ziel", "Status"],
                view.Indicators.Select(i => (IReadOnlyList<string>)
                [
                    i.Indicator.Name,
                    i.Assessment.Latest is { } v ? $"{Indicators.Format(v.Value, i.Indicator.Unit)} am {v.Date.ToString("dd.MM.yyyy", German)}" : "noch kein Wert",
                    i.Indicator is { TargetValue: { } t, TargetDate: { } td } ? $"{Indicators.Format(t, i.Indicator.Unit)} bis {td.ToString("dd.MM.yyyy", German)}" : "–",
                    i.Assessment.Label,
                ]).ToList()));
        blocks.Add(new Heading(level, "Ziele und Meilensteine"));
        if (view.Goals.Count == 0)
        {
            blocks.Add(new Paragraph("Das Gremium hat keine Ziele eingetragen."));
        }

        foreach (var g in view.Goals)
        {
            blocks.Add(new Heading(level + 1, g.Goal.Title));
            blocks.Add(new Paragraph(GoalLine(g, view.AsOf)));
            if (g.Milestones.Count > 0)
            {
                blocks.Add(new Table($"Meilensteine zu „{g.Goal.Title}“", ["Meilenstein", "Fällig am", "Stand"],
                    g.Milestones.Select(m => (IReadOnlyList<string>)[m.Title, m.DueDate.ToString("dd.MM.yyyy", German), MilestoneState(m, view.AsOf)]).ToList()));
            }
        }

        return blocks;
    }

    /// <summary>A goal's state in words: state, date and, with an indicator, the value of the day against the target value.</summary>
    public static string GoalLine(BodyGoalView g, DateOnly day)
    {
        var line = $"Ziel bis {g.Goal.TargetDate.ToString("dd.MM.yyyy", German)}: {StateLabel(g.State)}";
        if (g.State != BodyGoalState.Open && g.Goal.StateDate is { } d)
        {
            line += $" am {d.ToString("dd.MM.yyyy", German)}";
        }
        else if (g.Goal.TargetDate < day)
        {
            line += ", Zieldatum überschritten";
        }

        if (g.Indicator is { } i)
        {
            line += $". Gemessen an „{i.Name}“: " + (g.Value is { } v ? $"{Indicators.Format(v.Value, i.Unit)} am {v.Date.ToString("dd.MM.yyyy", German)}" : "noch kein Wert")
                + (g.Goal.TargetValue is { } t ? $", Zielwert {Indicators.Format(t, i.Unit)}" : "");
        }

        return line + ".";
    }

    /// <summary>A milestone's state on a day in words (overdue said, not only coloured).</summary>
    public static string MilestoneState(BodyMilestone m, DateOnly day) =>
        m.IsDoneOn(day) ? $"erreicht am {m.DoneDate!.Value.ToString("dd.MM.yyyy", German)}"
        : m.IsOverdueOn(day) ? $"überfällig seit {day.DayNumber - m.DueDate.DayNumber} Tagen"
        : "offen";

    private Task<BodyMilestone?> MilestoneOf(int organizationId, int milestoneId, CancellationToken ct) =>
        db.Set<BodyMilestone>().Where(m => m.Id == milestoneId && db.Set<BodyGoal>().Any(g => g.Id == m.BodyGoalId && g.OrganizationId == organizationId))
            .FirstOrDefaultAsync(ct);
}
