using Masterplan.Web.Shared;
using SkiaSharp;

namespace Masterplan.Web.Tests.Features.ServiceRequests;

/// <summary>The shared image intake: only the pixels survive, the type is read from the content, bombs are refused unread.</summary>
public sealed class ImageIntakeTests
{
    private static readonly ImageIntakeOptions Limits = new();

    [Fact]
    public void A_photo_with_planted_EXIF_GPS_comes_out_without_it_and_without_the_appended_script()
    {
        var planted = TestImages.WithExifGps(TestImages.Jpeg());
        Assert.True(TestImages.Contains(planted, TestImages.PlantedGps)); // planted, so the checks below mean something
        Assert.True(TestImages.Contains(planted, "Exif"));

        var result = ImageIntake.Accept(planted, "Photos", "foto.jpg", Limits);

        Assert.Equal(OutcomeKind.Done, result.Kind);
        var jpeg = result.Value!.Jpeg;
        Assert.False(TestImages.Contains(jpeg, TestImages.PlantedGps));
        Assert.False(TestImages.Contains(jpeg, "Exif"));
        Assert.False(TestImages.Contains(jpeg, "<script>"));
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg.Take(3));
        using var decoded = SKBitmap.Decode(jpeg);
        Assert.Equal((40, 20), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void The_EXIF_orientation_is_applied_so_the_photo_stands_upright_without_it()
    {
        // Orientation 6: the camera was turned; the stored pixels must be turned a quarter clockwise.
        var result = ImageIntake.Accept(TestImages.WithExifGps(TestImages.Jpeg(40, 20), orientation: 6), "Photos", "hochkant.jpg", Limits);

        Assert.Equal(OutcomeKind.Done, result.Kind);
        Assert.Equal((20, 40), (result.Value!.Width, result.Value.Height));
        using var decoded = SKBitmap.Decode(result.Value.Jpeg);
        Assert.Equal((20, 40), (decoded.Width, decoded.Height));
        // The red left half is on top after a quarter turn clockwise.
        Assert.True(decoded.GetPixel(10, 5).Red > 200 && decoded.GetPixel(10, 5).Blue < 80, decoded.GetPixel(10, 5).ToString());
        Assert.True(decoded.GetPixel(10, 35).Blue > 200 && decoded.GetPixel(10, 35).Red < 80, decoded.GetPixel(10, 35).ToString());
    }

    [Fact]
    public void Fakes_and_bombs_are_refused_with_precise_messages()
    {
        string Refusal(byte[] bytes, string name, ImageIntakeOptions? limits = null)
        {
            var result = ImageIntake.Accept(bytes, "Photos", name, limits ?? Limits);
            Assert.Equal(OutcomeKind.Invalid, result.Kind);
            return result.Errors.Single().German;
        }

        Assert.Contains("ist kein Foto, sondern ein PDF-Dokument", Refusal("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray(), "rechnung.jpg"));
        Assert.Contains("„skript.jpg“ ist kein Foto im Format JPEG oder PNG", Refusal("#!/bin/sh\nrm -rf /\n"u8.ToArray(), "skript.jpg"));
        Assert.Contains("ist ein HEIC-Foto", Refusal([0, 0, 0, 0x18, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0], "IMG_0001.jpg"));
        Assert.Contains("hat 100000 × 100000 Bildpunkte; möglich sind höchstens 40 Millionen", Refusal(TestImages.PngBomb(), "bombe.png"));
        Assert.Contains("ist größer als", Refusal(TestImages.Jpeg(), "gross.jpg", new ImageIntakeOptions { MaxBytes = 100 }));
        Assert.Contains("ist beschädigt", Refusal([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "kaputt.jpg"));
        Assert.Contains("ist leer", Refusal([], "leer.jpg"));
    }
}
