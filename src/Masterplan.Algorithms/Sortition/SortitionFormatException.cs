namespace Masterplan.Algorithms.Sortition;

/// <summary>An input file could not be read; <see cref="Errors"/> lists every problem with its line number, and nothing is imported.</summary>
public sealed class SortitionFormatException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public SortitionFormatException(IReadOnlyList<SortitionFormatError> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one message.</summary>
    public SortitionFormatException(string message)
        : base(message)
    {
        Errors = [new SortitionFormatError(string.Empty, 0, message)];
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public SortitionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new SortitionFormatError(string.Empty, 0, message)];
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SortitionFormatException()
        : this("The sortition input files could not be read.")
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SortitionFormatError> Errors { get; }
}
