namespace Masterplan.Documents;

/// <summary>A heading of level 1 to 3 (H1–H3 in PDF, the styles Heading1–Heading3 in Word).</summary>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="Text">The heading's text.</param>
public sealed record Heading(int Level, string Text) : Block
{
    /// <summary>1, 2 or 3.</summary>
    public int Level { get; init => field = CheckLevel(value, nameof(Level)); } = CheckLevel(Level, nameof(Level));

    /// <summary>The heading's text.</summary>
    public string Text { get; init => field = Guard.NotNull(value, nameof(Text)); } = Guard.NotNull(Text, nameof(Text));

    static int CheckLevel(int level, string name) => level is >= 1 and <= 3
        ? level
        : throw new ArgumentOutOfRangeException(name, level, "A heading level is 1, 2 or 3.");
}
