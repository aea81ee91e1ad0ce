namespace Masterplan.Documents;

/// <summary>A block of a <see cref="Document"/>: heading, paragraph, list, table, figure, page break or key-value list.</summary>
public abstract record Block;
