using System.Collections.Concurrent;
using System.IO.Compression;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using SkiaSharp;

namespace Masterplan.Documents;

/// <summary>Renders a <see cref="Document"/> as a tagged PDF on A4 pages (or the <see cref="Document.Page"/> it asks for).</summary>
/// <remarks>
/// The result is meant to meet PDF/UA-1 (ISO 14289-1): a structure tree (H1–H3, P, L/LI/Lbl/LBody,
/// Table/THead/TBody/TR/TH/TD, Figure with /Alt), marked content for every piece of text, running headers,
/// rules, repeated table headers and page numbers ("Seite 3 von 7") as artifacts, /Lang and /MarkInfo in the
/// catalog, the title in the metadata with DisplayDocTitle, the PDF/UA identifier in the XMP metadata, and DejaVu Sans
/// embedded as a subset.
/// PDFsharp's <see cref="UAManager"/> writes the structure. The fonts come from Debian's fonts-dejavu-core.
/// </remarks>
public static class PdfRenderer
{
    /// <summary>Chooses PDFsharp's free license, the GNU AGPL 3.0, for this process.</summary>
    /// <remarks>
    /// PDFsharp 6.5 and later is licensed under AGPL-3.0-only or commercially and refuses to create documents
    /// until the program has chosen one. Under the AGPL, a program that uses it and is offered to users over a
    /// network must offer them its complete source code under the AGPL as well. That is the operator's
    /// decision, so the host (web app, CLI) makes this call at start-up, not this library.
    /// </remarks>
    public static void UseAgplLicense() => PdfSharpLicense.SetAgplLicense();

    /// <summary>Loads a commercial PDFsharp license key for this process (see <see cref="UseAgplLicense"/>).</summary>
    public static void UseCommercialLicense(string licenseKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(licenseKey);
        PdfSharpLicense.LoadLicense(licenseKey);
    }

    /// <summary>
    /// Whether long documents use the speed-ups of 2026-12-06 (layout in parts on the other cores while the first parts are drawn,
    /// images decoded there too, the parent tree set aside per page, content streams compressed there with the runtime's zlib,
    /// images' streams with PDFsharp's fastest deflate); the same pages and tags either way. Off only in bench/Documents and a
    /// test, for the comparison.
    /// </summary>
    internal static bool SpeedUps { get; set; } = true;

