using PdfSharp.Fonts;

namespace Masterplan.Documents;

/// <summary>Resolves every family to DejaVu Sans: PDFsharp's core build finds no system fonts on Linux.</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp keeps it in a static setting).</summary>
    public static void EnsureInstalled()
    {
        // Fail early and clearly instead of inside PDFsharp's font machinery.
        _ = DejaVuFonts.Load(DejaVuFonts.FileName(false, false));
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
        => new(DejaVuFonts.FileName(bold, italic));

    public byte[] GetFont(string faceName) => DejaVuFonts.Load(faceName);
}
