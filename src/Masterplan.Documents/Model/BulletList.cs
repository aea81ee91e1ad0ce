namespace Masterplan.Documents;

/// <summary>An unordered list (L/LI in PDF, a bullet numbering in Word).</summary>
/// <param name="Items">The items' texts.</param>
public sealed record BulletList(IReadOnlyList<string> Items) : Block
{
    /// <summary>The items' texts.</summary>
    public IReadOnlyList<string> Items { get; init => field = Guard.NotNull(value, nameof(Items)); } = Guard.NotNull(Items, nameof(Items));
}
