namespace Masterplan.Documents;

/// <summary>A paragraph of text made of runs, each of which may be bold or italic.</summary>
/// <param name="Runs">The runs in reading order.</param>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs) : Block
{
    /// <summary>A paragraph of plain text.</summary>
    public Paragraph(string text) : this([new TextRun(text)])
    {
    }

    /// <summary>The runs in reading order.</summary>
    public IReadOnlyList<TextRun> Runs { get; init => field = Guard.NotNull(value, nameof(Runs)); } = Guard.NotNull(Runs, nameof(Runs));

    /// <summary>An absolute address the whole paragraph links to (a short line such as "Seite: …"), or null.</summary>
    public string? Link
    {
        get;
        init => field = value is null || Uri.TryCreate(value, UriKind.Absolute, out _) ? value : throw new ArgumentException("A link is an absolute address.", nameof(value));
    }
}
