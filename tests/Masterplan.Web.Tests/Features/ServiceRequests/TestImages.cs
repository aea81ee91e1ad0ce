using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Masterplan.Web.Tests.Features.ServiceRequests;

/// <summary>Images for the intake tests, built here byte by byte so each test knows exactly what it planted.</summary>
internal static class TestImages
{
    public const string PlantedGps = "PLANTED-GPS-51.51360N-7.46530E";

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> JPEG (left half red, right half blue).</summary>
    public static byte[] Jpeg(int width = 40, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Red);
            using var paint = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF APP1 segment right after the start marker: IFD0 with the orientation and a pointer to a GPS IFD
    /// holding a latitude reference and <see cref="PlantedGps"/> as map datum; and a script appended after the end marker.
    /// </summary>
    public static byte[] WithExifGps(byte[] jpeg, ushort orientation = 1)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes(8u));
        // IFD0 at 8: two entries.
        const int gpsIfd = 8 + 2 + (2 * 12) + 4;
        tiff.AddRange(BitConverter.GetBytes((ushort)2));
        Entry(tiff, 0x0112, 3, 1, orientation);
        Entry(tiff, 0x8825, 4, 1, gpsIfd);
        tiff.AddRange(BitConverter.GetBytes(0u));
        // GPS IFD: latitude reference "N" inline, the map datum at the end.
        const int datumAt = gpsIfd + 2 + (2 * 12) + 4;
        var datum = Encoding.ASCII.GetBytes(PlantedGps + "\0");
        tiff.AddRange(BitConverter.GetBytes((ushort)2));
        Entry(tiff, 0x0001, 2, 2, BitConverter.ToUInt32([(byte)'N', 0, 0, 0]));
        Entry(tiff, 0x0012, 2, (uint)datum.Length, datumAt);
        tiff.AddRange(BitConverter.GetBytes(0u));
        tiff.AddRange(datum);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).Concat("<script>alert('payload')</script>"u8.ToArray()).ToArray();
    }

    private static void Entry(List<byte> tiff, ushort tag, ushort type, uint count, uint value)
    {
        tiff.AddRange(BitConverter.GetBytes(tag));
        tiff.AddRange(BitConverter.GetBytes(type));
        tiff.AddRange(BitConverter.GetBytes(count));
        tiff.AddRange(type == 3 ? BitConverter.GetBytes((ushort)value).Concat(new byte[2]) : BitConverter.GetBytes(value));
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with a small deflated stream of zeros (a decompression bomb).</summary>
    public static byte[] PngBomb(uint width = 100_000, uint height = 100_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new List<byte>();
        ihdr.AddRange(BigEndian(width));
        ihdr.AddRange(BigEndian(height));
        ihdr.AddRange(new byte[] { 8, 2, 0, 0, 0 }); // 8 bit, RGB
        Chunk(png, "IHDR", [.. ihdr]);
        using var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[1_000_000]);
        }

        Chunk(png, "IDAT", zeros.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        png.Write(BigEndian((uint)data.Length));
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        png.Write(BigEndian(Crc32(typed)));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
