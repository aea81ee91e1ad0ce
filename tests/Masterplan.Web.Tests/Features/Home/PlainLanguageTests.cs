using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>
/// Residents read the public pages: no citation code of the project's source documents ("004 §3", "001 §I"),
/// no "seed", no raw enum name, in German or English.
/// </summary>
public partial class PlainLanguageTests
{
    /// <summary>
    /// Public pages not scanned yet, each with what still has to be fixed there. Remove an entry once its page
    /// reads plainly.
    /// </summary>
    private static readonly string[] NotYetPlain =
    [
    ];

    /// <summary>
    /// The names of the app's enum members that cannot be ordinary words: more than one capital (InProgress,
    /// PlenaryAssembly), or any name written in capitals (LEGACY for Legacy).
    /// </summary>
    private static readonly HashSet<string> EnumNames = typeof(Program).Assembly.GetTypes()
        .Concat(typeof(Masterplan.Algorithms.Random.SeededRandom).Assembly.GetTypes())
        .Where(t => t.IsEnum)
        .SelectMany(Enum.GetNames)
        .SelectMany(n => n.Count(char.IsUpper) > 1 ? new[] { n, n.ToUpperInvariant() } : [n.ToUpperInvariant()])
        .Where(n => n.Length > 3)
        .Except(["JSON"]) // a file format's name, which the open-data page must say (Open311's Format.Json is why it is here)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task No_public_page_shows_an_internal_code_in_German_or_English()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var failures = new List<string>();
        var scanned = 0;
        foreach (var language in new[] { "de", "en" })
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            foreach (var (url, document) in await CrawlAsync(client))
            {
                if (NotYetPlain.Any(p => IdPattern(p).IsMatch(url)))
                {
                    continue;
                }

                scanned++;
                failures.AddRange(Findings(Visible(document)).Select(f => $"{language} {url}: {f}"));
            }
        }

        Assert.True(scanned > 60, $"the crawl reached only {scanned} pages");
        // One line per finding with the pages it is on, so that a text shared by many pages is reported once.
        var report = failures.Select(f => f.Split(": ", 2)).GroupBy(f => f[1], f => f[0])
            .Select(g => $"{g.Key}  [{string.Join(", ", g.Take(4))}{(g.Count() > 4 ? $" and {g.Count() - 4} more" : "")}]");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, report.Take(80)));
    }

    [Fact]
    public void The_scan_recognises_the_codes_it_is_meant_to_find()
    {
        Assert.NotEmpty(Findings("Empfehlungen an den Rat (004 §3)."));
        Assert.NotEmpty(Findings("Lenkungskreis (001 §I)"));
        Assert.NotEmpty(Findings("Name: seed 001 (Drucksache 26093-22)"));
        Assert.NotEmpty(Findings("Quelle: Seed"));
        Assert.NotEmpty(Findings("LEGACY (gieriges Verfahren)"));
        Assert.NotEmpty(Findings("Status: InProgress"));
        Assert.NotEmpty(Findings("Art: PlenaryAssembly"));
        Assert.Empty(Findings("Ratsvorlage 26093-22 vom 08.11.2022, Teil I; als PDF und DOCX, BITV NRW, SPD, GRÜNE und CDU"));
    }

    [Fact]
    public void Sources_are_shown_as_readable_references_in_German_and_English()
    {
        Assert.Equal(
            "Gemeinsamer Antrag von SPD, GRÜNEN und CDU im Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden vom 12.12.2023, Nummer 2; Ratsvorlage 26093-22 vom 08.11.2022, Teil I",
            SourceReference.Plain("seed 004 (Gemeinsamer Antrag vom 12.12.2023) §2; seed 001 (Drucksache 26093-22, 08.11.2022) §I", english: false));
        Assert.Equal(
            "Name: council paper 26093-22 of 8 November 2022, order of consultation (Beratungsfolge); Einwohnerzahl nicht gefunden",
            SourceReference.Plain("Name: seed 001 (Drucksache 26093-22, 08.11.2022), Beratungsfolge; Einwohnerzahl nicht gefunden", english: true));
        Assert.Equal("Geschäftsführung (Gemeinsamer Antrag von SPD, GRÜNEN und CDU im Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden vom 12.12.2023, Nummer 3, 5)",
            SourceReference.Plain("Geschäftsführung (004 §3, §5)", english: false));
        Assert.Equal("Ratsvorlage 26093-22 vom 08.11.2022, Handlungsfeld 4", SourceReference.Plain("001 Handlungsfeld 4", english: false));

        // Text that cites nothing is left alone, numbers included.
        Assert.Equal("Dortmunder Statistik, Einwohner am 31.12.2023", SourceReference.Plain("Dortmunder Statistik, Einwohner am 31.12.2023", english: false));
        Assert.Equal("Drucksache 001/2024", SourceReference.Plain("Drucksache 001/2024", english: false));
        Assert.Empty(Findings(SourceReference.Plain("seed 003 (Stadt Dortmund, Nachricht vom 05.09.2023); 002 l. 36–39", english: false)));
    }

    [Theory]
    [InlineData("de-DE", 0, "0 Maßnahmen gefunden.")]
    [InlineData("de-DE", 1, "1 Maßnahme gefunden.")]
    [InlineData("de-DE", 2, "2 Maßnahmen gefunden.")]
    [InlineData("de-DE", 1250, "1.250 Maßnahmen gefunden.")]
    [InlineData("en-GB", 1, "1 measure found.")]
    [InlineData("en-GB", 1250, "1,250 measures found.")]
    public void Count_texts_agree_with_their_number(string culture, int count, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var forms = culture == "de-DE" ? "{0:N0} Maßnahme gefunden.|{0:N0} Maßnahmen gefunden." : "{0:N0} measure found.|{0:N0} measures found.";
            Assert.Equal(expected, Plural.Of(forms, count));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Counts_other_than_the_chosen_one_and_further_arguments_are_formatted()
    {
        Assert.Equal("80 % aus 1 Maßnahme", Plural.Of("{0} % aus {1} Maßnahme|{0} % aus {1} Maßnahmen", 1, 80, 1));
        Assert.Equal("95 % aus 2 Maßnahmen", Plural.Of("{0} % aus {1} Maßnahme|{0} % aus {1} Maßnahmen", 2, 95, 2));
        Assert.Throws<ArgumentException>(() => Plural.Of("{0} Maßnahmen", 2));
    }

    [Fact]
    public async Task A_page_with_one_measure_says_Massnahme_and_in_English_measure()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var client = app.CreateClient();

        var counts = await CountsAsync(client);
        Assert.Contains(counts, c => c.StartsWith("1 Maßnahme gefunden.", StringComparison.Ordinal) || c.Contains(" aus 1 Maßnahme", StringComparison.Ordinal));
        Assert.DoesNotContain(counts, c => c.Contains(" 1 Maßnahmen", StringComparison.Ordinal) || c.StartsWith("1 Maßnahmen", StringComparison.Ordinal));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await CountsAsync(client);
        Assert.Contains(english, c => c.Contains("from 1 measure", StringComparison.Ordinal) && !c.Contains("from 1 measures", StringComparison.Ordinal));
    }

    /// <summary>The counts of the measure list filtered to each field of action and the progress lines of the catalogue.</summary>
    private static async Task<List<string>> CountsAsync(HttpClient client)
    {
        var catalogue = await client.GetPageAsync("/handlungsfelder");
        var counts = catalogue.QuerySelectorAll(".rollup-text").Select(e => e.Text()).ToList();
        foreach (var field in catalogue.QuerySelectorAll("a[href^='/massnahmen?feld=']").Select(a => a.GetAttribute("href")!).Distinct().Take(20))
        {
            counts.Add((await client.GetPageAsync(field)).QuerySelector("main p[role=status]")!.Text());
        }

        return counts;
    }

    [Fact]
    public async Task The_accessibility_statement_names_its_limits_and_where_to_turn_in_German_and_English()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var german = await client.GetPageAsync("/barrierefreiheit");
        var text = german.QuerySelector("main")!.Text();
        Assert.Contains("allein mit der Tastatur", text);
        Assert.DoesNotContain("nur mit der Tastatur", text);
        Assert.Contains("BITV NRW", text);
        Assert.True(german.QuerySelectorAll("#einschraenkungen + ul li").Length >= 3, "known limitations are listed");
        Assert.Contains(german.QuerySelectorAll("main a[href^='mailto:']"), a => a.TextContent.Contains('@'));
        Assert.Contains("Friedensplatz 1", german.QuerySelector("main address")!.Text());
        Assert.Equal("Durchsetzungsverfahren", german.QuerySelector("#durchsetzung")!.Text());
        Assert.Contains("Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen", text);
        Assert.NotNull(german.QuerySelector("main a[href='https://www.lbbp.nrw.de/ombudsstelle']"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.GetPageAsync("/barrierefreiheit");
        Assert.Equal("Enforcement procedure", english.QuerySelector("#durchsetzung")!.Text());
        Assert.Contains("with the keyboard alone", english.QuerySelector("main")!.Text());
        Assert.Contains("Ombudsstelle für barrierefreie Informationstechnik", english.QuerySelector("main")!.Text());
    }

    private static IEnumerable<string> Findings(string text)
    {
        foreach (Match m in Codes().Matches(text))
        {
            yield return $"code „{m.Value}“ in „{Around(text, m.Index)}“";
        }

        foreach (Match m in Word().Matches(text))
        {
            if (EnumNames.Contains(m.Value))
            {
                yield return $"enum name „{m.Value}“ in „{Around(text, m.Index)}“";
            }
        }
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 50);
        return text.Substring(start, Math.Min(110, text.Length - start));
    }

    /// <summary>A citation of a source document by its number ("004 §3", "001 §I", "001 Handlungsfeld 4") or the word seed.</summary>
    [GeneratedRegex(@"\b00[0-4]\s*(§|Handlungsfeld\b|Beratungsfolge\b|l\.\s*\d)|§\s*[IVX]+\b|\bseeds?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Codes();

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex Word();

    /// <summary>Every page reachable from the start page by links, without downloads, staff pages and the API reference.</summary>
    internal static async Task<List<(string Url, IDocument Document)>> CrawlAsync(HttpClient client)
    {
        var pages = new List<(string, IDocument)>();
        var seen = new HashSet<string> { "/" };
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0 && pages.Count < 400)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await Html.ParseAsync(response);
            pages.Add((url, document));

            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var target = href.Split('#')[0];
                if (Followed(target) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return pages;
    }

    private static Regex IdPattern(string pattern) => new("^" + Regex.Escape(pattern).Replace(@"\{id}", "[0-9]+") + "$");

    private static bool Followed(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !new[] { "/konto", "/verwaltung", "/sprache", "/api", "/kalender" }.Any(p => href.StartsWith(p, StringComparison.Ordinal))
        && !new[] { ".pdf", ".docx", ".ics", ".csv", ".json" }.Any(e => href.Split('?')[0].EndsWith(e, StringComparison.OrdinalIgnoreCase))
        && !href.Contains("/download", StringComparison.Ordinal);

    /// <summary>What a reader meets: the text of the body and the alternative texts and labels.</summary>
    private static string Visible(IDocument document)
    {
        var parts = new List<string> { document.Title ?? "" };
        parts.AddRange(document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is not IHtmlScriptElement and not IHtmlStyleElement)
            .Select(t => t.Data.Trim())
            .Where(t => t.Length > 0));
        parts.AddRange(document.QuerySelectorAll("[alt],[title],[aria-label]")
            .SelectMany(e => new[] { e.GetAttribute("alt"), e.GetAttribute("title"), e.GetAttribute("aria-label") })
            .OfType<string>());
        return string.Join(" | ", parts);
    }
}
