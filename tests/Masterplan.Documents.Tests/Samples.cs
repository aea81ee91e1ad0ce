namespace Masterplan.Documents.Tests;

/// <summary>Documents like the ones the platform renders.</summary>
internal static class Samples
{
    /// <summary>Renders a PDF; tests choose PDFsharp's AGPL license, which PDFsharp 6.5 requires before it renders.</summary>
    public static byte[] Pdf(Document document)
    {
        PdfRenderer.UseAgplLicense();
        return PdfRenderer.Render(document);
    }

    public static readonly KpiSeries Cycling = new("Anteil Radverkehr", [
        new KpiValue(new DateOnly(2023, 1, 1), 12),
        new KpiValue(new DateOnly(2024, 6, 1), 14.5),
        new KpiValue(new DateOnly(2025, 3, 1), 16),
        new KpiValue(new DateOnly(2026, 10, 1), 18),
    ])
    {
        Unit = "%",
        Target = new KpiValue(new DateOnly(2027, 12, 1), 20),
        Baseline = new KpiValue(new DateOnly(2023, 1, 1), 12),
    };

    public const string ChartAlt = "Liniendiagramm Anteil Radverkehr: Wert stieg von 12 % auf 18 %; Ziel 20 % bis Dez. 2027.";

    public static Document Minutes() => new("Niederschrift der 3. Sitzung des Lenkungskreises", [
        new Heading(1, "Niederschrift der 3. Sitzung des Lenkungskreises"),
        KeyValueList.Of(("Ort", "Rathaus, Friedensplatz 1, Saal Westfalen"), ("Beginn", "17:00 Uhr"), ("Ende", "19:15 Uhr"), ("Sitzungsleitung", "Frau Özdemir")),
        new Heading(2, "Tagesordnung"),
        new BulletList(["Begrüßung und Feststellung der Beschlussfähigkeit", "Sachstand Maßnahmen Handlungsfeld Straßenräume", "Verschiedenes"]),
        new Heading(3, "TOP 1: Begrüßung"),
        new Paragraph([new TextRun("Die Sitzungsleitung begrüßt die Anwesenden. "), new TextRun("Der Lenkungskreis ist beschlussfähig.", Bold: true), new TextRun(" Größere Änderungen gibt es nicht.", Italic: true)]),
        new Table("Anwesende", ["Name", "Funktion", "Stimmrecht"], [
            ["Ayşe Özdemir", "Vorsitz", "stimmberechtigt"],
            ["Jürgen Müller", "Ordnungsamt", "beratend"],
        ]) { ColumnWidths = [2, 2, 1] },
        new Figure(LineChart.RenderPng(Cycling), ChartAlt) { Caption = "Abbildung 1: Anteil Radverkehr" },
    ])
    {
        Author = "Stadt Dortmund, Geschäftsstelle Masterplan",
        Subject = "Niederschrift",
        HeaderText = "Lenkungskreis Masterplan Kommunale Sicherheit · Sitzung am 12.03.2026",
    };

    public static Table Measures(int count) => new(
        "Maßnahmen im Handlungsfeld Straßenräume",
        ["Nr.", "Maßnahme", "Sachstand", "Zuständig"],
        Enumerable.Range(1, count).Select(i => (IReadOnlyList<string>)[
            $"M-{i:000}",
            $"Maßnahme {i}: Beleuchtung und Sichtachsen im Quartier verbessern, Gehwege freihalten",
            i % 3 == 0 ? "abgeschlossen" : "in Umsetzung, Abstimmung mit dem Tiefbauamt läuft",
            "Ordnungsamt",
        ]).ToList())
    { ColumnWidths = [1, 4, 3, 2] };
}
