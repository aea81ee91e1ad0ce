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

    /// <summary>The same as <see cref="Field"/>.</summary>
    public override string? ParamName => Field;
}
