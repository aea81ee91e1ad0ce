namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// One problem of a selection problem's input: what is wrong (<see cref="Code"/>), its values (<see cref="Arguments"/>,
/// in the order the code's documentation gives) and the same as an English sentence (<see cref="Message"/>).
/// A caller that speaks another language builds its own text from the code and the arguments.
/// </summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Message">The problem as an English sentence.</param>
/// <param name="Arguments">The values the sentence names.</param>
public sealed record SortitionInputError(SortitionInputCode Code, string Message, IReadOnlyList<object> Arguments);

/// <summary>What is wrong with a selection problem's input; each names the <see cref="SortitionInputError.Arguments"/> it carries.</summary>
public enum SortitionInputCode
{
    /// <summary>The pool is empty (no arguments).</summary>
    EmptyPool,

    /// <summary>The panel size is below 1 (panel size).</summary>
    PanelTooSmall,

    /// <summary>The panel is larger than the pool (panel size, pool size).</summary>
    PanelLargerThanPool,

    /// <summary>There are no quotas (no arguments).</summary>
    NoQuotas,

    /// <summary>A quota has no category or no value (its 1-based position).</summary>
    QuotaWithoutName,

    /// <summary>The same category and value have two quotas (category, value).</summary>
    DuplicateQuota,

    /// <summary>A minimum is negative (category, value, minimum).</summary>
    NegativeMinimum,

    /// <summary>A minimum is above its maximum (category, value, minimum, maximum).</summary>
    MinimumAboveMaximum,

    /// <summary>A respondent has no id (its 1-based position).</summary>
    RespondentWithoutId,

    /// <summary>An id occurs more than once (id).</summary>
    DuplicateRespondent,

    /// <summary>A respondent has no value for a category (id, category).</summary>
    MissingValue,

    /// <summary>A respondent's value has no quota (id, category, value, the values with quotas joined by ", ").</summary>
    UnknownValue,

    /// <summary>More problems with respondents than listed (their number).</summary>
    MoreRespondentProblems,
}
