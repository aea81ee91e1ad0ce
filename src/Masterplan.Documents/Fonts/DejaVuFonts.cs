using System.Collections.Concurrent;

namespace Masterplan.Documents;

/// <summary>The DejaVu Sans font files from Debian's fonts-dejavu-core; PDF and charts embed them so that every
/// reader sees the same glyphs, umlauts included.</summary>
internal static class DejaVuFonts
{
    public const string Directory = "/usr/share/fonts/truetype/dejavu";
    public const string Family = "DejaVu Sans";

    static readonly ConcurrentDictionary<string, byte[]> Cache = new();

    /// <summary>The file name of a face.</summary>
    public static string FileName(bool bold, bool italic) => (bold, italic) switch
    {
        (false, false) => "DejaVuSans.ttf",
        (true, false) => "DejaVuSans-Bold.ttf",
        (false, true) => "DejaVuSans-Oblique.ttf",
        (true, true) => "DejaVuSans-BoldOblique.ttf",
    };

    /// <summary>Reads a face's file once; a missing file names the package that brings it.</summary>
    public static byte[] Load(string fileName, string directory = Directory)
        => Cache.GetOrAdd(Path.Combine(directory, fileName), static path => File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException(
                $"The font file {path} is missing. Install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core); " +
                "PDF documents and charts embed DejaVu Sans.", path));
}
