namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// How many panel members must (at least <see cref="Min"/>) and may (at most <see cref="Max"/>) have
/// <see cref="Value"/> in <see cref="Category"/>, e.g. gender = female: 9 to 11.
/// </summary>
/// <remarks>
/// Every value a respondent can have in a category needs its own quota; a value nobody may have gets 0 to 0.
/// <see cref="MinFlex"/> and <see cref="MaxFlex"/> are the optional outer bounds of the Sortition Foundation
/// format (<c>min_flex</c>, <c>max_flex</c>): how far the Office would relax the quota if it has to. They are
/// reported next to a proposed relaxation but never applied automatically.
/// </remarks>
/// <param name="Category">The category, e.g. "gender".</param>
/// <param name="Value">The value within the category, e.g. "female".</param>
/// <param name="Min">The fewest panel members with this value.</param>
/// <param name="Max">The most panel members with this value.</param>
public sealed record Quota(string Category, string Value, int Min, int Max)
{
    /// <summary>The lowest the Office would accept for <see cref="Min"/> if relaxing; null when not given.</summary>
    public int? MinFlex { get; init; }

    /// <summary>The highest the Office would accept for <see cref="Max"/> if relaxing; null when not given.</summary>
    public int? MaxFlex { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Category} = {Value}: {Min}..{Max}";
}
