namespace Masterplan.Algorithms.Sortition;

/// <summary>One person in the pool of respondents from whom a panel is selected.</summary>
/// <param name="Id">A unique, preferably pseudonymous identifier (e.g. the invitation code).</param>
/// <param name="Features">The person's value in every quota category, keyed by category name (e.g. "gender" → "female").</param>
public sealed record Respondent(string Id, IReadOnlyDictionary<string, string> Features);
