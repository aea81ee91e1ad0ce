namespace Masterplan.Documents.Tests;

public class QrCodeTests
{
    [Fact]
    public void Png_is_a_square_png_that_grows_with_the_module_size()
    {
        var small = QrCode.Png("https://masterplan.dortmund.de/anmeldung?code=K7Q-4MZ", pixelsPerModule: 4);
        var large = QrCode.Png("https://masterplan.dortmund.de/anmeldung?code=K7Q-4MZ", pixelsPerModule: 8);

        var (w, h) = PdfLayout.PngSize(small);
        Assert.Equal(w, h);
        Assert.Equal(2 * w, PdfLayout.PngSize(large).Width);
        Assert.Throws<ArgumentException>(() => QrCode.Png(""));
    }
}
