using UglyToad.PdfPig.Tokens;

namespace Masterplan.Documents.Tests;

public class PdfRendererTests
{
    [Fact]
    public void Text_comes_back_with_headings_and_umlauts()
    {
        var bytes = Samples.Pdf(Samples.Minutes());

        using var pdf = new PdfStructure(bytes);
        var text = string.Join("\n", pdf.Document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Niederschrift der 3. Sitzung des Lenkungskreises", text);
        Assert.Contains("TOP 1: Begrüßung", text);
        Assert.Contains("Rathaus, Friedensplatz 1, Saal Westfalen", text);
        Assert.Contains("Größere Änderungen gibt es nicht.", text);
        Assert.Contains("Ayşe Özdemir", text);
        Assert.Contains("Jürgen Müller", text);
        Assert.Contains("Seite 1 von 1", text);
        Assert.Contains("Lenkungskreis Masterplan Kommunale Sicherheit", text);
    }

    [Fact]
    public void Catalog_declares_a_tagged_document_in_German_with_its_title()
    {
        using var pdf = new PdfStructure(Samples.Pdf(Samples.Minutes()));

        var markInfo = (DictionaryToken)pdf.Get(pdf.Catalog, "MarkInfo")!;
        Assert.True(((BooleanToken)pdf.Get(markInfo, "Marked")!).Data);
        Assert.NotNull(pdf.Get(pdf.Catalog, "StructTreeRoot"));
        Assert.Equal("de-DE", ((StringToken)pdf.Get(pdf.Catalog, "Lang")!).Data);
        var viewer = (DictionaryToken)pdf.Get(pdf.Catalog, "ViewerPreferences")!;
        Assert.True(((BooleanToken)pdf.Get(viewer, "DisplayDocTitle")!).Data);
        Assert.Equal("Niederschrift der 3. Sitzung des Lenkungskreises", pdf.Document.Information.Title);
        Assert.Equal("Stadt Dortmund, Geschäftsstelle Masterplan", pdf.Document.Information.Author);
    }

    [Fact]
    public void Metadata_identify_PDF_UA_and_carry_the_title()
    {
        using var pdf = new PdfStructure(Samples.Pdf(Samples.Minutes()));

        Assert.True(pdf.Document.TryGetXmpMetadata(out var xmp));
        // Decoded here as UTF-8 (XMP in PDF is UTF-8); PdfPig's GetXDocument misreads the umlauts.
        var xml = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()).TrimStart('\uFEFF'));
        System.Xml.Linq.XNamespace pdfuaid = "http://www.aiim.org/pdfua/ns/id/";
        System.Xml.Linq.XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal("1", xml.Descendants(pdfuaid + "part").Single().Value);
        Assert.Equal("Niederschrift der 3. Sitzung des Lenkungskreises", xml.Descendants(dc + "title").Single().Value.Trim());
        Assert.Equal("Stadt Dortmund, Geschäftsstelle Masterplan", xml.Descendants(dc + "creator").Single().Value.Trim());
    }

    [Fact]
    public void Structure_tree_has_headings_lists_table_cells_and_the_figure_with_its_alt_text()
    {
        using var pdf = new PdfStructure(Samples.Pdf(Samples.Minutes()));

        var elements = pdf.Elements();
        var types = elements.Select(e => e.Type).ToHashSet();
        foreach (var expected in new[] { "Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure", "Caption" })
            Assert.Contains(expected, types);
        var figure = Assert.Single(elements, e => e.Type == "Figure");
        Assert.Equal(Samples.ChartAlt, figure.Alt);
        Assert.Equal(3, elements.Count(e => e.Type == "TH"));
        Assert.Equal(6, elements.Count(e => e.Type == "TD"));
        // Headings come in document order.
        var headings = elements.Where(e => e.Type.StartsWith('H') && e.Type.Length == 2).Select(e => e.Type).ToList();
        Assert.Equal(["H1", "H2", "H3"], headings);
    }

    [Fact]
    public void Links_are_annotations_with_their_address_inside_Link_elements_of_the_structure_tree()
    {
        using var pdf = new PdfStructure(Samples.Pdf(DocxRendererTests.Linked()));

        var annotations = pdf.Document.GetPage(1).GetAnnotations().Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link).ToList();
        Assert.Equal(2, annotations.Count);
        var uris = annotations.Select(a => a.Action is UglyToad.PdfPig.Actions.UriAction u ? u.Uri : null).ToList();
        Assert.Equal(["https://masterplan.example/massnahmen", "https://masterplan.example/massnahmen?status=InProgress"], uris);
        Assert.All(annotations, a => Assert.False(string.IsNullOrEmpty(a.Content)));
        // Each link annotation is owned by a Link element (PDF/UA 7.18.5), in the paragraph and in the table cell.
        var elements = pdf.Elements();
        Assert.Equal(2, elements.Count(e => e.Type == "Link"));
        // The link rectangle lies over the cell's text.
        var text = pdf.Document.GetPage(1).GetWords().Single(w => w.Text.StartsWith("/massnahmen?status", StringComparison.Ordinal));
        Assert.Contains(annotations, a => a.Rectangle.Left <= text.BoundingBox.Left && a.Rectangle.Right >= text.BoundingBox.Right
            && a.Rectangle.Bottom <= text.BoundingBox.Bottom && a.Rectangle.Top >= text.BoundingBox.Top);
    }

    [Fact]
    public void Fonts_are_embedded()
    {
        using var pdf = new PdfStructure(Samples.Pdf(Samples.Minutes()));

        var page = pdf.Document.GetPage(1);
        // A subset's name starts with a six-letter tag ("ABCDEF+DejaVu Sans").
        Assert.All(page.Letters, l => Assert.Matches(@"^[A-Z]{6}\+DejaVu Sans", l.FontName));
        var raw = System.Text.Encoding.Latin1.GetString(Samples.Pdf(Samples.Minutes()));
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_table_continues_on_the_next_pages_with_the_header_repeated()
    {
        var document = new Document("Sachstandsübersicht", [new Heading(1, "Sachstandsübersicht"), Samples.Measures(120)]);

        using var pdf = new PdfStructure(Samples.Pdf(document));

        Assert.True(pdf.Document.NumberOfPages >= 3);
        var pageTwo = string.Join(" ", pdf.Document.GetPage(2).GetWords().Select(w => w.Text));
        Assert.Contains("Maßnahme", pageTwo);
        Assert.Contains("Sachstand", pageTwo);
        Assert.Contains("Zuständig", pageTwo);
        Assert.Contains("(Fortsetzung)", pageTwo);
        var number = System.Text.RegularExpressions.Regex.Match(pageTwo, @"M-(\d{3})");
        Assert.True(number.Success, pageTwo);
        Assert.True(int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.Contains($"Seite 2 von {pdf.Document.NumberOfPages}", pageTwo);

        var all = string.Join(" ", pdf.Document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        for (var i = 1; i <= 120; i++)
            Assert.Contains($"M-{i:000}", all);
        // The repeated headers are artifacts: the structure has one header row and 120 body rows.
        var elements = pdf.Elements();
        Assert.Equal(4, elements.Count(e => e.Type == "TH"));
        Assert.Equal(121, elements.Count(e => e.Type == "TR"));
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_without_losing_text()
    {
        var words = Enumerable.Range(1, 900).Select(i => $"wort{i}").ToList();
        var document = new Document("Lang", [new Table("Lange Zelle", ["A", "B"], [["kurz", string.Join(' ', words)]])]);

        using var pdf = new PdfStructure(Samples.Pdf(document));

        Assert.True(pdf.Document.NumberOfPages >= 2);
        var extracted = pdf.Document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        Assert.All(words, w => Assert.Contains(w, extracted));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_not_lost()
    {
        var word = string.Concat(Enumerable.Repeat("Straßenraumgestaltung", 12));
        using var pdf = new PdfStructure(Samples.Pdf(new Document("Wort", [new Paragraph(word)])));

        var letters = string.Concat(pdf.Document.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains(word, letters);
        Assert.All(pdf.Document.GetPage(1).Letters, l => Assert.True(l.BoundingBox.Right <= 595.3 - 56, $"{l.Value} at {l.BoundingBox.Right}"));
    }

    [Fact]
    public void Letters_get_one_page_per_person_with_the_registration_code_and_its_QR_code()
    {
        var people = new[] { ("Frau Ayşe Yılmaz", "K7Q-4MZ"), ("Herrn Jörg Weiß", "P2X-9RT"), ("Frau Dr. Eva Schäfer", "H5N-3WB") };
        var blocks = new List<Block>();
        foreach (var (name, code) in people)
        {
            blocks.Add(new Heading(1, "Einladung zum Quartierslabor Nordstadt"));
            blocks.Add(new Paragraph($"Guten Tag {name},"));
            blocks.Add(new Paragraph("Sie wurden per Los für das Quartierslabor ausgewählt. Bitte melden Sie sich mit Ihrem persönlichen Code an."));
            blocks.Add(KeyValueList.Of(("Anmeldecode", code), ("Anmeldung", "https://masterplan.dortmund.de/anmeldung")));
            blocks.Add(new Figure(QrCode.Png($"https://masterplan.dortmund.de/anmeldung?code={code}"), $"QR-Code zur Anmeldung mit dem Code {code}") { WidthMm = 40 });
            blocks.Add(new PageBreak());
        }

        using var pdf = new PdfStructure(Samples.Pdf(new Document("Einladungen Quartierslabor Nordstadt", blocks)));

        Assert.Equal(3, pdf.Document.NumberOfPages);
        for (var i = 0; i < people.Length; i++)
        {
            var page = pdf.Document.GetPage(i + 1);
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains(people[i].Item2, text);
            Assert.Contains(people[i].Item1, text);
            Assert.Single(page.GetImages());
        }
        Assert.Equal(3, pdf.Elements().Count(e => e.Type == "Figure" && e.Alt!.StartsWith("QR-Code", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(LetterForm.A, 27.0)]
    [InlineData(LetterForm.B, 45.0)]
    public void A_letter_head_puts_the_address_in_the_DIN_5008_window_tagged_and_a_same_section_break_keeps_the_page_count(LetterForm form, double fieldTopMm)
    {
        const double mm = 72 / 25.4;
        Block[] Letter(string name) =>
        [
            new LetterHead(form, ["Stadt Dortmund", "Ordnungsamt"], "Stadt Dortmund · Friedensplatz 1 · 44135 Dortmund", [name, "Bayrische Str. 1", "44339 Dortmund"],
                [new("Ihr Kontakt", "Team Quartierslabore"), new("Datum", "05.12.2026")]),
            new Heading(2, "Einladung"),
            new Paragraph("Guten Tag,"),
            new PageBreak { SameSection = true },
            new Paragraph("Seite zwei des Briefes."),
            new CutLine("Hier abtrennen und zurückschicken"),
            new Paragraph("Antwort"),
            new PageBreak(),
        ];
        using var pdf = new PdfStructure(Samples.Pdf(new Document("Briefe", [.. Letter("Ayşe Yılmaz"), .. Letter("Jörg Weiß")]) { NumberPagesPerSection = true }));

        Assert.Equal(4, pdf.Document.NumberOfPages);
        string Text(int n) => string.Join(" ", pdf.Document.GetPage(n).GetWords().Select(w => w.Text));
        Assert.Contains("Seite 1 von 2", Text(1));
        Assert.Contains("Seite 2 von 2", Text(2));
        Assert.Contains("Seite 1 von 2", Text(3));
        Assert.Contains("Jörg Weiß", Text(3));
        foreach (var n in new[] { 1, 3 })
        {
            var page = pdf.Document.GetPage(n);
            var top = (double y) => (page.Height - y) / mm;
            var street = page.GetWords().Single(w => w.Text == "Bayrische").BoundingBox;
            Assert.InRange(street.Left / mm, 20, 105);
            Assert.InRange(top(street.Top), fieldTopMm + 17.7, fieldTopMm + 45);
            var back = page.GetWords().Single(w => w.Text == "Friedensplatz").BoundingBox;
            Assert.InRange(top(back.Top), fieldTopMm, fieldTopMm + 5);
            Assert.InRange(top(back.Bottom), fieldTopMm, fieldTopMm + 5);
            var contact = page.GetWords().First(w => w.Text == "Ihr").BoundingBox;
            Assert.InRange(contact.Left / mm, 124.9, 126); // the information block at 125 mm
        }

        // Everything is tagged: letterhead, return address and recipient as paragraphs, the information block as a list.
        var elements = pdf.Elements().Select(e => e.Type).ToList();
        Assert.True(elements.Count(t => t == "P") >= 10, string.Join(",", elements));
        Assert.Contains("L", elements);
        Assert.Contains("Lbl", elements);
        Assert.Contains("Hier abtrennen und zurückschicken", Text(2));
    }

    [Fact]
    public void A_letter_head_refuses_more_address_lines_than_the_window_shows() =>
        Assert.Throws<ArgumentException>(() => new LetterHead(LetterForm.B, ["Stadt"], "Stadt", ["1", "2", "3", "4", "5", "6", "7"], []));

    [Fact]
    public void Letters_numbered_per_section_restart_at_every_page_break()
    {
        // A long first letter (two pages) and a short second one (one page): "Seite 1 von 2", "Seite 2 von 2", "Seite 1 von 1".
        var blocks = new List<Block> { new Heading(1, "Brief eins") };
        blocks.AddRange(Enumerable.Range(1, 60).Select(i => new Paragraph($"Absatz {i} des ersten Briefes, lang genug, dass der Brief zwei Seiten füllt.")));
        blocks.Add(new PageBreak());
        blocks.Add(new Heading(1, "Brief zwei"));
        blocks.Add(new Paragraph("Kurz."));
        blocks.Add(new PageBreak());

        using var pdf = new PdfStructure(Samples.Pdf(new Document("Briefe", blocks) { NumberPagesPerSection = true }));

        Assert.Equal(3, pdf.Document.NumberOfPages);
        string Page(int n) => string.Join(" ", pdf.Document.GetPage(n).GetWords().Select(w => w.Text));
        Assert.Contains("Seite 1 von 2", Page(1));
        Assert.Contains("Seite 2 von 2", Page(2));
        Assert.Contains("Seite 1 von 1", Page(3));
        Assert.DoesNotContain("von 3", Page(3));
    }

    [Fact]
    public async Task Renders_in_parallel_as_a_web_server_would()
    {
        var documents = Enumerable.Range(1, 6).Select(i => new Document($"Dokument {i}", [new Heading(1, $"Überschrift {i}"), Samples.Measures(20 * i)])).ToList();

        var results = await Task.WhenAll(documents.Select(d => Task.Run(() => Samples.Pdf(d))));

        for (var i = 0; i < results.Length; i++)
        {
            using var pdf = new PdfStructure(results[i]);
            var text = string.Join(" ", pdf.Document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains($"Überschrift {i + 1}", text);
            Assert.Contains($"M-{20 * (i + 1):000}", text);
        }
    }

    [Fact]
    public void Missing_font_files_name_the_package()
    {
        var error = Assert.Throws<FileNotFoundException>(() => DejaVuFonts.Load("DejaVuSans.ttf", "/nonexistent/fonts"));

        Assert.Contains("fonts-dejavu-core", error.Message);
    }

    [Fact]
    public void Empty_document_renders_one_page()
    {
        using var pdf = new PdfStructure(Samples.Pdf(new Document("Leer", [])));

        Assert.Equal(1, pdf.Document.NumberOfPages);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_long_mail_merge_laid_out_in_parts_on_all_cores_gives_the_same_pages_and_tags_as_in_one_piece(bool numberedPerLetter)
    {
        // 150 two-page letters are 900 blocks: enough for the layout in parts while the first is drawn, the parent tree set aside
        // per page and the content streams compressed on the other cores (PdfRenderer.SpeedUps); numbered per letter or, which
        // needs every part's page count first, through the whole document.
        Block[] Letter(int i) =>
        [
            new LetterHead(LetterForm.B, ["Stadt Dortmund"], "Stadt Dortmund · Friedensplatz 1 · 44135 Dortmund", [$"Person Nr{i} Weiß", "Bayrische Str. 1", "44339 Dortmund"], [new("Datum", "06.12.2026")]),
            new Paragraph($"Guten Tag, Ihr Code ist K7QM {i:0000}."),
            new Figure(QrCode.Png($"https://masterplan.dortmund.de/anmeldung?code={i}", pixelsPerModule: 1), $"QR-Code zur Anmeldung mit dem Code {i}") { WidthMm = 22, Pixelated = true },
            new PageBreak { SameSection = true },
            new Paragraph($"Antwort von Person Nr{i}"),
            new PageBreak(),
        ];
        var document = new Document("Briefe", Enumerable.Range(1, 150).SelectMany(Letter).ToList()) { NumberPagesPerSection = numberedPerLetter };

        var reports = new List<double>();
        PdfRenderer.UseAgplLicense();
        var fast = PdfRenderer.Render(document, new Reports(reports));
        // The progress rises from 0 to 1 in at most about a hundred steps, also when the page count is known only part by part.
        Assert.Equal(0, reports[0]);
        Assert.Equal(1, reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1)).All(r => r.First <= r.Second), string.Join(" ", reports));
        Assert.InRange(reports.Count, 10, 102);
        byte[] plain;
        PdfRenderer.SpeedUps = false;
        try
        {
            plain = Samples.Pdf(document);
        }
        finally
        {
            PdfRenderer.SpeedUps = true;
        }

        using var a = new PdfStructure(fast);
        using var b = new PdfStructure(plain);
        Assert.Equal(300, a.Document.NumberOfPages);
        Assert.Equal(b.Document.NumberOfPages, a.Document.NumberOfPages);
        for (var p = 1; p <= 300; p++)
        {
            var text = string.Join(" ", a.Document.GetPage(p).GetWords().Select(w => w.Text));
            Assert.Equal(string.Join(" ", b.Document.GetPage(p).GetWords().Select(w => w.Text)), text);
            Assert.Contains(numberedPerLetter ? $"Seite {2 - (p % 2)} von 2" : $"Seite {p} von 300", text);
            Assert.Contains($"Nr{(p + 1) / 2} ", text + " ");
            Assert.Equal(p % 2, a.Document.GetPage(p).GetImages().Count());
        }
        Assert.Equal(b.Elements(), a.Elements());
        // A pixelated figure is drawn without smoothing: one pixel per module stays a sharp square.
        Assert.DoesNotContain("/Interpolate true", System.Text.Encoding.Latin1.GetString(fast), StringComparison.Ordinal);
        Assert.Equal(150, a.Elements().Count(e => e.Type == "Figure" && e.Alt!.StartsWith("QR-Code", StringComparison.Ordinal)));

        // The parent tree has one entry per page, in page order, each with as many parents as the page has marked content.
        var root = (DictionaryToken)a.Get(a.Catalog, "StructTreeRoot")!;
        var nums = ((ArrayToken)a.Get((DictionaryToken)a.Get(root, "ParentTree")!, "Nums")!).Data;
        Assert.Equal(600, nums.Count);
        for (var k = 0; k < 300; k++)
        {
            Assert.Equal(k, ((NumericToken)nums[2 * k]).Int);
            Assert.Equal(k, ((NumericToken)a.Document.GetPage(k + 1).Dictionary.Data["StructParents"]).Int);
            Assert.NotEmpty(((ArrayToken)a.Resolve(nums[2 * k + 1])).Data);
        }
    }

    /// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    sealed class Reports(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
