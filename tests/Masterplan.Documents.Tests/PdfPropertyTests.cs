using CsCheck;

namespace Masterplan.Documents.Tests;

/// <summary>Whatever the text lengths, every word that goes in comes out of the PDF, across line, page and row breaks.</summary>
public class PdfPropertyTests
{
    // Words stay narrower than the narrowest column (a longer word is cut between letters; see PdfRendererTests).
    static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ"], 1, 10];

    static HashSet<string> ExtractedWords(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
    }

    /// <summary>Numbers the words so that each one is unique and its loss is visible.</summary>
    static List<string> Numbered(string[] words, ref int counter)
    {
        var result = new List<string>(words.Length);
        foreach (var word in words)
            result.Add($"{word}{counter++}");
        return result;
    }

    [Fact]
    public void Paragraphs_of_any_length_lose_no_word()
    {
        Gen.Select(Word.Array[1, 400].Array[1, 8], Gen.Bool.Array[8]).Sample((paragraphs, bold) =>
        {
            var counter = 0;
            var expected = new List<string>();
            var blocks = new List<Block> { new Heading(2, "Überschrift") };
            for (var i = 0; i < paragraphs.Length; i++)
            {
                var words = Numbered(paragraphs[i], ref counter);
                expected.AddRange(words);
                // Alternate plain and bold runs inside one paragraph.
                var half = words.Count / 2;
                blocks.Add(new Paragraph([new TextRun(string.Join(' ', words.Take(half)) + " "), new TextRun(string.Join(' ', words.Skip(half)), Bold: bold[i])]));
            }

            var extracted = ExtractedWords(Samples.Pdf(new Document("Eigenschaft", blocks)));

            var missing = expected.Where(w => !extracted.Contains(w)).ToList();
            Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing.Take(10))}");
        }, iter: 20);
    }

    [Fact]
    public void Table_cells_of_any_length_lose_no_word()
    {
        Gen.Select(Gen.Int[1, 60], Word.Array[0, 30].Array[3].Array[1, 60], Word.Array[300, 700]).Sample((rowCount, rows, giant) =>
        {
            var counter = 0;
            var expected = new List<string>();
            var body = new List<IReadOnlyList<string>>();
            foreach (var cells in rows.Take(rowCount))
            {
                var row = cells.Select(c => Numbered(c, ref counter)).ToList();
                expected.AddRange(row.SelectMany(c => c));
                body.Add(row.Select(c => string.Join(' ', c)).ToList());
            }
            // One row taller than a page in a narrow column: it is split, not cut.
            var tall = Numbered(giant, ref counter);
            expected.AddRange(tall);
            body.Insert(body.Count / 2, ["Lang", string.Join(' ', tall), ""]);
            var table = new Table("Zufall", ["Eins", "Zwei", "Drei"], body) { ColumnWidths = [3, 2, 2] };

            var extracted = ExtractedWords(Samples.Pdf(new Document("Eigenschaft", [new Paragraph("Vorab."), table])));

            var missing = expected.Where(w => !extracted.Contains(w)).ToList();
            Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing.Take(10))}");
        }, iter: 12);
    }
}
