namespace Masterplan.Documents;

/// <summary>A piece of a <see cref="Paragraph"/> in one style.</summary>
/// <param name="Text">The text; a line feed starts a new line within the paragraph.</param>
/// <param name="Bold">Bold type.</param>
/// <param name="Italic">Italic type.</param>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false)
{
    /// <summary>The text; a line feed starts a new line within the paragraph.</summary>
    public string Text { get; init => field = Guard.NotNull(value, nameof(Text)); } = Guard.NotNull(Text, nameof(Text));
}
