namespace Masterplan.Algorithms.Sortition;

/// <summary>One panel of a distribution and the probability with which it is drawn.</summary>
/// <param name="Members">The ids of the panel members, in pool order.</param>
/// <param name="Probability">The probability of drawing this panel.</param>
public sealed record WeightedPanel(IReadOnlyList<string> Members, double Probability);
