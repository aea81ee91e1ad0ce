namespace Masterplan.Documents;

/// <summary>The paper a PDF is laid out on (the DOCX renderer always writes A4).</summary>
/// <param name="WidthMm">Width in millimetres.</param>
/// <param name="HeightMm">Height in millimetres.</param>
/// <remarks>
/// A width under 120 mm is a receipt roll: narrow margins (4 mm at the sides), so the text keeps the paper's width. Mobile
/// thermal printers take 58 or 80 mm rolls; a page of <see cref="Receipt80"/> holds a short receipt with a QR code.
/// </remarks>
public sealed record PageFormat(double WidthMm, double HeightMm)
{
    /// <summary>A4 portrait, the default.</summary>
    public static PageFormat A4 { get; } = new(210, 297);

    /// <summary>An 80 mm receipt roll, cut at 200 mm.</summary>
    public static PageFormat Receipt80 { get; } = new(80, 200);

    /// <summary>A 58 mm receipt roll, cut at 200 mm.</summary>
    public static PageFormat Receipt58 { get; } = new(58, 200);
}
