using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Masterplan.Documents;

/// <summary>Adds the PDF/UA identification (pdfuaid:part = 1, ISO 14289-1 §5) to the XMP metadata of a file
/// that PDFsharp has saved.</summary>
/// <remarks>
/// PDFsharp writes its own XMP packet at save time and replaces any packet set before, so the identifier is
/// added afterwards as an incremental update (ISO 32000-1 §7.5.6): a new version of the metadata stream object,
/// an xref section for it and a trailer pointing back with /Prev. The original bytes stay untouched.
/// </remarks>
internal static partial class PdfUaIdentifier
{
    const string Description =
        "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>1</pdfuaid:part></rdf:Description>\n";

    public static byte[] Add(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = StartXref().Matches(text) is { Count: > 0 } s ? s[^1] : throw Unexpected("startxref");
        var trailerStart = text.LastIndexOf("trailer", startXref.Index, StringComparison.Ordinal);
        var trailer = trailerStart >= 0 ? text[trailerStart..startXref.Index] : throw Unexpected("trailer");
        var root = Reference(trailer, "Root");
        var metadata = Reference(ObjectText(text, root), "Metadata");

        var objectStart = ObjectStart(text, metadata);
        var streamHeader = StreamHeader().Match(text, objectStart);
        if (!streamHeader.Success)
            throw Unexpected("metadata stream");
        var length = int.Parse(streamHeader.Groups[1].Value, CultureInfo.InvariantCulture);
        var xmp = Encoding.UTF8.GetString(pdf, streamHeader.Index + streamHeader.Length, length);
        var end = xmp.LastIndexOf("</rdf:RDF>", StringComparison.Ordinal);
        if (end < 0)
            throw Unexpected("rdf:RDF");
        var packet = Encoding.UTF8.GetBytes(xmp.Insert(end, Description));

        using var output = new MemoryStream(pdf.Length + packet.Length + 512);
        output.Write(pdf);
        if (pdf[^1] != '\n')
            output.WriteByte((byte)'\n');
        var offset = output.Position;
        Write(output, $"{metadata} 0 obj\n<</Type/Metadata/Subtype/XML/Length {packet.Length}>>\nstream\n");
        output.Write(packet);
        Write(output, "\nendstream\nendobj\n");
        var xref = output.Position;
        var info = InfoEntry().Match(trailer) is { Success: true } i ? i.Value : "";
        var id = IdEntry().Match(trailer) is { Success: true } d ? d.Value : "";
        var size = SizeEntry().Match(trailer) is { Success: true } z ? z.Groups[1].Value : throw Unexpected("/Size");
        Write(output,
            $"xref\n0 1\n0000000000 65535 f \n{metadata} 1\n{offset:D10} 00000 n \n" +
            $"trailer\n<</Size {size}/Root {root} 0 R{info}{id}/Prev {startXref.Groups[1].Value}>>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    static int Reference(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, $@"/{key}\s*(\d+)\s+0\s+R", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw Unexpected("/" + key);
    }

    static int ObjectStart(string text, int number)
    {
        var match = Regex.Match(text, $@"(?<=\n){number} 0 obj", RegexOptions.CultureInvariant | RegexOptions.RightToLeft, TimeSpan.FromSeconds(5));
        return match.Success ? match.Index : throw Unexpected($"object {number}");
    }

    static string ObjectText(string text, int number)
    {
        var start = ObjectStart(text, number);
        var end = text.IndexOf("endobj", start, StringComparison.Ordinal);
        return end > start ? text[start..end] : throw Unexpected($"end of object {number}");
    }

    static InvalidOperationException Unexpected(string what)
        => new($"Cannot add the PDF/UA identifier: {what} not found where PDFsharp writes it. Was PDFsharp updated?");

    [GeneratedRegex(@"startxref\s+(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\G\d+ 0 obj\s*<<[^>]*/Length (\d+)[^>]*>>\s*stream\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex StreamHeader();

    [GeneratedRegex(@"/Info\s*\d+\s+0\s+R", RegexOptions.CultureInvariant)]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex IdEntry();

    [GeneratedRegex(@"/Size\s*(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SizeEntry();
}
