namespace Masterplan.Algorithms.LabRotation;

/// <summary>One quarter of a rotation plan.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="District">The district of the lab.</param>
/// <param name="Basis">Why this district.</param>
/// <param name="PreviousLab">The quarter of the district's last lab before this one (from the history or earlier in the plan); null if none.</param>
/// <param name="Reason">
/// The reason in plain German: "noch kein Labor", "letztes Labor 2024-Q3" or "Festlegung: &lt;Grund&gt;".
/// </param>
public sealed record PlannedLab(Quarter Quarter, string District, RotationBasis Basis, Quarter? PreviousLab, string Reason);
