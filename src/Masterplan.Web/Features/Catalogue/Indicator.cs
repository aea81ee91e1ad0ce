using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>Whether a rising value is good (e.g. share of residents who feel safe) or a falling one (e.g. reported offences).</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// An indicator (Kennzahl) of a field of action, optionally of one of its measures (docs/domain.md#indicators; 003 asks for reliable
/// KPIs and concrete goals). Its values are dated; its status compares the latest value with the straight path from
/// baseline to target (<see cref="IndicatorAssessment"/>).
/// </summary>
public sealed class Indicator : IAudited
{
    public int Id { get; set; }

    public int FieldOfActionId { get; set; }

    public int? MeasureId { get; set; }

    /// <summary>The body that set and tracks this indicator (003: the Sonderstab and its sub-groups), if any.</summary>
    public int? OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>What exactly is counted or measured, and how.</summary>
    public string? Definition { get; set; }

    /// <summary>The unit written after each value, e.g. "%" or "Fälle"; imported files must use the same.</summary>
    public required string Unit { get; set; }

    /// <summary>Where the numbers come from (e.g. "Polizeiliche Kriminalstatistik", "Bürgerbefragung").</summary>
    public string? DataSource { get; set; }

    public decimal? BaselineValue { get; set; }

    public DateOnly? BaselineDate { get; set; }

    public decimal? TargetValue { get; set; }

    public DateOnly? TargetDate { get; set; }

    public IndicatorDirection Direction { get; set; }

    public bool IsPublic { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>Optimistic concurrency, as for measures.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>One measured value of an indicator; one per date.</summary>
public sealed class IndicatorValue : IAudited
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Value { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A milestone (Meilenstein) of a measure: due by a date, done on a date (docs/domain.md#milestones; 003: realistic milestones).</summary>
public sealed class Milestone : IAudited
{
    public int Id { get; set; }

    public int MeasureId { get; set; }

    public required string Title { get; set; }

    public DateOnly DueDate { get; set; }

    public DateOnly? DoneDate { get; set; }

    /// <summary>When the responsible unit was last reminded of it being overdue (the job reminds once a week at most).</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public bool IsOverdue(DateOnly today) => DoneDate is null && DueDate < today;
}
