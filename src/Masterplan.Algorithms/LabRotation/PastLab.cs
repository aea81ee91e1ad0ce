namespace Masterplan.Algorithms.LabRotation;

/// <summary>A Quartierslabor that took place (or is fixed) before the plan starts.</summary>
/// <param name="District">The district, one of the names given to the planner.</param>
/// <param name="Date">The day the lab was held.</param>
public sealed record PastLab(string District, DateOnly Date);
