using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Meetings;

namespace Masterplan.Web.Features.Catalogue;

public enum BodyGoalState
{
    Open,
    Reached,
    Missed,
}

/// <summary>
/// A goal a body set itself (003: the Sonderstab and its sub-groups work with "belastbare Kennzahlen, konkrete Ziele und
/// realistische Meilensteine"): by a date, optionally measured by one of the body's indicators reaching a value.
/// Set on <see cref="SetOn"/> and reached or missed on <see cref="StateDate"/>, so the state of any earlier day can be told.
/// </summary>
public sealed class BodyGoal : IAudited
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Title { get; set; }

    public DateOnly TargetDate { get; set; }

    /// <summary>
    /// The day the body set the goal: today when the Office enters it, an earlier day when it enters a goal set before.
    /// A state as of an earlier day (a past meeting, its minutes, a Lagebild) does not show it.
    /// </summary>
    public DateOnly SetOn { get; set; }

    public int? IndicatorId { get; set; }

    /// <summary>The indicator's value that means the goal is reached (in the indicator's unit).</summary>
    public decimal? TargetValue { get; set; }

    public BodyGoalState State { get; set; }

    /// <summary>The day the goal was reached or missed; null while open.</summary>
    public DateOnly? StateDate { get; set; }

    public bool IsPublic { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public List<BodyMilestone> Milestones { get; set; } = [];

    /// <summary>The state on a day: reached or missed only from the day it was recorded for.</summary>
    public BodyGoalState StateOn(DateOnly day) => StateDate is { } d && d <= day ? State : BodyGoalState.Open;
}

/// <summary>A milestone on the way to a body's goal: due by a date, done on a date.</summary>
public sealed class BodyMilestone : IAudited
{
    public int Id { get; set; }

    public int BodyGoalId { get; set; }

    public required string Title { get; set; }

    public DateOnly DueDate { get; set; }

    public DateOnly? DoneDate { get; set; }

    public bool IsDoneOn(DateOnly day) => DoneDate is { } d && d <= day;

    public bool IsOverdueOn(DateOnly day) => !IsDoneOn(day) && DueDate < day;
}

/// <summary>
/// A body's Lagebild (its indicators and goals as of a day) sent to an addressee (003: the results go to the
/// Verwaltungsvorstand and "regelmäßig direkt" back to the Oberbürgermeister). The record says who got which day's state
/// and when; the document is rendered from the dated values and states of that day.
/// </summary>
public sealed class BodyReport : IAudited
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public DateOnly AsOf { get; set; }

    public AddresseeKind Addressee { get; set; }

    public DateOnly SentOn { get; set; }

    public string? Note { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
