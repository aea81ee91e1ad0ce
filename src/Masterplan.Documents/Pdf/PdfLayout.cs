using PdfSharp.Drawing;

namespace Masterplan.Documents;

/// <summary>Lays a <see cref="Document"/> out on its pages (A4 or a receipt roll) as a list of <see cref="PdfOp"/>s: line breaking,
/// page breaks, tables that continue on the next page with their header repeated.</summary>
internal sealed class PdfLayout
{
    public static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    public static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    /// <summary>Links: blue with 7.7:1 on white, and underlined by the reader's link cursor; the colour is not the only sign (the text is an address).</summary>
    static readonly XColor Link = XColor.FromArgb(0x0A, 0x4F, 0x8A);
    static readonly XColor Rule = XColor.FromArgb(0x8C, 0x8C, 0x8C);
    static readonly XColor StrongRule = XColor.FromArgb(0x40, 0x40, 0x40);
    static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xE8, 0xE8);

    const double BodySize = 10.5;
    const double BodyLeading = 1.4;
    const double TableSize = 9;
    const double TableLeading = 1.3;
    const double CellPadding = 4;
    const double ListIndent = 14;

    readonly PdfFonts _fonts;
    readonly List<PdfOp> _ops = [];
    double _y;
    int _pages;
    bool _pageEmpty;
    bool _breakPending;
    bool _breakStartsSection;

    readonly PdfPageGeometry _page;

    PdfLayout(PdfFonts fonts, PdfPageGeometry page) => (_fonts, _page) = (fonts, page);

    const double Mm = PdfPageGeometry.Mm;
    double Left => _page.Left;
    double Right => _page.Right;
    double Top => _page.Top;
    double Bottom => _page.Bottom;
    double ContentWidth => _page.ContentWidth;

    /// <summary>Blocks per part below which a document is laid out in one piece.</summary>
    const int MinBlocksPerPart = 400;

    /// <summary>
    /// Lays the document out in parts and hands each part over, in order, as soon as it is laid out, so that the drawing can
    /// start with the first while the others are still being laid out. A long mail merge (letters that each start on a new page
    /// after a section break) is cut into parts that other cores lay out, each with its own font measurements (PdfFonts caches
    /// in plain dictionaries); joined in order they are the same steps as in one piece. A short document is laid out at once,
    /// with <paramref name="fonts"/>.
    /// </summary>
    public static IReadOnlyList<Task<(List<PdfOp> Ops, int Pages)>> BuildInParts(Document document, PdfFonts fonts, CancellationToken ct)
    {
        var parts = Parts(document.Blocks);
        if (parts.Count == 1)
            return [Task.FromResult(BuildPart(document, 0, document.Blocks.Count, fonts))];
        var done = parts.Select(_ => new TaskCompletionSource<(List<PdfOp> Ops, int Pages)>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var next = -1;
        // One core stays with the drawing, which is the longer work and runs on one thread.
        for (var worker = 0; worker < Math.Max(1, Environment.ProcessorCount - 1); worker++)
        {
            _ = Task.Run(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < parts.Count)
                {
                    try
                    {
                        ct.ThrowIfCancellationRequested();
                        using var own = new PdfFonts();
                        var part = BuildPart(document, parts[i].Start, parts[i].End, own);
                        // A part begins after a section-starting page break: its first page starts a section, as it would in one piece.
                        if (i > 0)
                            part.Ops[0] = new NewPageOp(StartsSection: true);
                        done[i].SetResult(part);
                    }
                    catch (Exception e)
                    {
                        done[i].SetException(e);
                    }
                }
            }, CancellationToken.None);
        }
        return done.Select(d => d.Task).ToArray();
    }

    /// <summary>Where the document may be cut: before a <see cref="LetterHead"/> that follows a section-starting <see cref="PageBreak"/>.</summary>
    static List<(int Start, int End)> Parts(IReadOnlyList<Block> blocks)
    {
        // Parts small enough that the drawing soon has its first one, and enough for every core.
        var wanted = Math.Min(Math.Max(16, Environment.ProcessorCount * 2), blocks.Count / MinBlocksPerPart);
        var parts = new List<(int Start, int End)>();
        if (wanted < 2 || !PdfRenderer.SpeedUps)
        {
            parts.Add((0, blocks.Count));
            return parts;
        }
        var start = 0;
        for (var i = 1; i < blocks.Count; i++)
        {
            if (parts.Count + 1 < wanted && i - start >= blocks.Count / wanted
                && blocks[i] is LetterHead && blocks[i - 1] is PageBreak { SameSection: false })
            {
                parts.Add((start, i));
                start = i;
            }
        }
        parts.Add((start, blocks.Count));
        return parts;
    }

    static (List<PdfOp> Ops, int Pages) BuildPart(Document document, int start, int end, PdfFonts fonts)
    {
        var layout = new PdfLayout(fonts, PdfPageGeometry.For(document.Page));
        layout.NewPage();
        for (var i = start; i < end; i++)
        {
            var block = document.Blocks[i];
            // A page break takes effect with the next block, so a break after the last letter adds no blank page.
            if (layout._breakPending && block is not PageBreak)
            {
                layout.NewPage(startsSection: layout._breakStartsSection);
                layout._breakPending = false;
            }
            switch (block)
            {
                case Heading h: layout.Heading(h); break;
                case Paragraph p: layout.Paragraph(p); break;
                case BulletList l: layout.BulletList(l); break;
                case KeyValueList k: layout.KeyValueList(k); break;
                case Table t: layout.Table(t); break;
                case Figure f: layout.Figure(f); break;
                case PageBreak b: layout.BreakPage(b); break;
                case LetterHead l: layout.LetterHead(l); break;
                case CutLine c: layout.CutLine(c); break;
                default: throw new NotSupportedException($"Unknown block {block.GetType().Name}.");
            }
        }
        return (layout._ops, layout._pages);
    }

    static double LineHeight(double size, double leading) => size * leading;

    void NewPage(bool startsSection = false)
    {
        _ops.Add(new NewPageOp(startsSection));
        _pages++;
        _y = Top;
        _pageEmpty = true;
    }

    bool Fits(double height) => _y + height <= Bottom + 0.01;

    void EnsureSpace(double height)
    {
        if (!Fits(height) && !_pageEmpty)
            NewPage();
    }

    void SpaceBefore(double space)
    {
        if (!_pageEmpty)
            _y += space;
    }

    void Begin(string tag) => _ops.Add(new BeginOp(tag));

    void End() => _ops.Add(new EndOp());

    /// <summary>Draws a line's pieces with the line box's top at <paramref name="top"/>.</summary>
    void DrawLine(TextLine line, double x, double top, double lineHeight, XColor color)
    {
        foreach (var segment in line.Segments)
        {
            // DejaVu's ascent + descent is about 1.17 em; centre that in the line box.
            var offset = (lineHeight - segment.Style.Size * 1.17) / 2;
            _ops.Add(new TextOp(segment.Text, segment.Style, x + segment.X, top + offset, color));
        }
        _pageEmpty = false;
    }

    /// <summary>Draws lines one below the other, continuing on a new page where the page is full.</summary>
    void FlowLines(IReadOnlyList<TextLine> lines, double x, double lineHeight, XColor color)
    {
        foreach (var line in lines)
        {
            EnsureSpace(lineHeight);
            DrawLine(line, x, _y, lineHeight, color);
            _y += lineHeight;
        }
    }

    void Heading(Heading heading)
    {
        var (size, before) = heading.Level switch
        {
            1 => (18.0, 16.0),
            2 => (14.0, 14.0),
            _ => (12.0, 10.0),
        };
        var style = new TextStyle(size, Bold: true);
        var lineHeight = LineHeight(size, 1.25);
        var lines = TextWrapper.Wrap(_fonts, heading.Text, style, ContentWidth);
        // Keep the heading together with at least two lines of what follows it.
        EnsureSpace(before + lines.Count * lineHeight + 2 * LineHeight(BodySize, BodyLeading));
        SpaceBefore(before);
        Begin("H" + heading.Level);
        FlowLines(lines, Left, lineHeight, Ink);
        End();
        _y += size * 0.4;
    }

    void Paragraph(Paragraph paragraph)
    {
        var runs = paragraph.Runs.Select(r => (r.Text, new TextStyle(BodySize, r.Bold, r.Italic)));
        var lines = TextWrapper.Wrap(_fonts, runs, ContentWidth);
        if (lines.Count == 0)
            return;
        var lineHeight = LineHeight(BodySize, BodyLeading);
        if (paragraph.Link is { } link)
        {
            // A linked paragraph is kept on one page, so one annotation covers it.
            EnsureSpace(lines.Count * lineHeight);
            Begin("P");
            var width = lines.Max(l => l.Width);
            _ops.Add(new BeginLinkOp(link, string.Concat(paragraph.Runs.Select(r => r.Text)), new XRect(Left, _y, Math.Min(width, ContentWidth), lines.Count * lineHeight)));
            FlowLines(lines, Left, lineHeight, Link);
            End();
            End();
            _y += BodySize * 0.6;
            return;
        }
        EnsureSpace(Math.Min(lines.Count, 2) * lineHeight);
        Begin("P");
        FlowLines(lines, Left, lineHeight, Ink);
        End();
        _y += BodySize * 0.6;
    }

    void BulletList(BulletList list)
    {
        if (list.Items.Count == 0)
            return;
        var style = new TextStyle(BodySize);
        var lineHeight = LineHeight(BodySize, BodyLeading);
        Begin("L");
        foreach (var item in list.Items)
        {
            var lines = TextWrapper.Wrap(_fonts, item, style, ContentWidth - ListIndent);
            EnsureSpace(lineHeight);
            Begin("LI");
            Begin("Lbl");
            DrawLine(new TextLine([new Segment("•", style, 0)], 0), Left + 3, _y, lineHeight, Ink);
            End();
            Begin("LBody");
            FlowLines(lines, Left + ListIndent, lineHeight, Ink);
            End();
            End();
            _y += 2;
        }
        End();
        _y += BodySize * 0.5;
    }

    void KeyValueList(KeyValueList list)
    {
        if (list.Items.Count == 0)
            return;
        var labelStyle = new TextStyle(BodySize, Bold: true);
        var valueStyle = new TextStyle(BodySize);
        var lineHeight = LineHeight(BodySize, BodyLeading);
        var labels = list.Items.Select(i => i.Key.EndsWith(':') ? i.Key : i.Key + ":").ToList();
        var labelWidth = Math.Min(labels.Max(l => _fonts.Width(labelStyle, l)) + 12, ContentWidth * 0.35);
        Begin("L");
        for (var i = 0; i < labels.Count; i++)
        {
            var labelLines = TextWrapper.Wrap(_fonts, labels[i], labelStyle, labelWidth - 12);
            var valueLines = TextWrapper.Wrap(_fonts, list.Items[i].Value, valueStyle, ContentWidth - labelWidth);
            EnsureSpace(Math.Max(labelLines.Count, Math.Min(valueLines.Count, 2)) * lineHeight);
            var top = _y;
            var page = _pages;
            Begin("LI");
            Begin("Lbl");
            for (var k = 0; k < labelLines.Count; k++)
                DrawLine(labelLines[k], Left, top + k * lineHeight, lineHeight, Ink);
            End();
            Begin("LBody");
            FlowLines(valueLines, Left + labelWidth, lineHeight, Ink);
            End();
            End();
            if (page == _pages)
                _y = Math.Max(_y, top + labelLines.Count * lineHeight);
            _y += 2;
        }
        End();
        _y += BodySize * 0.5;
    }

    void Table(Table table)
    {
        var fractions = table.Fractions();
        var columns = fractions.Length;
        var x = new double[columns];
        var widths = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = fractions[c] * ContentWidth;
            x[c] = c == 0 ? Left : x[c - 1] + widths[c - 1];
        }
        var headStyle = new TextStyle(TableSize, Bold: true);
        var bodyStyle = new TextStyle(TableSize);
        var lineHeight = LineHeight(TableSize, TableLeading);
        var captionStyle = new TextStyle(BodySize, Bold: true);
        var captionLineHeight = LineHeight(BodySize, 1.3);

        var captionLines = TextWrapper.Wrap(_fonts, table.Caption, captionStyle, ContentWidth);
        var header = table.Header.Select((h, c) => TextWrapper.Wrap(_fonts, h, headStyle, widths[c] - 2 * CellPadding)).ToArray();
        var headerHeight = RowHeight(header, lineHeight);
        var firstRowHeight = table.Rows.Count > 0 ? Math.Min(RowHeight(WrapRow(table.Rows[0]), lineHeight), 3 * lineHeight) : 0;

        EnsureSpace(10 + captionLines.Count * captionLineHeight + 3 + headerHeight + firstRowHeight);
        SpaceBefore(10);
        Begin("Table");
        if (captionLines.Count > 0)
        {
            Begin("Caption");
            Begin("P");
            FlowLines(captionLines, Left, captionLineHeight, Ink);
            End();
            End();
            _y += 3;
        }
        Begin("THead");
        DrawRow(header, [.. header.Select(_ => 0)], 1000, isHeader: true, tagged: true);
        End();

        Begin("TBody");
        var linesPerFreshPage = (int)Math.Floor((Bottom - Top - headerHeight - 2 * CellPadding) / lineHeight);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var link = table.RowLinks?[r];
            var cells = WrapRow(row);
            var offsets = new int[columns];
            var justContinued = false;
            while (true)
            {
                var remaining = cells.Select((l, c) => l.Count - offsets[c]).Max();
                var needed = Math.Max(remaining, 1);
                var available = (int)Math.Floor((Bottom - _y - 2 * CellPadding) / lineHeight);
                // Move a row that fits on a fresh page instead of splitting it; split only rows taller than a page.
                if (!justContinued && available < needed && (needed <= linesPerFreshPage || available < 2))
                {
                    ContinueTableOnNewPage(table.Caption, header, offsetsForHeader: columns);
                    justContinued = true;
                    continue;
                }
                var take = Math.Max(1, Math.Min(needed, available));
                DrawRow(cells, offsets, take, isHeader: false, tagged: true, link is null ? null : (table.LinkColumn, link, row[table.LinkColumn]));
                for (var c = 0; c < columns; c++)
                    offsets[c] = Math.Min(cells[c].Count, offsets[c] + take);
                if (cells.Select((l, c) => l.Count - offsets[c]).Max() <= 0)
                    break;
                // The rest of an over-long row continues as a further row on the next page.
                ContinueTableOnNewPage(table.Caption, header, offsetsForHeader: columns);
                justContinued = true;
            }
        }
        End();
        End();
        _y += BodySize * 0.8;

        List<TextLine>[] WrapRow(IReadOnlyList<string> row)
            => row.Select((text, c) => TextWrapper.Wrap(_fonts, text, bodyStyle, widths[c] - 2 * CellPadding)).ToArray();

        void ContinueTableOnNewPage(string caption, List<TextLine>[] headerCells, int offsetsForHeader)
        {
            NewPage();
            // The repeated header and the note are artifacts: a screen reader has read them already.
            _ops.Add(new BeginArtifactOp());
            if (caption.Length > 0)
            {
                var note = TextWrapper.Wrap(_fonts, caption + " (Fortsetzung)", new TextStyle(8.5, Italic: true), ContentWidth);
                foreach (var line in note)
                {
                    DrawLine(line, Left, _y, LineHeight(8.5, 1.3), Muted);
                    _y += LineHeight(8.5, 1.3);
                }
                _y += 2;
            }
            DrawRow(headerCells, new int[offsetsForHeader], 1000, isHeader: true, tagged: false);
            End();
        }

        void DrawRow(List<TextLine>[] cells, int[] offsets, int maxLines, bool isHeader, bool tagged, (int Column, string Uri, string Text)? link = null)
        {
            var lines = Math.Max(1, Math.Min(maxLines, cells.Select((l, c) => l.Count - offsets[c]).Max()));
            var height = lines * lineHeight + 2 * CellPadding;
            var top = _y;
            if (tagged)
                _ops.Add(new BeginArtifactOp());
            if (isHeader)
            {
                _ops.Add(new FillOp(new XRect(Left, top, ContentWidth, height), HeaderFill));
                _ops.Add(new LineOp(Left, top, Right, top, 0.8, StrongRule));
                _ops.Add(new LineOp(Left, top + height, Right, top + height, 0.8, StrongRule));
            }
            else
            {
                _ops.Add(new LineOp(Left, top + height, Right, top + height, 0.4, Rule));
            }
            if (tagged)
                End();

            if (tagged)
                Begin("TR");
            for (var c = 0; c < cells.Length; c++)
            {
                if (tagged)
                    _ops.Add(new BeginOp(isHeader ? "TH" : "TD", ColumnHeader: isHeader));
                var end = Math.Min(cells[c].Count, offsets[c] + lines);
                var linked = link is { } l && l.Column == c;
                if (linked)
                    _ops.Add(new BeginLinkOp(link!.Value.Uri, link.Value.Text, new XRect(x[c], top, widths[c], height)));
                for (var k = offsets[c]; k < end; k++)
                    DrawLine(cells[c][k], x[c] + CellPadding, top + CellPadding + (k - offsets[c]) * lineHeight, lineHeight, linked ? Link : Ink);
                if (linked)
                    End();
                if (tagged)
                    End();
            }
            if (tagged)
                End();
            _pageEmpty = false;
            _y = top + height;
        }
    }

    static double RowHeight(List<TextLine>[] cells, double lineHeight)
        => Math.Max(1, cells.Max(c => c.Count)) * lineHeight + 2 * CellPadding;

    void Figure(Figure figure)
    {
        var (pixelWidth, pixelHeight) = PngSize(figure.Png);
        var width = figure.WidthMm is { } mm ? mm * Mm : Math.Min(ContentWidth, pixelWidth * 0.75);
        width = Math.Min(width, ContentWidth);
        var height = width * pixelHeight / pixelWidth;
        var captionStyle = new TextStyle(9, Italic: true);
        var captionLineHeight = LineHeight(9, 1.3);
        var captionLines = figure.Caption is { Length: > 0 } caption ? TextWrapper.Wrap(_fonts, caption, captionStyle, ContentWidth) : [];
        var maxHeight = Bottom - Top - captionLines.Count * captionLineHeight - 8;
        if (height > maxHeight)
        {
            width *= maxHeight / height;
            height = maxHeight;
        }
        EnsureSpace(8 + height + 4 + captionLines.Count * captionLineHeight);
        SpaceBefore(8);
        var box = new XRect(Left, _y, width, height);
        _ops.Add(new BeginFigureOp(figure.AltText, box));
        _ops.Add(new ImageOp(figure.Png, box, figure.Pixelated));
        End();
        _pageEmpty = false;
        _y += height + 4;
        if (captionLines.Count > 0)
        {
            // A plain paragraph: inside the Figure a screen reader would skip it in favour of /Alt.
            Begin("P");
            FlowLines(captionLines, Left, captionLineHeight, Muted);
            End();
        }
        _y += BodySize * 0.8;
    }

    void BreakPage(PageBreak pageBreak)
    {
        if (!_pageEmpty)
        {
            // Two breaks in a row: the one that starts a new part wins.
            _breakStartsSection = _breakPending ? _breakStartsSection || !pageBreak.SameSection : !pageBreak.SameSection;
            _breakPending = true;
        }
    }

    // DIN 5008 (2020) in millimetres from the page's top-left corner; form A and B differ by the letterhead's height.
    const double AddressFieldLeftMm = 20;
    const double AddressFieldWidthMm = 85;
    const double AddressFieldHeightMm = 45;
    const double AddressInsetMm = 5;
    const double ReturnZoneMm = 5;
    const double RecipientZoneOffsetMm = 17.7;
    const double InfoBlockLeftMm = 125;

    /// <summary>The letterhead, the address field of a window envelope and the information block, at their DIN 5008 places.</summary>
    void LetterHead(LetterHead head)
    {
        if (!_pageEmpty)
            NewPage(startsSection: true);
        var fieldTop = head.AddressFieldTopMm * Mm;
        var textLeft = (AddressFieldLeftMm + AddressInsetMm) * Mm;
        var textWidth = (AddressFieldWidthMm - 2 * AddressInsetMm) * Mm;

        // Fold marks (DIN 5008: 87/192 mm for form A, 105/210 mm for form B) and the hole mark at 148.5 mm: artifacts.
        _ops.Add(new BeginArtifactOp());
        var fold = head.Form == LetterForm.A ? 87.0 : 105.0;
        foreach (var (y, length) in new[] { (fold, 5.0), (fold + 105, 5.0), (148.5, 7.0) })
            _ops.Add(new LineOp(3.5 * Mm, y * Mm, (3.5 + length) * Mm, y * Mm, 0.5, Muted));
        End();

        // The letterhead fills the space above the address field.
        var y0 = 10 * Mm;
        for (var i = 0; i < head.Letterhead.Count; i++)
        {
            var style = i == 0 ? new TextStyle(16, Bold: true) : new TextStyle(9.5);
            var lineHeight = LineHeight(style.Size, 1.25);
            var lines = TextWrapper.Wrap(_fonts, head.Letterhead[i], style, ContentWidth);
            Begin("P");
            foreach (var line in lines)
            {
                if (y0 + lineHeight > fieldTop - 1 * Mm)
                    break;
                DrawLine(line, Left, y0, lineHeight, Ink);
                y0 += lineHeight;
            }
            End();
        }

        // The return address on one line in the top 5 mm of the field, small, underlined as an artifact.
        if (head.ReturnAddress.Length > 0)
        {
            var style = new TextStyle(7);
            var line = TextWrapper.Wrap(_fonts, head.ReturnAddress, style, textWidth) is { Count: > 0 } wrapped ? wrapped[0] : null;
            if (line is not null)
            {
                var lineHeight = ReturnZoneMm * Mm * 0.8;
                Begin("P");
                DrawLine(line, textLeft, fieldTop + 0.3 * Mm, lineHeight, Ink);
                End();
                _ops.Add(new BeginArtifactOp());
                _ops.Add(new LineOp(textLeft, fieldTop + 0.3 * Mm + lineHeight, textLeft + Math.Min(line.Width, textWidth), fieldTop + 0.3 * Mm + lineHeight, 0.3, Muted));
                End();
            }
        }

        // The recipient in the address zone: six lines of 4.55 mm from 17.7 mm below the field's top.
        var recipientStyle = new TextStyle(10);
        var recipientLineHeight = (AddressFieldHeightMm - RecipientZoneOffsetMm) / Masterplan.Documents.LetterHead.MaxRecipientLines * Mm;
        var recipientLines = head.Recipient.SelectMany(r => TextWrapper.Wrap(_fonts, r, recipientStyle, textWidth)).Take(Masterplan.Documents.LetterHead.MaxRecipientLines).ToList();
        Begin("P");
        var ry = fieldTop + RecipientZoneOffsetMm * Mm;
        foreach (var line in recipientLines)
        {
            DrawLine(line, textLeft, ry, recipientLineHeight, Ink);
            ry += recipientLineHeight;
        }
        End();

        // The information block beside the field, from 5 mm below its top, as a list of label/value pairs.
        var infoBottom = 0.0;
        if (head.Info.Count > 0)
        {
            var infoLeft = InfoBlockLeftMm * Mm;
            var infoWidth = _page.Width - 10 * Mm - infoLeft;
            var labelStyle = new TextStyle(8, Bold: true);
            var valueStyle = new TextStyle(9);
            var iy = fieldTop + 5 * Mm;
            Begin("L");
            foreach (var (label, value) in head.Info)
            {
                Begin("LI");
                Begin("Lbl");
                foreach (var line in TextWrapper.Wrap(_fonts, label, labelStyle, infoWidth))
                {
                    DrawLine(line, infoLeft, iy, LineHeight(8, 1.3), Muted);
                    iy += LineHeight(8, 1.3);
                }
                End();
                Begin("LBody");
                foreach (var line in TextWrapper.Wrap(_fonts, value, valueStyle, infoWidth))
                {
                    DrawLine(line, infoLeft, iy, LineHeight(9, 1.3), Ink);
                    iy += LineHeight(9, 1.3);
                }
                End();
                End();
                iy += 1.5 * Mm;
            }
            End();
            infoBottom = iy;
        }

        // The text starts two blank lines (8.46 mm) below the address field, or below a longer information block.
        _y = Math.Max((head.AddressFieldTopMm + AddressFieldHeightMm + 8.46) * Mm, infoBottom + 4 * Mm);
        _pageEmpty = false;
    }

    /// <summary>A dashed rule across the text width (an artifact) with its label as a small paragraph below it.</summary>
    void CutLine(CutLine cut)
    {
        var style = new TextStyle(8, Italic: true);
        var lineHeight = LineHeight(8, 1.3);
        EnsureSpace(6 * Mm + lineHeight);
        SpaceBefore(4 * Mm);
        _ops.Add(new BeginArtifactOp());
        const double dash = 4, gap = 3;
        for (var x = Left; x < Right; x += dash + gap)
            _ops.Add(new LineOp(x, _y, Math.Min(x + dash, Right), _y, 0.6, Muted));
        End();
        _y += 1.5;
        Begin("P");
        foreach (var line in TextWrapper.Wrap(_fonts, cut.Label, style, ContentWidth))
        {
            DrawLine(line, Left, _y, lineHeight, Muted);
            _y += lineHeight;
        }
        End();
        _y += 2 * Mm;
    }

    /// <summary>Width and height from the PNG's IHDR chunk.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        if (png.Length < 24)
            throw new ArgumentException("The PNG is too short to have a header.", nameof(png));
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        return width > 0 && height > 0 ? (width, height) : throw new ArgumentException("The PNG has no size.", nameof(png));
    }
}
