using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Masterplan.Documents;

/// <summary>Renders a <see cref="Document"/> as an editable Word file (DOCX, Office Open XML).</summary>
/// <remarks>
/// Headings use Word's built-in styles Heading1–Heading3 (with outline levels, so the navigation pane and a
/// table of contents work), lists a bullet numbering, tables the style TableGrid with a header row that
/// repeats on every page (w:tblHeader) and a caption paragraph (style Caption) kept with the table; pictures carry their alt text in wp:docPr/@descr. Title, author, subject and language are
/// in the core properties, the language also in the default run properties for spelling and read-aloud.
/// The result validates against <c>OpenXmlValidator</c>.
/// </remarks>
public static class DocxRenderer
{
    // A4 and margins in twentieths of a point; the same page as the PDF.
    const int PageWidth = 11906;
    const int PageHeight = 16838;
    const int MarginLeft = 1417;
    const int MarginRight = 1134;
    const int ContentWidth = PageWidth - MarginLeft - MarginRight;
    const long EmuPerTwip = 635;
    const string FontName = "Arial";

    /// <summary>Renders the document and returns the DOCX file's bytes.</summary>
    public static byte[] Render(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = Clean(document.Title);
            word.PackageProperties.Language = document.Language;
            word.PackageProperties.Creator = document.Author is { } author ? Clean(author) : null;
            word.PackageProperties.Subject = document.Subject is { } subject ? Clean(subject) : null;

            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(document.Language);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            main.AddNewPart<DocumentSettingsPart>().Settings = new W.Settings(
                new W.Compatibility(new W.CompatibilitySetting
                {
                    Name = W.CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));

            var body = new W.Body();
            var context = new Context(main);
            foreach (var block in document.Blocks)
            {
                foreach (var element in Blocks(block, context))
                    body.Append(element);
            }
            body.Append(Section(main, document));
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    sealed class Context(MainDocumentPart main)
    {
        public MainDocumentPart Main { get; } = main;
        public uint NextDrawingId { get; set; } = 1;
    }

    static IEnumerable<OpenXmlElement> Blocks(Block block, Context context) => block switch
    {
        Heading h => [StyledParagraph("Heading" + h.Level, TextRuns(h.Text))],
        Paragraph p => [new W.Paragraph(Linked(context, p.Link, p.Runs.SelectMany(r => TextRuns(r.Text, r.Bold, r.Italic))))],
        BulletList l => l.Items.Select(item => new W.Paragraph(TextRuns(item).Prepend<OpenXmlElement>(
            new W.ParagraphProperties(
                new W.ParagraphStyleId { Val = "ListParagraph" },
                new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 }))))),
        KeyValueList k => KeyValues(k),
        Table t => Table(t, context),
        Figure f => Figure(f, context),
        PageBreak => [new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page }))],
        // Word lays the letter head out as plain paragraphs: the window positions are the PDF's (the letters are printed from it).
        LetterHead h => h.Letterhead.Select(l => (OpenXmlElement)new W.Paragraph(TextRuns(l)))
            .Append(new W.Paragraph(TextRuns(h.ReturnAddress)))
            .Append(new W.Paragraph(TextRuns(string.Join("\n", h.Recipient))))
            .Concat(KeyValues(new KeyValueList(h.Info))),
        CutLine c => [new W.Paragraph(TextRuns("- - - - - - - - " + c.Label + " - - - - - - - -", italic: true))],
        _ => throw new NotSupportedException($"Unknown block {block.GetType().Name}."),
    };

    static W.Paragraph StyledParagraph(string styleId, IEnumerable<OpenXmlElement> runs, bool keepNext = false)
    {
        var properties = new W.ParagraphProperties(new W.ParagraphStyleId { Val = styleId });
        if (keepNext)
            properties.Append(new W.KeepNext());
        return new W.Paragraph(runs.Prepend<OpenXmlElement>(properties));
    }

    /// <summary>Runs for a text; line feeds become line breaks.</summary>
    static IEnumerable<W.Run> TextRuns(string text, bool bold = false, bool italic = false)
    {
        var lines = Clean(text).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var run = new W.Run();
        if (bold || italic)
        {
            var properties = new W.RunProperties();
            if (bold)
                properties.Append(new W.Bold());
            if (italic)
                properties.Append(new W.Italic());
            run.Append(properties);
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new W.Break());
            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        yield return run;
    }

    /// <summary>The runs inside a hyperlink to <paramref name="link"/> (an external relationship of the document), or as they are without one.</summary>
    static IEnumerable<OpenXmlElement> Linked(Context context, string? link, IEnumerable<W.Run> runs)
    {
        if (link is null)
            return runs;
        var relationship = context.Main.AddHyperlinkRelationship(new Uri(link, UriKind.Absolute), isExternal: true);
        var styled = runs.Select(r =>
        {
            var properties = r.RunProperties ?? r.PrependChild(new W.RunProperties());
            properties.PrependChild(new W.RunStyle { Val = "Hyperlink" }); // rStyle comes first in w:rPr
            return r;
        });
        return [new W.Hyperlink(styled) { Id = relationship.Id, History = true }];
    }

    static IEnumerable<OpenXmlElement> KeyValues(KeyValueList list)
    {
        // Label, tab, value with a hanging indent: wrapped values stay in their column, no layout table needed.
        const int labelWidth = 2835;
        foreach (var (label, value) in list.Items)
        {
            yield return new W.Paragraph(
                new W.ParagraphProperties(
                    new W.Tabs(new W.TabStop { Val = W.TabStopValues.Left, Position = labelWidth }),
                    new W.SpacingBetweenLines { After = "60" },
                    new W.Indentation { Left = labelWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = labelWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                new W.Run(new W.RunProperties(new W.Bold()), new W.Text(Clean(label.EndsWith(':') ? label : label + ":"))),
                new W.Run(new W.TabChar()),
                TextRuns(value).Single());
        }
    }

    static IEnumerable<OpenXmlElement> Table(Table table, Context context)
    {
        var widths = table.Fractions().Select(f => (int)Math.Round(f * ContentWidth)).ToArray();
        if (table.Caption.Length > 0)
            yield return StyledParagraph("Caption", TextRuns(table.Caption), keepNext: true);

        var properties = new W.TableProperties(
            new W.TableStyle { Val = "TableGrid" },
            new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" },
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            // The bit mask form only (first row formatted): the named attributes and w:tblCaption are Office 2010
            // additions that the default (Office 2007) schema validation rejects.
            new W.TableLook { Val = "0620" });

        var grid = new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var result = new W.Table(properties, grid);
        // The header row repeats at the top of every page and is never split; body rows may break across pages.
        result.Append(Row(context, table.Header, widths, header: true));
        for (var r = 0; r < table.Rows.Count; r++)
            result.Append(Row(context, table.Rows[r], widths, header: false, table.RowLinks?[r] is { } link ? (table.LinkColumn, link) : null));
        yield return result;
        // Word needs a paragraph between a table and what follows; it also gives the table room.
        yield return new W.Paragraph(new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0" }));
    }

    static W.TableRow Row(Context context, IReadOnlyList<string> cells, int[] widths, bool header, (int Column, string Uri)? link = null)
    {
        var row = new W.TableRow();
        if (header)
            row.Append(new W.TableRowProperties(new W.CantSplit(), new W.TableHeader()));
        for (var c = 0; c < cells.Count; c++)
        {
            var cellProperties = new W.TableCellProperties(new W.TableCellWidth { Type = W.TableWidthUnitValues.Dxa, Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (header)
                cellProperties.Append(new W.Shading { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = "E8E8E8" });
            var runs = TextRuns(cells[c], bold: header);
            row.Append(new W.TableCell(cellProperties, StyledParagraph("TableText", link is { } l && l.Column == c ? Linked(context, l.Uri, runs) : runs)));
        }
        return row;
    }

    static IEnumerable<OpenXmlElement> Figure(Figure figure, Context context)
    {
        var imagePart = context.Main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(figure.Png, writable: false))
            imagePart.FeedData(data);
        var relationshipId = context.Main.GetIdOfPart(imagePart);

        var (pixelWidth, pixelHeight) = PdfLayout.PngSize(figure.Png);
        var maxWidth = ContentWidth * EmuPerTwip;
        var cx = figure.WidthMm is { } mm ? (long)(mm * 36000) : Math.Min(maxWidth, pixelWidth * 9525L);
        cx = Math.Min(cx, maxWidth);
        var cy = (long)(cx * (double)pixelHeight / pixelWidth);
        var id = context.NextDrawingId++;
        var alt = Clean(figure.AltText);

        var drawing = new W.Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Abbildung {id}", Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0, Name = $"abbildung{id}.png", Description = alt },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });

        yield return new W.Paragraph(
            new W.ParagraphProperties(new W.KeepNext()),
            new W.Run(drawing));
        if (figure.Caption is { Length: > 0 } caption)
            yield return StyledParagraph("Caption", TextRuns(caption));
    }

    static W.SectionProperties Section(MainDocumentPart main, Document document)
    {
        var section = new W.SectionProperties();
        if (document.HeaderText is { Length: > 0 } || document.Watermark is { Length: > 0 })
        {
            var headerPart = main.AddNewPart<HeaderPart>();
            headerPart.Header = new W.Header();
            if (document.HeaderText is { Length: > 0 } headerText)
                headerPart.Header.Append(StyledParagraph("Header", TextRuns(headerText)));
            // The watermark heads every page, large and grey, where a reader of the Word file cannot miss it.
            if (document.Watermark is { Length: > 0 } watermark)
                headerPart.Header.Append(new W.Paragraph(
                    new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Header" }, new W.Justification { Val = W.JustificationValues.Center }),
                    new W.Run(new W.RunProperties(new W.Bold(), new W.Color { Val = "8C8C8C" }, new W.FontSize { Val = "56" }),
                        new W.Text(Clean(watermark)))));
            section.Append(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) });
        }
        var footerPart = main.AddNewPart<FooterPart>();
        footerPart.Footer = new W.Footer(new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Footer" }, new W.Justification { Val = W.JustificationValues.Right }),
            new W.Run(new W.Text("Seite ") { Space = SpaceProcessingModeValues.Preserve }),
            new W.SimpleField(new W.Run(new W.Text("1"))) { Instruction = " PAGE " },
            new W.Run(new W.Text(" von ") { Space = SpaceProcessingModeValues.Preserve }),
            new W.SimpleField(new W.Run(new W.Text("1"))) { Instruction = " NUMPAGES " }));
        section.Append(new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) });
        section.Append(new W.PageSize { Width = PageWidth, Height = PageHeight });
        section.Append(new W.PageMargin { Top = 1417, Right = MarginRight, Bottom = 1247, Left = MarginLeft, Header = 624, Footer = 567, Gutter = 0 });
        return section;
    }

    static W.Styles Styles(string language)
    {
        var styles = new W.Styles(
            new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    new W.RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new W.FontSize { Val = "21" },
                    new W.FontSizeComplexScript { Val = "21" },
                    new W.Languages { Val = language })),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(
                    new W.SpacingBetweenLines { After = "120", Line = "300", LineRule = W.LineSpacingRuleValues.Auto }))));

        styles.Append(new W.Style(
            new W.StyleName { Val = "Normal" },
            new W.PrimaryStyle())
        { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true });

        // Built-in names ("heading 1") make Word treat these as its own heading styles.
        var headings = new[] { (1, 36, 360), (2, 28, 280), (3, 24, 200) };
        foreach (var (level, size, before) in headings)
        {
            styles.Append(new W.Style(
                new W.StyleName { Val = $"heading {level}" },
                new W.BasedOn { Val = "Normal" },
                new W.NextParagraphStyle { Val = "Normal" },
                new W.UIPriority { Val = 9 },
                new W.PrimaryStyle(),
                new W.StyleParagraphProperties(
                    new W.KeepNext(),
                    new W.KeepLines(),
                    new W.SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "120" },
                    new W.OutlineLevel { Val = level - 1 }),
                new W.StyleRunProperties(
                    new W.Bold(),
                    new W.BoldComplexScript(),
                    new W.FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new W.FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            { Type = W.StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }

        styles.Append(new W.Style(
            new W.StyleName { Val = "caption" },
            new W.BasedOn { Val = "Normal" },
            new W.NextParagraphStyle { Val = "Normal" },
            new W.UIPriority { Val = 35 },
            new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { Before = "120", After = "60" }),
            new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "20" }))
        { Type = W.StyleValues.Paragraph, StyleId = "Caption" });

        styles.Append(new W.Style(
            new W.StyleName { Val = "List Paragraph" },
            new W.BasedOn { Val = "Normal" },
            new W.UIPriority { Val = 34 },
            new W.PrimaryStyle(),
            new W.StyleParagraphProperties(
                new W.SpacingBetweenLines { After = "60" },
                new W.Indentation { Left = "720" }))
        { Type = W.StyleValues.Paragraph, StyleId = "ListParagraph" });

        styles.Append(new W.Style(
            new W.StyleName { Val = "Table Text" },
            new W.BasedOn { Val = "Normal" },
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { Before = "20", After = "20", Line = "252", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.StyleRunProperties(new W.FontSize { Val = "18" }, new W.FontSizeComplexScript { Val = "18" }))
        { Type = W.StyleValues.Paragraph, StyleId = "TableText", CustomStyle = true });

        // Word's built-in character style for links, defined here so the document does not depend on Word's defaults.
        styles.Append(new W.Style(
            new W.StyleName { Val = "Hyperlink" },
            new W.UIPriority { Val = 99 },
            new W.StyleRunProperties(new W.Color { Val = "0A4F8A" }, new W.Underline { Val = W.UnderlineValues.Single }))
        { Type = W.StyleValues.Character, StyleId = "Hyperlink" });

        foreach (var (id, name) in new[] { ("Header", "header"), ("Footer", "footer") })
        {
            styles.Append(new W.Style(
                new W.StyleName { Val = name },
                new W.BasedOn { Val = "Normal" },
                new W.UIPriority { Val = 99 },
                new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "0" }),
                new W.StyleRunProperties(new W.Color { Val = "555555" }, new W.FontSize { Val = "17" }))
            { Type = W.StyleValues.Paragraph, StyleId = id });
        }

        var border = (Func<OpenXmlElement, OpenXmlElement>)(b =>
        {
            var e = (W.BorderType)b;
            e.Val = W.BorderValues.Single;
            e.Size = 4;
            e.Space = 0;
            e.Color = "8C8C8C";
            return e;
        });
        styles.Append(new W.Style(
            new W.StyleName { Val = "Table Grid" },
            new W.BasedOn { Val = "TableNormal" },
            new W.UIPriority { Val = 39 },
            new W.StyleTableProperties(
                new W.TableBorders(
                    border(new W.TopBorder()), border(new W.LeftBorder()), border(new W.BottomBorder()),
                    border(new W.RightBorder()), border(new W.InsideHorizontalBorder()), border(new W.InsideVerticalBorder())),
                new W.TableCellMarginDefault(
                    new W.TopMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellLeftMargin { Width = 80, Type = W.TableWidthValues.Dxa },
                    new W.BottomMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellRightMargin { Width = 80, Type = W.TableWidthValues.Dxa })))
        { Type = W.StyleValues.Table, StyleId = "TableGrid" });

        styles.Append(new W.Style(
            new W.StyleName { Val = "Normal Table" },
            new W.UIPriority { Val = 99 },
            new W.SemiHidden(),
            new W.UnhideWhenUsed(),
            new W.StyleTableProperties(
                new W.TableIndentation { Width = 0, Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellMarginDefault(
                    new W.TopMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellLeftMargin { Width = 108, Type = W.TableWidthValues.Dxa },
                    new W.BottomMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellRightMargin { Width = 108, Type = W.TableWidthValues.Dxa })))
        { Type = W.StyleValues.Table, StyleId = "TableNormal", Default = true });
        return styles;
    }

    static W.Numbering Numbering() => new(
        new W.AbstractNum(
            new W.MultiLevelType { Val = W.MultiLevelValues.SingleLevel },
            new W.Level(
                new W.StartNumberingValue { Val = 1 },
                new W.NumberingFormat { Val = W.NumberFormatValues.Bullet },
                new W.LevelText { Val = "•" },
                new W.LevelJustification { Val = W.LevelJustificationValues.Left },
                new W.PreviousParagraphProperties(new W.Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new W.NumberingInstance(new W.AbstractNumId { Val = 1 }) { NumberID = 1 });

    /// <summary>Drops characters that XML 1.0 cannot carry (control characters from pasted text).</summary>
    static string Clean(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
                return new string(text.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)).ToArray());
        }
        return text;
    }
}
