namespace Masterplan.Algorithms.Sortition;

/// <summary>Where a LEXIMIN computation stands, reported after every stage and every few rounds.</summary>
/// <param name="Stage">The stage being solved, from 1; each stage fixes the probability of at least one group of respondents.</param>
/// <param name="MaxStages">The most stages there can be: the stages done plus the groups of respondents not yet fixed.</param>
/// <param name="Panels">Panel compositions found so far.</param>
/// <param name="Rounds">Pricing rounds so far.</param>
/// <param name="FixedRespondents">Respondents whose probability is fixed.</param>
/// <param name="Respondents">Respondents in the pool.</param>
/// <param name="Elapsed">Time since the start.</param>
/// <param name="LotteryShare">
/// While a lottery is assembled for probabilities already computed (the last stage of the relaxation-first method): how
/// far, from 0 to 1 (the further of the remaining error on a logarithmic scale and the compositions in use against the
/// about one per type a lottery needs); otherwise null.
/// </param>
public sealed record LeximinProgress(int Stage, int MaxStages, int Panels, int Rounds, int FixedRespondents, int Respondents, TimeSpan Elapsed, double? LotteryShare = null);
