using System.Globalization;
using System.Text.RegularExpressions;

namespace Masterplan.Web.Shared;

/// <summary>
/// Turns the project's citations of its source documents into references a resident can read. The reference data
/// and the rules in code cite a document by its number in the project ("seed 004 (Gemeinsamer Antrag vom
/// 12.12.2023) §3", "001 §I", "002 l. 36–39"); pages show "Antrag von SPD, GRÜNEN und CDU im Ausschuss … vom
/// 12.12.2023, Nummer 3". The stored data stays as it is: only the display changes, and this is the one place
/// that knows the documents.
/// </summary>
public static partial class SourceReference
{
    private sealed record Source(string German, string English, Func<string, bool, string> Section);

    private static string Part(string section, bool english) => english ? $"part {section}" : $"Teil {section}";

    private static string Item(string section, bool english) => english ? $"item {section}" : $"Nummer {section}";

    /// <summary>The source documents by their number (see docs/domain.md#sources).</summary>
    private static readonly Dictionary<string, Source> Documents = new(StringComparer.Ordinal)
    {
        ["000"] = new("Zeitungsartikel vom Mai 2021 über den ersten Masterplan", "newspaper article of May 2021 on the first masterplan", Part),
        ["001"] = new("Ratsvorlage 26093-22 vom 08.11.2022", "council paper 26093-22 of 8 November 2022", Part),
        ["002"] = new("Programm einer Ratsgruppe für 2025, Kapitel „Sicherheit“", "a council group's programme for 2025, chapter “Sicherheit” (safety)", Part),
        ["003"] = new("Nachricht der Stadt Dortmund vom 05.09.2023", "City of Dortmund news of 5 September 2023", Part),
        ["004"] = new(
            "Gemeinsamer Antrag von SPD, GRÜNEN und CDU im Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden vom 12.12.2023",
            "joint motion of SPD, GRÜNE and CDU in the committee for citizens' services, public order, suggestions and complaints of 12 December 2023",
            Item),
    };

    /// <summary>
    /// <paramref name="text"/> with every citation of a source document replaced by its readable reference in the
    /// language of the request (<see cref="CultureInfo.CurrentUICulture"/>); other text is left as it is.
    /// </summary>
    public static string Plain(string? text) => Plain(text, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");

    public static string Plain(string? text, bool english)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        return Citation().Replace(text, m =>
        {
            if (!Documents.TryGetValue(m.Groups["doc"].Value, out var document))
            {
                return m.Value;
            }

            var name = english ? document.English : document.German;
            if (m.Groups["section"].Success)
            {
                // "§3, §5" → "Nummer 3, 5"
                var sections = string.Join(", ", m.Groups["section"].Value.Split(['§', ',', ' '], StringSplitOptions.RemoveEmptyEntries));
                return $"{name}, {document.Section(sections, english)}";
            }

            if (m.Groups["field"].Success)
            {
                return english ? $"{name}, field of action {m.Groups["field"].Value}" : $"{name}, Handlungsfeld {m.Groups["field"].Value}";
            }

            if (m.Groups["consultation"].Success)
            {
                return english ? $"{name}, order of consultation (Beratungsfolge)" : $"{name}, Beratungsfolge";
            }

            if (m.Groups["lines"].Success)
            {
                return english ? $"{name}, lines {m.Groups["lines"].Value}" : $"{name}, Zeilen {m.Groups["lines"].Value}";
            }

            return name;
        });
    }

    /// <summary>
    /// "seed 001 (…)" with an optional section, or a bare document number followed by a section ("004 §3",
    /// "001 Handlungsfeld 4", "002 l. 36–39"); a bare number alone is not a citation.
    /// </summary>
    [GeneratedRegex(
        @"(?:\bseed\s+(?<doc>\d{3})(?:\s+\([^()]*\))?|\b(?<doc>00\d)(?=\s*§|\s+Handlungsfeld\b|,?\s+Beratungsfolge\b|\s+l\.))" +
        @"(?:\s*§\s*(?<section>(?:[IVX]+|\d+)(?:,\s*§\s*(?:[IVX]+|\d+))*)|\s+Handlungsfeld\s+(?<field>\d+)|,?\s+(?<consultation>Beratungsfolge)\b|\s+l\.\s*(?<lines>\d+(?:\s*[–-]\s*\d+)?))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
