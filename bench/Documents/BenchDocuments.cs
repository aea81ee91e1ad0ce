using Masterplan.Documents;

namespace Masterplan.Bench.Documents;

/// <summary>Realistic sizes of the platform's two biggest documents, generated deterministically.</summary>
internal static class BenchDocuments
{
    static readonly string[] FirstNames = ["Ayşe", "Jürgen", "Eva", "Mehmet", "Jörg", "Anna", "Lukas", "Fatma", "Özlem", "Günter", "Sophie", "Kai"];
    static readonly string[] LastNames = ["Özdemir", "Müller", "Schäfer", "Yılmaz", "Weiß", "Becker", "Hoffmann", "Krüger", "Nowak", "Schröder"];
    static readonly string[] Bodies = ["Ordnungsamt", "Polizeipräsidium Dortmund", "Stadtbezirk Innenstadt-Nord", "Jugendamt", "Tiefbauamt", "Sozialamt", "DSW21", "EDG"];
    static readonly string[] Statuses = ["geplant", "in Umsetzung", "abgeschlossen", "verzögert: Abstimmung mit dem Tiefbauamt läuft", "dauerhaft"];

    public static Document Minutes(int agendaItems, int attendees, int papers)
    {
        var blocks = new List<Block>
        {
            new Heading(1, "Niederschrift über die 12. Sitzung des Lenkungskreises Masterplan Kommunale Sicherheit"),
            KeyValueList.Of(("Sitzung", "12. Sitzung des Lenkungskreises"), ("Datum", "Donnerstag, 12. März 2026"), ("Ort", "Rathaus, Friedensplatz 1, Saal Westfalen"), ("Beginn", "17:00 Uhr"), ("Ende", "20:10 Uhr"), ("Sitzungsleitung", "Ayşe Özdemir"), ("Schriftführung", "Jürgen Müller")),
            new Heading(2, "Anwesende"),
            new Table("Anwesende Mitglieder und Gäste", ["Name", "Organisation", "Funktion", "Stimmrecht"],
                Enumerable.Range(0, attendees).Select(i => (IReadOnlyList<string>)[
                    $"{FirstNames[i % FirstNames.Length]} {LastNames[i * 7 % LastNames.Length]}",
                    Bodies[i % Bodies.Length],
                    i % 5 == 0 ? "Vertretung" : "Mitglied",
                    i % 3 == 0 ? "beratend" : "stimmberechtigt",
                ]).ToList())
            { ColumnWidths = [3, 3, 2, 2] },
            new Heading(2, "Tagesordnung"),
            new BulletList(Enumerable.Range(1, agendaItems).Select(i => $"TOP {i}: {Topic(i)}").ToList()),
        };
        for (var i = 1; i <= agendaItems; i++)
        {
            blocks.Add(new Heading(3, $"TOP {i}: {Topic(i)}"));
            blocks.Add(new Paragraph([
                new TextRun($"Frau {LastNames[i % LastNames.Length]} berichtet zum Sachstand. "),
                new TextRun("Die Beratung ergab, dass die Maßnahmen im Quartier fortgeführt werden; die Beleuchtung an der Münsterstraße wird bis zum Herbst verbessert, und die Sauberkeit im Umfeld des Nordmarkts bleibt ein Schwerpunkt. Über Änderungen wird in der nächsten Sitzung berichtet. "),
                new TextRun("Beschluss: ", Bold: true),
                new TextRun(i % 4 == 0 ? "Der Lenkungskreis nimmt den Bericht zur Kenntnis." : $"Der Lenkungskreis empfiehlt einstimmig (12 Ja, 0 Nein, {i % 3} Enthaltungen), die Maßnahme fortzuführen.", Italic: true),
            ]));
        }
        blocks.Add(new Heading(2, "Unterlagen"));
        blocks.Add(new Table("Vorgelegte Unterlagen", ["Nr.", "Titel", "Drucksache"],
            Enumerable.Range(1, papers).Select(i => (IReadOnlyList<string>)[$"{i}", $"Sachstandsbericht {Topic(i)}", $"{26000 + i * 37}-22"]).ToList())
        { ColumnWidths = [1, 6, 2] });
        return new Document("Niederschrift 12. Sitzung Lenkungskreis", blocks)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan",
            Subject = "Niederschrift",
            HeaderText = "Lenkungskreis Masterplan Kommunale Sicherheit · 12. Sitzung am 12.03.2026",
        };
    }

    /// <summary>
    /// Invitation letters as InvitationLetters makes them since 2026-12-05: DIN 5008 form B head (letterhead, return address,
    /// address field, information block, fold marks), the lab's date and place, three ways to answer, a QR code at 4 px per
    /// module; page 2 with the Art. 14 DSGVO notice and the reply slip. Two pages a letter.
    /// </summary>
    /// <remarks>
    /// With <paramref name="pixelsPerModule"/> 1, <paramref name="pixelated"/> and <paramref name="parallelQr"/> as InvitationLetters
    /// makes them since 2026-12-06 (QR codes encoded on all cores first, one pixel per module, no smoothing); the defaults are the letters before.
    /// </remarks>
    public static Document Letters(int count, Func<string, int, byte[]> qrPng, int pixelsPerModule = 4, bool pixelated = false, bool parallelQr = false)
    {
        static string Code(int i) => $"K7QM {i / 1000 + 1000} {i % 1000:000}X";
        static string Url(string code) => $"https://masterplan.dortmund.de/quartierslabore/anmeldung?code={code.Replace(' ', '-')}";
        byte[][]? qr = null;
        if (parallelQr)
        {
            qr = new byte[count][];
            Parallel.For(0, count, i => qr[i] = qrPng(Url(Code(i)), pixelsPerModule));
        }
        var blocks = new List<Block>();
        for (var i = 0; i < count; i++)
        {
            var code = Code(i);
            blocks.Add(new LetterHead(LetterForm.B, ["Stadt Dortmund", "Ordnungsamt, Geschäftsführung Masterplan Kommunale Sicherheit 2.0"],
                "Stadt Dortmund · Friedensplatz 1 · 44135 Dortmund",
                [$"{FirstNames[i % FirstNames.Length]} {LastNames[i * 7 % LastNames.Length]}", $"Münsterstraße {i % 200 + 1}", "44145 Dortmund"],
                [new("Ihr Kontakt", "Team Quartierslabore"), new("Telefon", "0231 50-0"), new("E-Mail", "masterplan-sicherheit@stadtdo.de"), new("Datum", "05.12.2026")]));
            blocks.Add(new Heading(2, "Einladung zum Quartierslabor Innenstadt-Nord"));
            blocks.Add(new Paragraph("Guten Tag,"));
            blocks.Add(new Paragraph(string.Concat(Enumerable.Repeat("die Stadt Dortmund lädt Sie zum Quartierslabor in Innenstadt-Nord ein. ", 5))));
            blocks.Add(KeyValueList.Of(("Wann", "Samstag, 16. Januar 2027, 10:00 bis 16:00 Uhr"), ("Wo", "Dietrich-Keuning-Haus, Leopoldstraße 50–58, 44147 Dortmund"), ("Anmeldung bis", "Freitag, 8. Januar 2027")));
            blocks.Add(new Paragraph([new TextRun("So melden Sie sich an:", Bold: true)]));
            blocks.Add(new Paragraph([new TextRun("Im Internet mit Ihrem Code:"), new TextRun("\nhttps://masterplan.dortmund.de/quartierslabore/anmeldung", Bold: true)]));
            blocks.Add(new Paragraph([new TextRun("Ihr Code: "), new TextRun(code, Bold: true), new TextRun(" (ohne 0, 1, I, L und O; Leerzeichen und Kleinschreibung sind beim Eintippen egal)")]));
            blocks.Add(new Figure(qr?[i] ?? qrPng(Url(code), pixelsPerModule), $"QR-Code: führt zur Anmeldung mit Ihrem Code {code}") { WidthMm = 22, Pixelated = pixelated });
            blocks.Add(new Paragraph("Per Telefon: 0231 50-0 (Montag bis Freitag, 9 bis 12 Uhr, und nach Vereinbarung). Halten Sie bitte Ihren Code bereit."));
            blocks.Add(new Paragraph("Per Post: Schicken Sie den Antwortabschnitt auf Seite 2 an die Stadt oder geben Sie ihn dort ab."));
            blocks.Add(new Paragraph("Mit freundlichen Grüßen\nTeam Quartierslabore"));
            blocks.Add(new PageBreak { SameSection = true });
            blocks.Add(new Heading(2, "Datenschutz: woher wir Ihre Adresse haben"));
            for (var k = 0; k < 8; k++)
                blocks.Add(new Paragraph([new TextRun("Herkunft der Daten: ", Bold: true), new TextRun("Melderegister der Stadt Dortmund: Gruppenauskunft nach § 46 Bundesmeldegesetz (BMG), Anschrift wird gelöscht.")]));
            blocks.Add(new CutLine("Hier abtrennen und zurückschicken"));
            blocks.Add(new Heading(2, "Antwort: Ich möchte beim Quartierslabor Innenstadt-Nord mitmachen"));
            blocks.Add(KeyValueList.Of(("Ihr Code", code), ("Name", "______________________________"), ("Telefon oder E-Mail", "______________________________"),
                ("Altersgruppe", "☐ 16–24   ☐ 25–34   ☐ 35–44   ☐ 45–54   ☐ 55–64   ☐ 65–74   ☐ 75+"), ("Geschlecht", "☐ weiblich   ☐ männlich   ☐ divers   ☐ keine Angabe")));
            blocks.Add(new Paragraph("Datum, Unterschrift: ______________________________"));
            blocks.Add(new PageBreak());
        }

        return new Document("Einladungen zum Quartierslabor Innenstadt-Nord", blocks) { NumberPagesPerSection = true };
    }

    /// <summary>Invitation letters as InvitationLetters made them until 2026-12-05: address, text, code, a QR code at 4 px per module, one per page.</summary>
    public static Document LettersBefore(int count, Func<string, int, byte[]> qrPng)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < count; i++)
        {
            var code = $"K7QM-{i / 1000 + 1000}-{i % 1000:000}X";
            blocks.Add(new Paragraph($"{FirstNames[i % FirstNames.Length]} {LastNames[i * 7 % LastNames.Length]}\nMünsterstraße {i % 200 + 1}\n44145 Dortmund"));
            blocks.Add(new Paragraph("Dortmund, 23.11.2026"));
            blocks.Add(new Heading(1, "Einladung zum Quartierslabor Innenstadt-Nord"));
            blocks.Add(new Paragraph("Guten Tag,"));
            blocks.Add(new Paragraph(string.Concat(Enumerable.Repeat("die Stadt Dortmund lädt Sie zum Quartierslabor in Innenstadt-Nord ein. ", 6))));
            blocks.Add(new Paragraph(string.Concat(Enumerable.Repeat("Sie haben diesen Brief, weil Ihr Name aus dem Melderegister ausgelost wurde. ", 6))));
            blocks.Add(KeyValueList.Of(("Ihr Code", code), ("Anmeldung im Internet", "https://masterplan.dortmund.de/quartierslabore/anmeldung")));
            blocks.Add(new Figure(qrPng($"https://masterplan.dortmund.de/quartierslabore/anmeldung?code={code}", 4), $"QR-Code: führt zur Anmeldung mit Ihrem Code {code}") { WidthMm = 35 });
            blocks.Add(new Paragraph("Mit freundlichen Grüßen\nIhre Geschäftsstelle Masterplan Kommunale Sicherheit"));
            blocks.Add(new PageBreak());
        }

        return new Document("Einladungen zum Quartierslabor Innenstadt-Nord", blocks) { NumberPagesPerSection = true };
    }

    public static Document Overview(int measures, int fields)
    {
        var chart = new KpiSeries("Anteil der Befragten, die sich abends im Quartier sicher fühlen",
            [new(new DateOnly(2023, 1, 1), 52), new(new DateOnly(2024, 1, 1), 55), new(new DateOnly(2025, 1, 1), 54), new(new DateOnly(2026, 1, 1), 58)])
        {
            Unit = "%",
            Target = new KpiValue(new DateOnly(2027, 12, 1), 65),
            Baseline = new KpiValue(new DateOnly(2023, 1, 1), 52),
        };
        var blocks = new List<Block>
        {
            new Heading(1, "Sachstandsübersicht Masterplan Kommunale Sicherheit"),
            new Paragraph("Stand: 23. November 2026. Die Übersicht listet alle Maßnahmen nach Handlungsfeldern mit ihrem aktuellen Sachstand."),
            new Figure(LineChart.RenderPng(chart), LineChart.Describe(chart)) { Caption = "Kennzahl: subjektives Sicherheitsgefühl" },
        };
        var perField = measures / fields;
        var number = 0;
        for (var f = 1; f <= fields; f++)
        {
            blocks.Add(new Heading(2, $"Handlungsfeld {f}: {Topic(f)}"));
            var rows = new List<IReadOnlyList<string>>();
            for (var m = 0; m < perField + (f <= measures % fields ? 1 : 0); m++)
            {
                number++;
                rows.Add([
                    $"{f}.{m + 1}",
                    $"{Topic(number)}: Maßnahme {number} mit Abstimmung zwischen {Bodies[number % Bodies.Length]} und {Bodies[(number + 3) % Bodies.Length]}",
                    Statuses[number % Statuses.Length],
                    Bodies[number % Bodies.Length],
                    $"{(number % 4) + 1}. Quartal 2027",
                ]);
            }
            blocks.Add(new Table($"Maßnahmen im Handlungsfeld {f}", ["Nr.", "Maßnahme", "Sachstand", "Zuständig", "Frist"], rows) { ColumnWidths = [1, 5, 3, 3, 2] });
        }
        return new Document("Sachstandsübersicht Masterplan Kommunale Sicherheit", blocks)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan",
            Subject = "Sachstandsübersicht für den Lenkungskreis",
            HeaderText = "Sachstandsübersicht · Stand 23.11.2026",
        };
    }

    static string Topic(int i) => (i % 8) switch
    {
        0 => "Sicherheit und Sauberkeit im öffentlichen Raum",
        1 => "Beleuchtung von Straßen und Plätzen",
        2 => "Angsträume an Haltestellen",
        3 => "Prävention in Schulen und Jugendfreizeitstätten",
        4 => "Quartiersarbeit Nordstadt",
        5 => "Ordnungspartnerschaften",
        6 => "Verkehrssicherheit auf Schulwegen",
        _ => "Beteiligung der Bürgerinnen und Bürger",
    };
}
