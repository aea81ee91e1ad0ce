namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// The pool, the quotas or the panel size are not a well-formed selection problem (duplicate ids, a value
/// without a quota, a minimum above its maximum, a panel larger than the pool, …). Every problem found is
/// listed in <see cref="Errors"/>; the message holds them all, one per line.
/// </summary>
public sealed class SortitionInputException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public SortitionInputException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception from the problems found, each with its code and arguments.</summary>
    public SortitionInputException(IReadOnlyList<SortitionInputError> problems)
        : this((problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => p.Message).ToList())
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one message.</summary>
    public SortitionInputException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public SortitionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SortitionInputException()
        : this("The sortition input is invalid.")
    {
    }

    /// <summary>Every problem found, each a complete sentence.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The same problems with their codes and arguments; empty when the exception was made from sentences only.</summary>
    public IReadOnlyList<SortitionInputError> Problems { get; } = [];
}
