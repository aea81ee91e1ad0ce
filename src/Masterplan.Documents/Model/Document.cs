namespace Masterplan.Documents;

/// <summary>A document to render as PDF (<see cref="PdfRenderer"/>) or DOCX (<see cref="DocxRenderer"/>).</summary>
/// <param name="Title">The title; written to the metadata and shown by viewers instead of the file name.</param>
/// <param name="Blocks">The content, top to bottom.</param>
/// <remarks>
/// The title is not printed by itself: start the blocks with a level-1 <see cref="Heading"/> for a visible title.
/// </remarks>
public sealed record Document(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The title; never empty, because screen readers announce it.</summary>
    public string Title { get; init => field = Guard.Text(value, nameof(Title), TitleMessage); } = Guard.Text(Title, nameof(Title), TitleMessage);

    /// <summary>The content, top to bottom.</summary>
    public IReadOnlyList<Block> Blocks { get; init => field = Guard.NotNull(value, nameof(Blocks)); } = Guard.NotNull(Blocks, nameof(Blocks));

    /// <summary>The natural language as a BCP 47 tag (default "de-DE"); screen readers pick their voice by it.</summary>
    public string Language { get; init; } = "de-DE";

    /// <summary>The author in the metadata, e.g. "Stadt Dortmund, Geschäftsstelle Masterplan".</summary>
    public string? Author { get; init; }

    /// <summary>The subject in the metadata.</summary>
    public string? Subject { get; init; }

    /// <summary>A running header repeated at the top of every page, e.g. the body and the meeting date.</summary>
    public string? HeaderText { get; init; }

    /// <summary>
    /// A word printed large on every page, e.g. "Entwurf" for a draft that is not yet valid. In PDF it lies diagonally
    /// behind the content in light grey (an artifact, but its text can be extracted); in DOCX it heads every page in the header.
    /// </summary>
    public string? Watermark { get; init; }

    /// <summary>The paper of the PDF (default A4); e.g. <see cref="PageFormat.Receipt80"/> for a mobile receipt printer.</summary>
    public PageFormat Page { get; init; } = PageFormat.A4;

    /// <summary>
    /// Whether page numbers start again at 1 after every <see cref="PageBreak"/> ("Seite 1 von 2" within each
    /// part), e.g. for a mail merge of letters in one file; default false: one count for the whole document.
    /// Only the PDF renderer supports it.
    /// </summary>
    public bool NumberPagesPerSection { get; init; }

    const string TitleMessage = "A document needs a title (PDF/UA shows it instead of the file name).";
}
