using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Reports;

/// <summary>Renders a compiled report (<see cref="ReportContent"/>) with its text sections as a document for PDF and DOCX.</summary>
public static class ReportDocument
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit";

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The half-year report of one edition: title, facts, the Office's texts around the compiled sections.</summary>
    /// <param name="baseUrl">The platform's address; every page behind a figure is printed as an address and links to it.</param>
    public static Document HalfYear(HalfYearReportEdition edition, ReportContent content, string baseUrl)
    {
        var period = $"{Day(edition.From)} bis {Day(edition.To)}";
        var blocks = new List<Block>
        {
            new Heading(1, edition.Title),
            KeyValueList.Of(
                ("Zeitraum", period),
                ("An", "Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden"),
                ("Grundlage", "Halbjährlicher Bericht der Verwaltung über den Stand des Prozesses (Ratsvorlage 004, „Prozess“)"),
                ("Fassung", edition.Version.ToString(German)),
                // The body approves; who of its members clicked stays in the audit log and the Office's pages, not in a public paper.
                ("Freigabe", edition.ApprovedAt is { } at ? $"Lenkungskreis, {CityTime.Local(at).ToString("dd.MM.yyyy", German)}" : "Entwurf, noch nicht freigegeben"),
                ("Zusammengestellt", CityTime.Local(content.CompiledAt).ToString("dd.MM.yyyy HH:mm", German))),
            new Paragraph($"Jede Zahl führt zu den Seiten, die sie zählen: die Adressen in der Spalte „Seite“ sind Links und beziehen sich auf {baseUrl}."),
        };
        Text(blocks, "Einleitung", edition.Introduction);
        Sections(blocks, content, baseUrl);
        Text(blocks, "Bewertung", edition.Assessment);
        Text(blocks, "Ausblick", edition.Outlook);
        return new Document(edition.Title, blocks)
        {
            Author = Author,
            Subject = "Halbjahresbericht an den Ausschuss, " + period,
            HeaderText = $"Halbjahresbericht {period} · Fassung {edition.Version.ToString(German)}",
        };
    }

    /// <summary>The text of the Office, paragraph by paragraph (a blank line separates paragraphs).</summary>
    public static void Text(List<Block> blocks, string title, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        blocks.Add(new Heading(2, title));
        blocks.AddRange(Paragraphs(text).Select(p => new Paragraph(p)));
    }

    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The compiled sections; each section's page and each row's page link to <paramref name="baseUrl"/> plus their address.</summary>
    public static void Sections(List<Block> blocks, ReportContent content, string baseUrl)
    {
        foreach (var section in content.Sections)
        {
            blocks.Add(new Heading(2, section.Title));
            if (section.Link is { } link)
            {
                blocks.Add(new Paragraph($"Seite: {link}") { Link = Absolute(baseUrl, link) });
            }

            blocks.AddRange(section.Notes.Select(n => new Paragraph(n)));
            foreach (var table in section.Tables)
            {
                blocks.Add(table.Rows.Count == 0 ? new Paragraph($"{table.Caption}: keine.") : Table(table, baseUrl));
            }

            foreach (var chart in section.Charts)
            {
                var series = chart.Series();
                blocks.Add(new Figure(LineChart.RenderPng(series), LineChart.Describe(series)) { Caption = $"{chart.Title} (Seite: {chart.Link})" });
            }
        }
    }

    private static Table Table(ReportTable table, string baseUrl)
    {
        var links = table.Rows.Any(r => r.Link is not null);
        var header = links ? [.. table.Header, "Seite"] : table.Header;
        return new Table(table.Caption, header,
            [.. table.Rows.Select(r => (IReadOnlyList<string>)(links ? [.. r.Cells, r.Link ?? "–"] : r.Cells))])
        {
            ColumnWidths = [.. header.Select((_, i) => i == 0 ? 3.0 : i == header.Count - 1 && links ? 2.2 : 1.6)],
            RowLinks = links ? [.. table.Rows.Select(r => r.Link is { } link ? Absolute(baseUrl, link) : null)] : null,
            LinkColumn = links ? header.Count - 1 : 0,
        };
    }

    /// <summary>A page's address on the platform, for a link in the PDF or DOCX (the printed text stays the short address).</summary>
    private static string Absolute(string baseUrl, string link) => baseUrl.TrimEnd('/') + "/" + link.TrimStart('/');

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", German);
}
