namespace Masterplan.Algorithms.Invitations;

/// <summary>One problem in a register extract.</summary>
/// <param name="File">The file name as given to the reader.</param>
/// <param name="Line">The 1-based line on which the offending row starts; 0 when it concerns the whole file.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it, as one or two sentences.</param>
public sealed record RegisterExtractError(string File, int Line, RegisterErrorKind Kind, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}, line {Line}: {Message}" : $"{File}: {Message}";
}
