using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>The module's documents: the stop receipt for a mobile printer and the committee report (PDF and DOCX).</summary>
public static class EnforcementDocuments
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// The receipt on an 80 mm roll: when, where, what and on which legal basis, the officer's service number (as on Bremen's
    /// receipts: the person holds the paper; no web page shows the number), the code and a QR code to the receipt page.
    /// </summary>
    public static Document Receipt(ReceiptView receipt, string code, string serviceNumber, string receiptUrl)
    {
        var local = CityTime.Local(receipt.OccurredAt);
        var link = receiptUrl + "?nr=" + Uri.EscapeDataString(code);
        return new Document("Kontrollquittung " + code,
        [
            new Heading(1, "Kontrollquittung"),
            new Paragraph("Stadt Dortmund, Kommunaler Ordnungsdienst"),
            KeyValueList.Of(
                ("Datum", local.ToString("dd.MM.yyyy", German)),
                ("Uhrzeit", local.ToString("HH:mm", German)),
                ("Ort", receipt.Address is { } address ? $"{address} (Stadtbezirk {receipt.District})" : "Stadtbezirk " + receipt.District),
                ("Maßnahme", EnforcementModule.KindLabel(receipt.Kind)),
                ("Rechtsgrundlage", EnforcementModule.LegalBasisLabel(receipt.LegalBasis)),
                ("Ergebnis", EnforcementModule.OutcomeLabel(receipt.Outcome)),
                ("Grund", receipt.Reason ?? "–"),
                ("Dienstnummer", serviceNumber)),
            new Heading(2, "Ihr Code: " + code),
            new Figure(QrCode.Png(link, pixelsPerModule: 4), "QR-Code: führt zur Quittung mit Ihrem Code " + code) { WidthMm = 40 },
            new Paragraph($"Mit dem Code lesen Sie die Quittung unter {receiptUrl} und sagen uns anonym, ob Sie sich fair behandelt fühlten. Dort finden Sie auch die unabhängige Beschwerdestelle."),
        ])
        {
            Page = PageFormat.Receipt80,
            Author = "Stadt Dortmund, Kommunaler Ordnungsdienst",
        };
    }

    /// <summary>The committee report: the department's sections and the figures of the period, small cells suppressed.</summary>
    public static Document Report(EnforcementReport report, EnforcementFigureSet figures)
    {
        var period = $"{report.From.ToString("dd.MM.yyyy", German)} bis {report.To.ToString("dd.MM.yyyy", German)}";
        var blocks = new List<Block>
        {
            new Heading(1, report.Title),
            new Paragraph("Bericht des Kommunalen Ordnungsdienstes an den Ausschuss, Zeitraum " + period),
        };
        void Section(string title, string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            blocks.Add(new Heading(2, title));
            blocks.AddRange(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new Paragraph(p)));
        }

        Section("Einleitung", report.Introduction);
        blocks.Add(new Heading(2, "Zahlen"));
        blocks.Add(new Paragraph($"Zahlen von 1 bis {EnforcementFigures.Threshold - 1} zeigen wir nicht, und wo sich eine solche Zahl aus einer Summe ausrechnen ließe, auch eine weitere; dort steht „{EnforcementFigures.Hidden}“. Die Definitionen stehen auf der öffentlichen Seite der Zahlen."));
        foreach (var table in figures.Receipts.Concat(figures.Force).Concat(figures.Feedback))
        {
            blocks.Add(Counts(table));
        }

        blocks.Add(Shares("Bodycam an, nach Art der Maßnahme", figures.BodycamByKind));
        blocks.Add(Shares("Einsätze mit Zwangsmitteln, Verletzungen und Beschwerden", figures.Means));
        Section("Bewertung", report.Assessment);
        Section("Nächste Schritte", report.NextSteps);
        return new Document(report.Title, blocks)
        {
            Author = "Stadt Dortmund, Kommunaler Ordnungsdienst",
            Subject = "Bericht an den Ausschuss, " + period,
            HeaderText = report.Title,
        };
    }

    private static Table Counts(FigureTable table) =>
        new(table.Title, [table.Title.Split(' ').Last() == "Monat" ? "Monat" : "Kategorie", "Anzahl"],
            [.. table.Rows.Select(r => (IReadOnlyList<string>)[r.Label, EnforcementFigures.Format(r.Count)]), ["Summe", EnforcementFigures.Format(table.Total.Count)]]);

    private static Table Shares(string caption, IReadOnlyList<ShareRow> rows) =>
        new(caption, ["Kategorie", "mit", "von", "Anteil"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Label, EnforcementFigures.Format(r.Yes), EnforcementFigures.Format(r.Total), r.Share is { } s ? s.ToString("P0", German) : "–"])]);

    /// <summary>File name of the report in a format ("pdf", "docx").</summary>
    public static string FileName(EnforcementReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"ordnungsdienst-bericht-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.{extension}");
}
