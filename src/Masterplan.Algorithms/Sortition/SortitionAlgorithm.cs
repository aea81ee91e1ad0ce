namespace Masterplan.Algorithms.Sortition;

/// <summary>The panel selection method.</summary>
public enum SortitionAlgorithm
{
    /// <summary>Maximally fair lottery over quota-feasible panels (<see cref="LeximinSolver"/>).</summary>
    Leximin,

    /// <summary>The greedy method used before LEXIMIN, for comparison (<see cref="LegacySolver"/>).</summary>
    Legacy,
}
