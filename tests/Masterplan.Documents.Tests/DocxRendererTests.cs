using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Masterplan.Documents.Tests;

public class DocxRendererTests
{
    static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    [Theory]
    [InlineData(null)]
    [InlineData(FileFormatVersions.Office2010)]
    [InlineData(FileFormatVersions.Microsoft365)]
    public void Validates_without_errors(FileFormatVersions? version)
    {
        var document = Samples.Minutes() with
        {
            Blocks =
            [
                .. Samples.Minutes().Blocks, new PageBreak(), Samples.Measures(30),
                new LetterHead(LetterForm.B, ["Stadt Dortmund"], "Stadt Dortmund · Friedensplatz 1", ["Frau Ayşe Yılmaz", "Bayrische Str. 1", "44339 Dortmund"], [new("Datum", "05.12.2026")]),
                new PageBreak { SameSection = true }, new CutLine("Hier abtrennen"),
                .. Linked().Blocks,
            ],
        };
        using var word = Open(DocxRenderer.Render(document));

        var validator = version is { } v ? new OpenXmlValidator(v) : new OpenXmlValidator();
        var errors = validator.Validate(word).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    /// <summary>A paragraph and a table whose last column links to the pages behind the figures.</summary>
    internal static Document Linked() => new("Bericht", [
        new Paragraph("Seite: /massnahmen") { Link = "https://masterplan.example/massnahmen" },
        new Table("Maßnahmen nach Status", ["Status", "Anzahl", "Seite"], [["in Umsetzung", "12", "/massnahmen?status=InProgress"], ["geplant", "3", "–"]])
        {
            RowLinks = ["https://masterplan.example/massnahmen?status=InProgress", null], LinkColumn = 2,
        },
    ]);

    [Fact]
    public void Links_of_paragraphs_and_table_cells_are_hyperlinks_to_their_addresses()
    {
        using var word = Open(DocxRenderer.Render(Linked()));
        var main = word.MainDocumentPart!;
        var links = main.Document.Body!.Descendants<W.Hyperlink>().ToList();
        Assert.Equal(2, links.Count);
        var targets = links.Select(l => main.HyperlinkRelationships.Single(r => r.Id == l.Id).Uri.ToString()).ToList();
        Assert.Equal(["https://masterplan.example/massnahmen", "https://masterplan.example/massnahmen?status=InProgress"], targets);
        Assert.Equal("/massnahmen?status=InProgress", links[1].InnerText);
        Assert.All(links, l => Assert.Equal("Hyperlink", l.Descendants<W.RunStyle>().First().Val!.Value));
        Assert.Empty(main.Document.Body.Descendants<W.TableRow>().Last().Descendants<W.Hyperlink>());
    }

    [Fact]
    public void Headings_use_the_built_in_heading_styles_with_outline_levels()
    {
        using var word = Open(DocxRenderer.Render(Samples.Minutes()));

        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);
        for (var level = 1; level <= 3; level++)
        {
            var style = styles[$"Heading{level}"];
            Assert.Equal($"heading {level}", style.StyleName!.Val!.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }
        var body = word.MainDocumentPart.Document!.Body!;
        var headingTexts = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value, p.InnerText)).ToList();
        Assert.Equal(("Heading1", "Niederschrift der 3. Sitzung des Lenkungskreises"), headingTexts[0]);
        Assert.Contains(("Heading3", "TOP 1: Begrüßung"), headingTexts);
    }

    [Fact]
    public void Table_has_a_caption_and_a_header_row_that_repeats()
    {
        using var word = Open(DocxRenderer.Render(new Document("Übersicht", [Samples.Measures(80)])));

        var table = Assert.Single(word.MainDocumentPart!.Document!.Body!.Elements<W.Table>());
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.Equal(81, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<W.TableHeader>()));
        Assert.Equal(["Nr.", "Maßnahme", "Sachstand", "Zuständig"], rows[0].Elements<W.TableCell>().Select(c => c.InnerText));
        var caption = (W.Paragraph)table.PreviousSibling()!;
        Assert.Equal("Maßnahmen im Handlungsfeld Straßenräume", caption.InnerText);
        Assert.Equal("Caption", caption.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.NotNull(caption.ParagraphProperties.KeepNext);
        // Column widths follow the ratios 1 : 4 : 3 : 2.
        var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(grid[1] / (double)grid[0], 3.9, 4.1);
    }

    [Fact]
    public void Figure_carries_its_alt_text_and_metadata_the_title_and_language()
    {
        using var word = Open(DocxRenderer.Render(Samples.Minutes()));

        var docPr = word.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single();
        Assert.Equal(Samples.ChartAlt, docPr.Description!.Value);
        Assert.Single(word.MainDocumentPart.ImageParts);
        Assert.Equal("Niederschrift der 3. Sitzung des Lenkungskreises", word.PackageProperties.Title);
        Assert.Equal("de-DE", word.PackageProperties.Language);
        Assert.Equal("Stadt Dortmund, Geschäftsstelle Masterplan", word.PackageProperties.Creator);
        var defaults = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("de-DE", defaults.GetFirstChild<W.Languages>()!.Val!.Value);
    }

    [Fact]
    public void Lists_key_values_header_and_page_numbers_are_there()
    {
        using var word = Open(DocxRenderer.Render(Samples.Minutes()));

        var body = word.MainDocumentPart!.Document!.Body!;
        var bullets = body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(3, bullets.Count);
        Assert.NotNull(word.MainDocumentPart.NumberingDefinitionsPart);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == "Ort:Rathaus, Friedensplatz 1, Saal Westfalen");
        Assert.Contains("Lenkungskreis Masterplan Kommunale Sicherheit", word.MainDocumentPart.HeaderParts.Single().Header!.InnerText);
        var fields = word.MainDocumentPart.FooterParts.Single().Footer!.Descendants<W.SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ToList();
        Assert.Equal(["PAGE", "NUMPAGES"], fields);
    }

    [Fact]
    public void Control_characters_from_pasted_text_do_not_break_the_file()
    {
        var bytes = DocxRenderer.Render(new Document("Test\u0001", [new Paragraph("Text mit \u0007 Steuerzeichen \u000B und Emoji 🚲")]));

        using var word = Open(bytes);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(word));
        Assert.Contains("Emoji 🚲", word.MainDocumentPart!.Document!.Body!.InnerText);
    }
}
