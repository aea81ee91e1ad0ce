namespace Masterplan.Documents;

/// <summary>A value of an indicator (Kennzahl) at a date.</summary>
/// <param name="Date">The date the value refers to.</param>
/// <param name="Value">The value.</param>
public readonly record struct KpiValue(DateOnly Date, double Value);
