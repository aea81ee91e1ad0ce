namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>
/// The input of a seat allocation is invalid. <see cref="Field"/> names the offending field so that an
/// API can answer with problem details (RFC 9457) that point at it.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is a plain English sentence without the "(Parameter '…')" suffix
/// that <see cref="ArgumentException"/> usually appends; <see cref="ParamName"/> returns <see cref="Field"/>.
/// </remarks>
public sealed class SeatAllocationInputException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    /// <param name="field">The field path, e.g. <c>seats</c>, <c>parties</c>, <c>parties[3].name</c>, <c>parties[2].votes</c>.</param>
    /// <param name="message">What is wrong, in a sentence a user can act on.</param>
    public SeatAllocationInputException(string field, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        Field = field;
    }

    /// <summary>Creates the exception for <paramref name="field"/> with the rule that was broken and its values, so a caller can say it in its own language.</summary>
    /// <param name="field">The field path, as for <see cref="SeatAllocationInputException(string, string)"/>.</param>
    /// <param name="problem">Which rule the input breaks.</param>
    /// <param name="message">The English sentence.</param>
    /// <param name="arguments">The values the sentence names, in the order of <see cref="SeatAllocationProblem"/>'s documentation.</param>
    public SeatAllocationInputException(string field, SeatAllocationProblem problem, string message, params object[] arguments)
        : this(field, message)
    {
        Problem = problem;
        Arguments = arguments;
    }

    /// <summary>Creates the exception with an unnamed field (<c>""</c>).</summary>
    public SeatAllocationInputException()
        : this("The seat allocation input is invalid.")
    {
    }

    /// <summary>Creates the exception with an unnamed field (<c>""</c>).</summary>
    public SeatAllocationInputException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with an unnamed field (<c>""</c>).</summary>
    public SeatAllocationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>
    /// The path of the offending field in the request's terms, with zero-based indices:
    /// <c>seats</c>, <c>method</c>, <c>parties</c>, <c>parties[3]</c>, <c>parties[3].name</c>, <c>parties[2].votes</c>.
    /// </summary>
    public string Field { get; }

    /// <summary>Which rule the input breaks; <see cref="SeatAllocationProblem.Other"/> when the exception was made from a sentence only.</summary>
    public SeatAllocationProblem Problem { get; }

    /// <summary>The values the message names (see <see cref="SeatAllocationProblem"/>).</summary>
    public IReadOnlyList<object> Arguments { get; } = [];

    /// <summary>The same as <see cref="Field"/>.</summary>
    public override string? ParamName => Field;
}

/// <summary>The rules of a seat allocation's input, with the arguments each carries.</summary>
public enum SeatAllocationProblem
{
    /// <summary>No code: only the message says what is wrong.</summary>
    Other,

    /// <summary>The method is unknown. Arguments: the method's number.</summary>
    UnknownMethod,

    /// <summary>Seats outside 1 to the maximum. Arguments: the maximum, the number given.</summary>
    SeatsOutOfRange,

    /// <summary>The list of parties is missing.</summary>
    PartiesMissing,

    /// <summary>The list of parties is empty.</summary>
    NoParties,

    /// <summary>Too many parties. Arguments: the maximum, the number given.</summary>
    TooManyParties,

    /// <summary>A party entry is missing. Arguments: its index.</summary>
    PartyMissing,

    /// <summary>A party has no name. Arguments: its index.</summary>
    EmptyName,

    /// <summary>Two parties share a name. Arguments: the name, the index, the index of the first.</summary>
    DuplicateName,

    /// <summary>Negative votes. Arguments: the name, the votes.</summary>
    NegativeVotes,

    /// <summary>All parties have 0 votes.</summary>
    NoVotes,
}
