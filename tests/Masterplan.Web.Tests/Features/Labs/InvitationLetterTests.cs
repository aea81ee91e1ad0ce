using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Algorithms.Invitations;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>
/// The invitation letter as the resident holds it: the address in the window of a DIN 676 envelope where DIN 5008 puts it
/// (form A or B), and everything the letter must say — when, where, until when, three ways to answer, a contact, and the
/// Art. 14 DSGVO information on the population register as the source.
/// </summary>
public partial class InvitationLetterTests
{
    private const double Mm = 72 / 25.4;

    private static readonly Dictionary<string, string> Details = new()
    {
        ["labDate"] = "2027-01-16", ["labStart"] = "10:00", ["labEnd"] = "16:00",
        ["labPlace"] = "Bürgerhaus Eving, Deutsche Straße 27, 44339 Dortmund", ["deadline"] = "2027-01-08",
    };

    [Theory]
    [InlineData("A", 27.0)]
    [InlineData("B", 45.0)]
    public async Task The_address_sits_in_the_DIN_5008_window_and_the_letter_says_everything_the_resident_needs(string form, double fieldTopMm)
    {
        var settings = new Dictionary<string, string?>(LabChainTests.Settings) { ["Labs:LetterForm"] = form };
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await LabChainTests.ApprovedLabAsync(office);
        var draw = $"/verwaltung/quartierslabore/{id}/losverfahren";
        Assert.Equal("done", (await office.FinishAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(12)))).State);
        Assert.Equal(HttpStatusCode.Redirect,
            (await office.PostFormAsync($"{draw}?handler=Draw", new() { ["count"] = "3", ["method"] = "simple", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" }, draw)).StatusCode);

        // Without the lab's date, time, place and deadline there are no letters; each missing piece is named.
        var refused = await LabChainTests.BodyAsync(await office.PostFormAsync($"{draw}?handler=Letters", new() { ["labDate"] = "2027-01-16", ["deadline"] = "2027-01-20" }, draw));
        Assert.Contains("Bitte geben Sie die Uhrzeit an, zu der das Quartierslabor beginnt.", refused);
        Assert.Contains("Bitte geben Sie den Ort an", refused);
        Assert.Contains("Bitte geben Sie den Anmeldeschluss an: nicht vor heute und vor dem Tag des Quartierslabors.", refused);

        var response = await office.GetAsync((await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Letters", Details, draw))).DownloadUrl);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Still a tagged PDF/UA document.
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.Contains("/StructTreeRoot", raw);
        Assert.Contains("pdfuaid", raw);

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.Equal(6, pages.Count); // two pages a letter: the letter, then the data protection notice and the reply slip
        for (var p = 0; p < pages.Count; p += 2)
        {
            var first = pages[p];
            var second = pages[p + 1];
            var text = Text(first);
            Assert.Contains($"Seite 1 von 2", text);
            Assert.Contains($"Seite 2 von 2", Text(second));

            // DIN 5008: the address field is 85 × 45 mm, 20 mm from the left edge, from 27 mm (A) or 45 mm (B) below the top edge;
            // the return address in its top 5 mm, the recipient in the address zone 17.7 mm below the field's top.
            var recipient = Box(first, w => w.Text.StartsWith("Nr", StringComparison.Ordinal), "the recipient's name")
                .Concat(Box(first, w => w.Text == "Bayrische", "the street"))
                .Concat(Box(first, w => w.Text == "44339", "the postcode").Take(1)).ToList(); // the place of the lab has it too, further down
            Assert.All(recipient, b =>
            {
                Assert.InRange(b.LeftMm, 20, 105);
                Assert.InRange(b.RightMm, 20, 105);
                Assert.InRange(b.TopMm, fieldTopMm + 17.7 - 0.5, fieldTopMm + 45);
                Assert.InRange(b.BottomMm, fieldTopMm + 17.7, fieldTopMm + 45);
            });
            var returnAddress = Box(first, w => w.Text == "Friedensplatz", "the return address");
            Assert.All(returnAddress, b =>
            {
                Assert.InRange(b.LeftMm, 20, 105);
                Assert.InRange(b.RightMm, 20, 105);
                Assert.InRange(b.TopMm, fieldTopMm, fieldTopMm + 5);
                Assert.InRange(b.BottomMm, fieldTopMm, fieldTopMm + 5);
            });
            Assert.All(Box(first, w => w.Text == "Stadt", "the letterhead").Take(1), b => Assert.True(b.BottomMm < fieldTopMm, "the letterhead stands above the address field"));
            // Nothing else in the window: every other word of the page lies outside the address field.
            var inWindow = first.GetWords().Select(w => (w.Text, Box: InMm(first, w)))
                .Where(w => w.Box.LeftMm < 105 && w.Box.RightMm > 20 && w.Box.BottomMm > fieldTopMm && w.Box.TopMm < fieldTopMm + 45).Select(w => w.Text).ToList();
            Assert.All(inWindow, w => Assert.Contains(w, "Stadt Dortmund · Friedensplatz 1 · 44135 Dortmund Person Nr1 Nr2 Nr3 Nr4 Nr5 Nr6 Nr7 Nr8 Nr9 Nr10 Nr11 Nr12 Müller Bayrische Str. 1 2 3 4 5 6 7 8 9 10 11 12 44339"));

            // When, where, until when, a phone number, a contact person.
            Assert.Contains("Samstag, 16. Januar 2027, 10:00 bis 16:00 Uhr", text);
            Assert.Contains("Bürgerhaus Eving, Deutsche Straße 27, 44339 Dortmund", text);
            Assert.Contains("Anmeldung bis: Freitag, 8. Januar 2027", text);
            Assert.Contains("Team Quartierslabore", text);
            Assert.Contains("Ihr Kontakt Team Quartierslabore", text);
            Assert.Contains("Per Telefon: 0231 50-0", text);
            Assert.Contains("Per Post", text);
            // The address is one word on one line: never cut.
            Assert.Contains(first.GetWords(), w => w.Text == "https://masterplan.dortmund.de/quartierslabore/anmeldung");
            // The code in groups of four, from an alphabet without 0, 1, I, L, O; it works as typed from the paper.
            var code = CodePattern().Match(text).Value;
            Assert.NotEmpty(code);
            Assert.DoesNotContain(code, c => "01ILO".Contains(c, StringComparison.Ordinal));
            Assert.True(InvitationCode.TryNormalize(code, out _));
            Assert.Single(first.GetImages());

            // Page 2: Art. 14 DSGVO (source, purpose, deletion date from the 14-day rule) and the reply slip for the post.
            var notice = Text(second);
            Assert.Contains("Artikel 14 der Datenschutz-Grundverordnung", notice);
            Assert.Contains("Herkunft der Daten: Melderegister der Stadt Dortmund: Gruppenauskunft nach § 46 Bundesmeldegesetz", notice);
            Assert.Contains("Zweck: Auslosung und Einladung zum Quartierslabor Innenstadt-West", notice);
            Assert.Contains("Ihre Anschrift wird spätestens am 7. Dezember 2026 gelöscht (14 Tage nach dem Versand)", notice);
            Assert.Contains("Hier abtrennen und zurückschicken", notice);
            Assert.Contains("Antwort: Ich möchte beim Quartierslabor Innenstadt-West mitmachen", notice);
            Assert.Contains("bis Freitag, 8. Januar 2027 an: Ordnungsamt, Geschäftsführung Masterplan Kommunale Sicherheit 2.0, Friedensplatz 1, 44135 Dortmund", notice);
            Assert.Contains($"Ihr Code: {code}", notice);
            Assert.Contains("Unterschrift", notice);
        }
    }

    private static string Text(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private sealed record MmBox(double LeftMm, double RightMm, double TopMm, double BottomMm);

    /// <summary>A word's box in millimetres from the page's top-left corner (PDF measures from the bottom left in points).</summary>
    private static MmBox InMm(Page page, Word word) =>
        new(word.BoundingBox.Left / Mm, word.BoundingBox.Right / Mm, (page.Height - word.BoundingBox.Top) / Mm, (page.Height - word.BoundingBox.Bottom) / Mm);

    private static List<MmBox> Box(Page page, Func<Word, bool> which, string what)
    {
        var words = page.GetWords().Where(which).Select(w => InMm(page, w)).OrderBy(b => b.TopMm).ToList();
        Assert.True(words.Count > 0, $"{what} is not on the page");
        return words;
    }

    [GeneratedRegex("[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}")]
    private static partial Regex CodePattern();
}
