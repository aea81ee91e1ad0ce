namespace Masterplan.Documents;

/// <summary>A4 in points with margins for binding and hole punching (left 25 mm) and room for header and footer.</summary>
internal static class PdfPageGeometry
{
    public const double Mm = 72 / 25.4;
    public const double Width = 210 * Mm;
    public const double Height = 297 * Mm;
    public const double Left = 25 * Mm;
    public const double Right = Width - 20 * Mm;
    public const double Top = 25 * Mm;
    public const double Bottom = Height - 22 * Mm;
    public const double HeaderTop = 11 * Mm;
    public const double FooterTop = Height - 14 * Mm;
    public const double ContentWidth = Right - Left;
}
