namespace Masterplan.Documents;

/// <summary>A table of text cells with one header row. Long tables continue on the next page with the header repeated.</summary>
/// <param name="Caption">The caption shown above the table and read as its name.</param>
/// <param name="Header">The column headings.</param>
/// <param name="Rows">The body rows; each has exactly one cell per column.</param>
public sealed record Table(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : Block
{
    /// <summary>The caption shown above the table and read as its name.</summary>
    public string Caption { get; init => field = Guard.NotNull(value, nameof(Caption)); } = Guard.NotNull(Caption, nameof(Caption));

    /// <summary>The column headings.</summary>
    public IReadOnlyList<string> Header { get; } = Header is { Count: > 0 }
        ? Header
        : throw new ArgumentException("A table needs at least one column.", nameof(Header));

    /// <summary>The body rows; each has exactly one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init => field = CheckRows(value, Header.Count); } = CheckRows(Rows, Header?.Count ?? 0);

    /// <summary>Relative column widths (e.g. 1, 4, 2); by default all columns are equally wide.</summary>
    public IReadOnlyList<double>? ColumnWidths
    {
        get;
        init => field = value is null || (value.Count == Header.Count && value.All(w => w > 0 && double.IsFinite(w)))
            ? value
            : throw new ArgumentException($"ColumnWidths needs {Header.Count} positive numbers, one per column.", nameof(value));
    }

    /// <summary>
    /// Per body row an absolute address (or null) that the cell in <see cref="LinkColumn"/> links to: a reader of the PDF
    /// or the Word file clicks from a figure to the page behind it.
    /// </summary>
    public IReadOnlyList<string?>? RowLinks
    {
        get;
        init => field = value is null || (value.Count == Rows.Count && value.All(l => l is null || Uri.TryCreate(l, UriKind.Absolute, out _)))
            ? value
            : throw new ArgumentException($"RowLinks needs {Rows.Count} absolute addresses or nulls, one per row.", nameof(value));
    }

    /// <summary>The column whose cells carry <see cref="RowLinks"/>; the first by default.</summary>
    public int LinkColumn
    {
        get;
        init => field = value >= 0 && value < Header.Count ? value : throw new ArgumentOutOfRangeException(nameof(value), $"The table has {Header.Count} columns.");
    }

    /// <summary>The column widths as fractions that add up to 1.</summary>
    internal double[] Fractions()
    {
        var widths = ColumnWidths ?? Enumerable.Repeat(1.0, Header.Count).ToList();
        var sum = widths.Sum();
        return widths.Select(w => w / sum).ToArray();
    }

    static IReadOnlyList<IReadOnlyList<string>> CheckRows(IReadOnlyList<IReadOnlyList<string>> rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns)
                throw new ArgumentException($"Row {i + 1} has {rows[i].Count} cells; the table has {columns} columns.", nameof(rows));
        }
        return rows;
    }
}
