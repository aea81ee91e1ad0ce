namespace Masterplan.Documents;

/// <summary>Starts a new page, e.g. between two letters.</summary>
public sealed record PageBreak : Block
{
    /// <summary>
    /// Whether the next page still belongs to the same part for <see cref="Document.NumberPagesPerSection"/>: the second
    /// page of one letter ("Seite 2 von 2"), not the first of the next. Default false.
    /// </summary>
    public bool SameSection { get; init; }
}
