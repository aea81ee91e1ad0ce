using SkiaSharp;

namespace Masterplan.Web.Shared;

/// <summary>Limits of <see cref="ImageIntake"/>; the defaults fit photos from phones.</summary>
public sealed class ImageIntakeOptions
{
    /// <summary>Largest upload in bytes (phones write 2–8 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest image in pixels, read from the header before anything is decoded (a decompression bomb is refused unread).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Longest edge of the stored image; larger photos are scaled down.</summary>
    public int MaxEdge { get; set; } = 2048;

    /// <summary>JPEG quality of the stored image (0–100).</summary>
    public int Quality { get; set; } = 85;
}

/// <summary>A photo as the platform keeps it: a JPEG it encoded itself, without any metadata.</summary>
public sealed record IntakeImage(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Photos residents upload (Meldungen now, complaint attachments next): the real type is read from the content (JPEG and
/// PNG only, whatever the file is called), the size from the header before decoding, then the image is decoded, turned
/// upright by its EXIF orientation, scaled down and encoded again as JPEG. Only the pixels survive: EXIF and GPS data,
/// comments, embedded thumbnails and anything appended to the file are gone, because the output is written from scratch.
/// </summary>
public static class ImageIntake
{
    /// <summary>Checks and re-encodes one upload; the messages are German resource keys for <paramref name="field"/>.</summary>
    /// <param name="name">The file name as sent, to name the photo in a message.</param>
    public static async Task<Outcome<IntakeImage>> AcceptAsync(Stream content, string field, string? name, ImageIntakeOptions limits, CancellationToken ct)
    {
        var shown = string.IsNullOrWhiteSpace(name) ? "?" : Path.GetFileName(name.Trim());
        var bytes = await ReadAtMostAsync(content, limits.MaxBytes, ct);
        if (bytes is null)
        {
            return Outcome<IntakeImage>.Invalid(field, "Das Foto „{0}“ ist größer als {1} MB. Bitte senden Sie ein kleineres Foto.", shown, limits.MaxBytes / (1024 * 1024));
        }

        return Accept(bytes, field, shown, limits);
    }

    /// <summary>Checks and re-encodes the bytes of one upload.</summary>
    public static Outcome<IntakeImage> Accept(byte[] bytes, string field, string shown, ImageIntakeOptions limits)
    {
        if (bytes.Length == 0)
        {
            return Outcome<IntakeImage>.Invalid(field, "Die Datei „{0}“ ist leer.", shown);
        }

        if (bytes.Length > limits.MaxBytes)
        {
            return Outcome<IntakeImage>.Invalid(field, "Das Foto „{0}“ ist größer als {1} MB. Bitte senden Sie ein kleineres Foto.", shown, limits.MaxBytes / (1024 * 1024));
        }

        var kind = Sniff(bytes);
        switch (kind)
        {
            case Kind.Heic:
                return Outcome<IntakeImage>.Invalid(field, "„{0}“ ist ein HEIC-Foto; dieses Format können wir nicht annehmen. Bitte senden Sie es als JPEG (auf dem iPhone: Einstellungen › Kamera › Formate › „Maximale Kompatibilität“).", shown);
            case Kind.Pdf:
                return Outcome<IntakeImage>.Invalid(field, "„{0}“ ist kein Foto, sondern ein PDF-Dokument. Bitte senden Sie ein Foto als JPEG oder PNG.", shown);
            case Kind.Other:
                return Outcome<IntakeImage>.Invalid(field, "„{0}“ ist kein Foto im Format JPEG oder PNG, auch wenn der Dateiname so endet. Bitte senden Sie ein JPEG- oder PNG-Foto.", shown);
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Outcome<IntakeImage>.Invalid(field, "Das Foto „{0}“ ist beschädigt und lässt sich nicht öffnen.", shown);
        }

        // The header's size, before a single pixel is decoded: a small file may claim a gigantic image.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > limits.MaxPixels)
        {
            return Outcome<IntakeImage>.Invalid(field, "Das Foto „{0}“ hat {1} × {2} Bildpunkte; möglich sind höchstens {3} Millionen. Bitte senden Sie ein kleineres Foto.",
                shown, width, height, limits.MaxPixels / 1_000_000);
        }

        using var decoded = Decode(codec, limits.MaxEdge);
        if (decoded is null)
        {
            return Outcome<IntakeImage>.Invalid(field, "Das Foto „{0}“ ist beschädigt und lässt sich nicht öffnen.", shown);
        }

        using var upright = Upright(decoded, codec.EncodedOrigin, limits.MaxEdge);
        using var image = SKImage.FromBitmap(upright);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, limits.Quality);
        return Outcome<IntakeImage>.Ok(new IntakeImage(jpeg.ToArray(), upright.Width, upright.Height));
    }

    private enum Kind
    {
        Jpeg,
        Png,
        Heic,
        Pdf,
        Other,
    }

    private static Kind Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return Kind.Jpeg;
        }

        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Kind.Png;
        }

        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8))
        {
            return Kind.Pdf;
        }

        // ISO base media file ("ftyp" box) with a HEIF brand: HEIC/HEIF from phones.
        if (b.Length >= 12 && b.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(b.Slice(8, 4));
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1" or "avif")
            {
                return Kind.Heic;
            }
        }

        return Kind.Other;
    }

    /// <summary>The pixels, decoded at a reduced size where the format allows it (JPEG in steps of 1/8); null when broken.</summary>
    private static SKBitmap? Decode(SKCodec codec, int maxEdge)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = longest > maxEdge ? codec.GetScaledDimensions((float)maxEdge / longest) : new SKSizeI(codec.Info.Width, codec.Info.Height);
        foreach (var attempt in new[] { size, new SKSizeI(codec.Info.Width, codec.Info.Height) }.Distinct())
        {
            var info = new SKImageInfo(attempt.Width, attempt.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            var bitmap = new SKBitmap(info);
            var result = codec.GetPixels(info, bitmap.GetPixels());
            if (result == SKCodecResult.Success)
            {
                return bitmap;
            }

            bitmap.Dispose();
            if (result != SKCodecResult.InvalidScale)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The image turned as its EXIF orientation says, no longer than <paramref name="maxEdge"/>, on white (JPEG has no transparency).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin, int maxEdge)
    {
        var scale = Math.Min(1f, (float)maxEdge / Math.Max(source.Width, source.Height));
        var (w, h) = (Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)));
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(new SKImageInfo(swap ? h : w, swap ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);

        // dest = M · src for a w × h source: the eight EXIF orientations as affine maps.
        var m = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(m);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();
        return target;
    }

    /// <summary>The whole stream, or null as soon as it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
