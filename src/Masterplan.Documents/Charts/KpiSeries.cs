namespace Masterplan.Documents;

/// <summary>The values of one indicator over time, with its target and baseline, for <see cref="LineChart"/>.</summary>
/// <param name="Title">The indicator's name; the chart's title and the first thing a screen reader says.</param>
/// <param name="Values">The measured values in any order; they are sorted by date. May be empty.</param>
public sealed record KpiSeries(string Title, IReadOnlyList<KpiValue> Values)
{
    /// <summary>The indicator's name.</summary>
    public string Title { get; init => field = Guard.NotNull(value, nameof(Title)); } = Guard.NotNull(Title, nameof(Title));

    /// <summary>The measured values in any order. Values that are not finite numbers are rejected.</summary>
    public IReadOnlyList<KpiValue> Values { get; init => field = CheckValues(value, nameof(Values)); } = CheckValues(Values, nameof(Values));

    /// <summary>The unit written after each number, e.g. "%" or "t CO₂".</summary>
    public string? Unit { get; init; }

    /// <summary>The value to reach and the date by which to reach it; drawn as a dashed line.</summary>
    public KpiValue? Target { get; init => field = CheckFinite(value, nameof(Target)); }

    /// <summary>The starting point the indicator is measured against (Ausgangswert); drawn as a marker.</summary>
    public KpiValue? Baseline { get; init => field = CheckFinite(value, nameof(Baseline)); }

    static KpiValue? CheckFinite(KpiValue? value, string name) => value is { } v && !double.IsFinite(v.Value)
        ? throw new ArgumentException("KPI values must be finite numbers.", name)
        : value;

    static IReadOnlyList<KpiValue> CheckValues(IReadOnlyList<KpiValue> values, string name) => Guard.NotNull(values, name).All(v => double.IsFinite(v.Value))
        ? values
        : throw new ArgumentException("KPI values must be finite numbers.", name);

    internal IReadOnlyList<KpiValue> Sorted() => Values.OrderBy(v => v.Date).ToList();
}
