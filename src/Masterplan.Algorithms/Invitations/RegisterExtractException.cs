namespace Masterplan.Algorithms.Invitations;

/// <summary>
/// A register extract could not be imported; <see cref="Errors"/> lists the problems with their line numbers,
/// and nothing was imported.
/// </summary>
public sealed class RegisterExtractException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">The problems reported (at most the reader's limit).</param>
    /// <param name="omitted">How many further problems were found but not reported.</param>
    public RegisterExtractException(IReadOnlyList<RegisterExtractError> errors, int omitted = 0)
        : base(Describe(errors, omitted))
    {
        Errors = errors;
        Omitted = omitted;
    }

    /// <summary>Creates the exception with one message.</summary>
    public RegisterExtractException(string message)
        : this([new RegisterExtractError(string.Empty, 0, RegisterErrorKind.Header, message)])
    {
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public RegisterExtractException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new RegisterExtractError(string.Empty, 0, RegisterErrorKind.Header, message)];
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public RegisterExtractException()
        : this("The register extract could not be read.")
    {
    }

    /// <summary>The problems, in the order of the file.</summary>
    public IReadOnlyList<RegisterExtractError> Errors { get; }

    /// <summary>How many further problems were found beyond <see cref="Errors"/>.</summary>
    public int Omitted { get; }

    private static string Describe(IReadOnlyList<RegisterExtractError> errors, int omitted)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = string.Join(Environment.NewLine, errors);
        return omitted > 0 ? $"{text}{Environment.NewLine}… and {omitted} more problems." : text;
    }
}