    /// <summary>Renders the document and returns the PDF file's bytes.</summary>
    /// <exception cref="InvalidOperationException">No PDFsharp license was chosen (<see cref="UseAgplLicense"/>, <see cref="UseCommercialLicense"/>).</exception>
    /// <exception cref="FileNotFoundException">The DejaVu font files are missing (package fonts-dejavu-core).</exception>
    /// <param name="document">The document.</param>
    /// <param name="progress">Receives how far the drawing is (0 to 1, by parts and their pages), at most about 100 times.</param>
    public static byte[] Render(Document document, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = CreatePdfDocument();
        DejaVuFontResolver.EnsureInstalled();
        using var fonts = new PdfFonts();
        using var stop = new CancellationTokenSource();
        var images = new ConcurrentDictionary<byte[], Lazy<XImage>>(ReferenceEqualityComparer.Instance);
        try
        {
            // The parts' layout, their images' decoding and the pages' compression run on the other cores while this thread draws.
            var parts = PdfLayout.BuildInParts(document, fonts, stop.Token)
                .Select(part => SpeedUps ? part.ContinueWith(laid => LoadImages(laid.GetAwaiter().GetResult(), images), stop.Token, TaskContinuationOptions.None, TaskScheduler.Default) : part)
                .ToList();
            Draw(pdf, document, fonts, parts, images, progress);
        }
        finally
        {
            stop.Cancel();
            foreach (var image in images.Values.Where(i => i.IsValueCreated))
                image.Value.Dispose();
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return PdfUaIdentifier.Add(output.ToArray());
    }

    static void Draw(PdfDocument pdf, Document document, PdfFonts fonts, List<Task<(List<PdfOp> Ops, int Pages)>> parts,
        ConcurrentDictionary<byte[], Lazy<XImage>> images, IProgress<double>? progress)
    {
        pdf.Info.Title = document.Title;
        if (document.Author is { } author)
            pdf.Info.Author = author;
        if (document.Subject is { } subject)
            pdf.Info.Subject = subject;
        pdf.Info.Creator = "Masterplan";
        if (SpeedUps)
            pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed; // the images' streams (PDFsharp's own deflater); page contents below
        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage(document.Language);
        var structure = ua.StructureBuilder;

        var brushes = new Dictionary<XColor, XSolidBrush>();
        XGraphics? gfx = null;
        PdfPage? previous = null;
        var geometry = PdfPageGeometry.For(document.Page);
        // Numbered through the whole document, the page count is needed before the first page: then every part is waited for.
        var total = document.NumberPagesPerSection ? 0 : parts.Sum(p => p.GetAwaiter().GetResult().Pages);
        var parentTree = SpeedUps ? new ParentTreeOfEarlierPages(ua) : null;
        var compressor = new PageCompressor(pdf);
        var pagesBefore = 0;
        var reported = -1;
        try
        {
            for (var p = 0; p < parts.Count; p++)
            {
                var (ops, pageCount) = parts[p].GetAwaiter().GetResult(); // the first exception of a part as it was thrown
                // Parts start with a section, so a section's pages are all in one part.
                var numbering = document.NumberPagesPerSection
                    ? PageNumbering(ops, pageCount, perSection: true)
                    : [.. Enumerable.Range(pagesBefore + 1, pageCount).Select(n => (n, total))];
                var pageInPart = 0;
                foreach (var op in ops)
                {
                    switch (op)
                    {
                        case NewPageOp:
                            if (gfx is not null)
                                structure.EndMarkedContentsWithId();
                            parentTree?.SetAside();
                            var percent = (int)(100.0 * (p + (double)pageInPart / pageCount) / parts.Count);
                            if (progress is not null && percent > reported)
                                progress.Report((reported = percent) / 100.0);
                            var page = pdf.AddPage();
                            page.Width = XUnit.FromPoint(geometry.Width);
                            page.Height = XUnit.FromPoint(geometry.Height);
                            gfx?.Dispose();
                            if (previous is not null)
                                compressor.Add(previous); // its content is final once its XGraphics is disposed
                            previous = page;
                            gfx = XGraphics.FromPdfPage(page);
                            var (number, of) = numbering[pageInPart++];
                            DrawPageFurniture(gfx, structure, fonts, document, geometry, number, of);
                            break;
                        case BeginOp begin:
                            if (begin.Tag == "Caption")
                                structure.BeginGroupingElement(begin.Tag);
                            else
                                structure.BeginBlockLevelElement(begin.Tag);
                            if (begin.ColumnHeader)
                                structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                            break;
                        case BeginFigureOp figure:
                            structure.BeginElement(PdfIllustrationElementTag.Figure, figure.AltText, figure.Box);
                            break;
                        case BeginLinkOp link:
                            // PDF/UA 7.18.5: a Link element owns the annotation (through an OBJR) and the text drawn inside it.
                            // BeginElement adds the annotation to the current page itself.
                            var annotation = PdfSharp.Pdf.Annotations.PdfLinkAnnotation.CreateWebLink(new PdfRectangle(gfx!.Transformer.WorldToDefaultPage(link.Rect)), link.Uri);
                            annotation.Contents = link.AltText;
                            structure.BeginElement(annotation, link.AltText);
                            break;
                        case BeginArtifactOp:
                            structure.BeginArtifact();
                            break;
                        case EndOp:
                            structure.End();
                            break;
                        case TextOp text:
                            gfx!.DrawString(text.Text, fonts.Get(text.Style), Brush(brushes, text.Color), text.X, text.Top, XStringFormats.TopLeft);
                            break;
                        case LineOp line:
                            gfx!.DrawLine(new XPen(line.Color, line.Width), line.X1, line.Y1, line.X2, line.Y2);
                            break;
                        case FillOp fill:
                            gfx!.DrawRectangle(Brush(brushes, fill.Color), fill.Rect);
                            break;
                        case ImageOp image:
                            gfx!.DrawImage(Image(images, image), image.Rect);
                            break;
                        default:
                            throw new NotSupportedException(op.GetType().Name);
                    }
                }
                pagesBefore += pageCount;
            }
            structure.EndMarkedContentsWithId();
            parentTree?.Restore();
            progress?.Report(1);
        }
        finally
        {
            gfx?.Dispose();
        }
        compressor.Finish();
    }

    /// <summary>A figure's image, decoded once per PNG (by reference) however often it is drawn.</summary>
    static XImage Image(ConcurrentDictionary<byte[], Lazy<XImage>> images, ImageOp image) =>
        images.GetOrAdd(image.Png, png => new Lazy<XImage>(() =>
        {
            var ximage = LoadImage(png);
            ximage.Interpolate = !image.Pixelated;
            return ximage;
        })).Value;

    /// <summary>Decodes a laid-out part's images on the core that laid it out, before the drawing reaches them.</summary>
    static (List<PdfOp> Ops, int Pages) LoadImages((List<PdfOp> Ops, int Pages) part, ConcurrentDictionary<byte[], Lazy<XImage>> images)
    {
        foreach (var image in part.Ops.OfType<ImageOp>())
            Image(images, image);
        return part;
    }

    /// <summary>
    /// PDFsharp's StructureBuilder looks up the current page's entry in the ParentTree by scanning all of /Nums for every piece of
    /// marked content: quadratic in the pages, most of the time of 3,000 letters (6,000 pages). Only the current page's entry is
    /// ever looked up, so the entries of finished pages are set aside at each new page and put back, in the same order, before saving:
    /// the same file, written in linear time.
    /// </summary>
    sealed class ParentTreeOfEarlierPages(UAManager ua)
    {
        readonly List<PdfItem> _earlier = [];

        PdfArray? Nums => (ua.StructureTreeRoot.Elements.GetDictionary("/ParentTree") as PdfNumberTreeNode)
            ?.Elements.GetArray("/Nums");

        public void SetAside()
        {
            if (Nums is not { } nums)
                return;
            _earlier.AddRange(nums.Elements);
            nums.Elements.Clear();
        }

        public void Restore()
        {
            if (Nums is not { } nums || _earlier.Count == 0)
                return;
            var current = nums.Elements.ToList();
            nums.Elements.Clear();
            foreach (var item in _earlier.Concat(current))
                nums.Elements.Add(item);
            _earlier.Clear();
        }
    }

    /// <summary>
    /// Compresses the pages' content streams on the other cores with the runtime's zlib while the drawing goes on; PDFsharp would
    /// compress them one after the other with its own managed deflater when it saves (a sixth of the time of 3,000 letters). PDFsharp
    /// leaves a stream that already has a filter as it is.
    /// </summary>
    sealed class PageCompressor(PdfDocument pdf)
    {
        const int Batch = 64;
        readonly List<(PdfDictionary Content, byte[] Raw)> _waiting = [];
        readonly List<(List<(PdfDictionary Content, byte[] Raw)> Contents, Task<byte[][]> Compressed)> _running = [];
        readonly bool _on = SpeedUps && pdf.Options.CompressContentStreams;

        /// <summary>A page whose drawing is finished.</summary>
        public void Add(PdfPage page)
        {
            if (!_on)
                return;
            foreach (var item in page.Contents.Elements)
            {
                if ((item as PdfSharp.Pdf.Advanced.PdfReference)?.Value is PdfDictionary { Stream: not null } content && content.Elements.GetValue("/Filter") is null)
                    _waiting.Add((content, content.Stream.Value));
            }
            if (_waiting.Count >= Batch)
                Start();
        }

        /// <summary>Compresses what is left (the last page) and puts every compressed stream in place, on the drawing thread.</summary>
        public void Finish()
        {
            if (!_on)
                return;
            if (pdf.Pages.Count > 0)
                Add(pdf.Pages[pdf.PageCount - 1]);
            Start();
            foreach (var (contents, compressed) in _running)
            {
                var bytes = compressed.Result;
                for (var i = 0; i < contents.Count; i++)
                {
                    contents[i].Content.Stream.Value = bytes[i];
                    contents[i].Content.Elements.SetName("/Filter", "/FlateDecode");
                }
            }
        }

        void Start()
        {
            if (_waiting.Count == 0)
                return;
            var contents = _waiting.ToList();
            _waiting.Clear();
            _running.Add((contents, Task.Run(() => contents.Select(c => Deflate(c.Raw)).ToArray())));
        }

        static byte[] Deflate(byte[] raw)
        {
            using var buffer = new MemoryStream();
            using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            return buffer.ToArray();
        }
    }

    /// <summary>PDFsharp reads 8-bit RGB(A) PNGs only; others (QRCoder's 1-bit PNG, greyscale, 16-bit) are
    /// re-encoded with Skia first, pixel for pixel.</summary>
    static XImage LoadImage(byte[] png)
    {
        try
        {
            return XImage.FromStream(new MemoryStream(png, writable: false));
        }
        catch (InvalidOperationException)
        {
            using var bitmap = SKBitmap.Decode(png) ?? throw new ArgumentException("A figure's PNG could not be decoded.", nameof(png));
            using var rgba = bitmap.Copy(SKColorType.Rgba8888);
            using var encoded = rgba.Encode(SKEncodedImageFormat.Png, 100);
            return XImage.FromStream(new MemoryStream(encoded.ToArray(), writable: false));
        }
    }

    /// <summary>Per page: its number and the page count, for the whole document or per section (see <see cref="Document.NumberPagesPerSection"/>).</summary>
    static List<(int Number, int Of)> PageNumbering(List<PdfOp> ops, int pageCount, bool perSection)
    {
        var pages = new List<(int Number, int Of)>(pageCount);
        if (!perSection)
        {
            for (var p = 1; p <= pageCount; p++)
                pages.Add((p, pageCount));
            return pages;
        }
        var sectionStart = 0;
        foreach (var op in ops.OfType<NewPageOp>())
        {
            if (op.StartsSection)
            {
                for (var p = sectionStart; p < pages.Count; p++)
                    pages[p] = (pages[p].Number, pages.Count - sectionStart);
                sectionStart = pages.Count;
            }
            pages.Add((pages.Count - sectionStart + 1, 0));
        }
        for (var p = sectionStart; p < pages.Count; p++)
            pages[p] = (pages[p].Number, pages.Count - sectionStart);
        return pages;
    }

    static PdfDocument CreatePdfDocument()
    {
        try
        {
            return new PdfDocument();
        }
        catch (PdfSharp.License.PdfSharpLicenseException e)
        {
            throw new InvalidOperationException(
                "PDFsharp needs a license choice before it renders: call PdfRenderer.UseAgplLicense() (AGPL-3.0: the program's source must be " +
                "offered to its users) or PdfRenderer.UseCommercialLicense(key) once at start-up.", e);
        }
    }

    static XSolidBrush Brush(Dictionary<XColor, XSolidBrush> brushes, XColor color)
    {
        if (!brushes.TryGetValue(color, out var brush))
        {
            brush = new XSolidBrush(color);
            brushes[color] = brush;
        }
        return brush;
    }

    /// <summary>Running header and page number: artifacts, because they repeat on every page.</summary>
    static void DrawPageFurniture(XGraphics gfx, StructureBuilder structure, PdfFonts fonts, Document document, PdfPageGeometry page, int pageNumber, int pageCount)
    {
        var style = new TextStyle(8.5);
        var brush = new XSolidBrush(PdfLayout.Muted);
        structure.BeginArtifact();
        if (document.Watermark is { Length: > 0 } watermark)
        {
            // Drawn first, so the page's content lies above it; 45° through the middle of the page.
            var big = new TextStyle(page.Width / 7, Bold: true);
            var state = gfx.Save();
            gfx.RotateAtTransform(-45, new XPoint(page.Width / 2, page.Height / 2));
            gfx.DrawString(watermark, fonts.Get(big), new XSolidBrush(XColor.FromArgb(0xD9, 0xD9, 0xD9)),
                new XRect(0, page.Height / 2 - page.Width / 7, page.Width, page.Width / 3.5), XStringFormats.Center);
            gfx.Restore(state);
        }
        if (document.HeaderText is { Length: > 0 } header)
        {
            var line = TextWrapper.Wrap(fonts, header, style, page.ContentWidth)[0];
            var text = string.Concat(line.Segments.Select(s => s.Text));
            gfx.DrawString(text, fonts.Get(style), brush, page.Left, page.HeaderTop, XStringFormats.TopLeft);
            gfx.DrawLine(new XPen(PdfLayout.Muted, 0.4), page.Left, page.HeaderTop + 13, page.Right, page.HeaderTop + 13);
        }
        gfx.DrawString($"Seite {pageNumber} von {pageCount}", fonts.Get(style), brush, page.Right, page.FooterTop, XStringFormats.TopRight);
        structure.End();
    }
}
