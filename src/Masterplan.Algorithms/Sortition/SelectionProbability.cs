namespace Masterplan.Algorithms.Sortition;

/// <summary>A respondent's probability of being selected.</summary>
/// <param name="Id">The respondent id.</param>
/// <param name="Probability">The selection probability (exact for LEXIMIN, estimated for LEGACY).</param>
public sealed record SelectionProbability(string Id, double Probability);
