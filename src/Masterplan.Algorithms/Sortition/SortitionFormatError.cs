namespace Masterplan.Algorithms.Sortition;

/// <summary>One problem in an input file, with the file name and the 1-based line number.</summary>
/// <param name="File">The file name as given to the reader.</param>
/// <param name="Line">The 1-based line on which the offending record starts (0 when it concerns the whole file).</param>
/// <param name="Message">What is wrong, as a sentence.</param>
public sealed record SortitionFormatError(string File, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}, line {Line}: {Message}" : $"{File}: {Message}";
}
