namespace Masterplan.Documents;

/// <summary>Starts a new page, e.g. between two letters.</summary>
public sealed record PageBreak : Block;
