namespace Masterplan.Documents;

/// <summary>A page in points: A4 with margins for binding and hole punching (left 25 mm) and room for header and footer, or a narrow receipt.</summary>
internal sealed class PdfPageGeometry
{
    public const double Mm = 72 / 25.4;

    PdfPageGeometry(PageFormat format)
    {
        Width = format.WidthMm * Mm;
        Height = format.HeightMm * Mm;
        var receipt = format.WidthMm < 120;
        Left = (receipt ? 4 : 25) * Mm;
        Right = Width - (receipt ? 4 : 20) * Mm;
        Top = (receipt ? 12 : 25) * Mm;
        Bottom = Height - (receipt ? 12 : 22) * Mm;
        HeaderTop = (receipt ? 3 : 11) * Mm;
        FooterTop = Height - (receipt ? 8 : 14) * Mm;
    }

    public static PdfPageGeometry For(PageFormat format) => new(format);

    public double Width { get; }
    public double Height { get; }
    public double Left { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double HeaderTop { get; }
    public double FooterTop { get; }
    public double ContentWidth => Right - Left;
}
