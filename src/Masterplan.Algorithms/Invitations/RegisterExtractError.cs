namespace Masterplan.Algorithms.Invitations;

/// <summary>One problem in a register extract.</summary>
/// <param name="File">The file name as given to the reader.</param>
/// <param name="Line">The 1-based line on which the offending row starts; 0 when it concerns the whole file.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it, as one or two sentences.</param>
/// <remarks>
/// <see cref="Message"/> is English for logs and the command line; a caller that speaks another language builds its own
/// text from <see cref="Kind"/>, <see cref="Reason"/> and the fields <see cref="Value"/>, <see cref="OtherLine"/> and
/// <see cref="Limit"/>, never from the message.
/// </remarks>
public sealed record RegisterExtractError(string File, int Line, RegisterErrorKind Kind, string Message)
{
    /// <summary>
    /// The offending value as written in the file: the birth year, gender or district; the column name of an empty field
    /// or a field with a control character; the missing columns (comma-separated) or the columns that mean the same. Null when none.
    /// </summary>
    public string? Value { get; init; }

    /// <summary>For <see cref="RegisterErrorKind.Duplicate"/>: the line on which the same person appears first.</summary>
    public int? OtherLine { get; init; }

    /// <summary>Which rule was broken, where a kind has several (birth year, header).</summary>
    public RegisterErrorReason Reason { get; init; }

    /// <summary>The bound of the broken rule: the maximum or minimum age of <see cref="RegisterErrorReason.AboveMaximumAge"/> and <see cref="RegisterErrorReason.BelowMinimumAge"/>.</summary>
    public int? Limit { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}, line {Line}: {Message}" : $"{File}: {Message}";
}
