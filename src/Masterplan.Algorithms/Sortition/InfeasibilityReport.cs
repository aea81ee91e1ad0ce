namespace Masterplan.Algorithms.Sortition;

/// <summary>Why no panel meets the quotas, and the smallest relaxation of the quotas that makes one possible.</summary>
/// <param name="Reasons">Plain-language findings, e.g. "The minimums of 'gender' add up to 25, more than the panel size 20."</param>
/// <param name="Relaxations">The quotas to relax and their proposed bounds; all other quotas stay as they are.</param>
public sealed record InfeasibilityReport(IReadOnlyList<string> Reasons, IReadOnlyList<RelaxedQuota> Relaxations)
{
    /// <summary>The total relaxation (places by which minimums are lowered plus maximums raised); minimal over all relaxations.</summary>
    public int TotalRelaxation => Relaxations.Sum(r => r.Amount);

    /// <summary>The reasons and the proposal as text, one item per line.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, Reasons.Append($"Smallest relaxation (total {TotalRelaxation}):").Concat(Relaxations.Select(r => "  " + r)));
}
