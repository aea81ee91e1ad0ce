namespace Masterplan.Documents;

/// <summary>Label/value pairs such as "Ort: Rathaus" or "Beginn: 17:00 Uhr".</summary>
/// <param name="Items">The pairs; the key is the label (without colon), the value its text.</param>
/// <remarks>In PDF a list whose items carry the label as Lbl and the value as LBody (a "dictionary list").</remarks>
public sealed record KeyValueList(IReadOnlyList<KeyValuePair<string, string>> Items) : Block
{
    /// <summary>The pairs; the key is the label (without colon), the value its text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Items { get; init => field = Guard.NotNull(value, nameof(Items)); } = Guard.NotNull(Items, nameof(Items));

    /// <summary>Builds a list from (label, value) tuples.</summary>
    public static KeyValueList Of(params (string Label, string Value)[] items)
        => new(items.Select(i => new KeyValuePair<string, string>(i.Label, i.Value)).ToList());
}
