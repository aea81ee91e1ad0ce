namespace Masterplan.Algorithms.LabRotation;

/// <summary>The Office's decision to hold the lab of <paramref name="Quarter"/> in <paramref name="District"/>, whatever the rotation says.</summary>
/// <param name="Quarter">A quarter of the plan.</param>
/// <param name="District">The district, one of the names given to the planner.</param>
/// <param name="Reason">Why, in plain words; it is shown with the plan ("Festlegung: …").</param>
public sealed record RotationOverride(Quarter Quarter, string District, string Reason);
