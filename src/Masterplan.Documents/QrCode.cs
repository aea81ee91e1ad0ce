using QRCoder;

namespace Masterplan.Documents;

/// <summary>QR codes as PNG, e.g. the personal registration link on a citizen lab's invitation letter.</summary>
public static class QrCode
{
    /// <summary>Encodes <paramref name="text"/> as a black-on-white QR code (error correction level M, quiet zone included).</summary>
    /// <param name="text">The text or URL to encode.</param>
    /// <param name="pixelsPerModule">The size of one module in pixels; 10 prints sharply at 4 cm.</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] Png(string text, int pixelsPerModule = 10)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var generator = new QRCodeGenerator();
        // Level M survives a crease or a stain on a printed letter and keeps the code small.
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }
}
