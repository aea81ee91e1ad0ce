namespace Masterplan.Documents;

/// <summary>A dashed line across the page with a short label ("Hier abtrennen"), above a part to cut off and send back.</summary>
/// <param name="Label">What the line is for; read aloud by screen readers.</param>
public sealed record CutLine(string Label) : Block
{
    /// <summary>What the line is for.</summary>
    public string Label { get; init => field = Guard.Text(value, nameof(Label), "A cut line needs a label."); } = Guard.Text(Label, nameof(Label), "A cut line needs a label.");
}
