namespace Masterplan.Documents;

/// <summary>A picture (PNG) with a text alternative, e.g. a chart from <see cref="LineChart"/> or a code from <see cref="QrCode"/>.</summary>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="AltText">What the picture shows, for people who cannot see it (PDF /Alt, Word's alt text).</param>
public sealed record Figure(byte[] Png, string AltText) : Block
{
    /// <summary>The PNG file's bytes.</summary>
    public byte[] Png { get; init => field = CheckPng(value, nameof(Png)); } = CheckPng(Png, nameof(Png));

    /// <summary>What the picture shows; required because PDF/UA and WCAG need a text alternative.</summary>
    public string AltText { get; init => field = Guard.Text(value, nameof(AltText), AltMessage); } = Guard.Text(AltText, nameof(AltText), AltMessage);

    /// <summary>A visible caption below the picture.</summary>
    public string? Caption { get; init; }

    /// <summary>The printed width in millimetres; by default the picture fills the text width (at most its pixel size at 96 dpi times two).</summary>
    public double? WidthMm { get; init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(WidthMm), value, "A width is positive."); }

    /// <summary>
    /// Whether the picture keeps hard pixel edges when scaled up (PDF: no interpolation), e.g. a QR code drawn with one pixel
    /// per module: a few hundred bytes instead of kilobytes, and as sharp as a larger picture.
    /// </summary>
    public bool Pixelated { get; init; }

    const string AltMessage = "A figure needs a text alternative (PDF/UA and WCAG 1.1.1).";

    static byte[] CheckPng(byte[] png, string name) => png is { Length: > 24 } && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G'
        ? png
        : throw new ArgumentException("A figure needs the bytes of a PNG file.", name);
}
