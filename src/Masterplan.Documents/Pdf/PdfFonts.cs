using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Masterplan.Documents;

/// <summary>XFont instances and text widths for one rendering; widths are cached per word because long
/// tables repeat the same words many times.</summary>
internal sealed class PdfFonts : IDisposable
{
    readonly Dictionary<TextStyle, XFont> _fonts = [];
    readonly Dictionary<(TextStyle, string), double> _widths = [];
    readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(210 * PdfPageGeometry.Mm, 297 * PdfPageGeometry.Mm), XGraphicsUnit.Point, XPageDirection.Downwards);

    public XFont Get(TextStyle style)
    {
        if (!_fonts.TryGetValue(style, out var font))
        {
            var face = (style.Bold, style.Italic) switch
            {
                (false, false) => XFontStyleEx.Regular,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                (true, true) => XFontStyleEx.BoldItalic,
            };
            // Unicode encoding: every character (ä, ß, –, €, ₂ …) maps to a glyph and a ToUnicode entry, so
            // copy-and-paste and screen readers get the real text back.
            font = new XFont(DejaVuFonts.Family, style.Size, face, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[style] = font;
        }
        return font;
    }

    public double Width(TextStyle style, string text)
    {
        if (text.Length == 0)
            return 0;
        if (!_widths.TryGetValue((style, text), out var width))
        {
            width = _measure.MeasureString(text, Get(style)).Width;
            _widths[(style, text)] = width;
        }
        return width;
    }

    public void Dispose() => _measure.Dispose();
}
