using System.Net;
using AngleSharp.Dom;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Masterplan.Web.Features.Home;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>The site search (/suche), the contact page (/kontakt) and the start page's meetings, lab and news.</summary>
public class FindYourWayTests
{
    /// <summary>Public and non-public items that share words, planted beside the reference data.</summary>
    private static async Task PlantAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.Organizations.Where(o => o.Kind == OrganizationKind.PlenaryAssembly).Select(o => o.Id).FirstAsync();
        var field = await db.FieldsOfAction.Where(f => !f.IsRetired).Select(f => f.Id).FirstAsync();
        var now = app.Clock.GetUtcNow();
        Meeting Meeting(string title, bool isPublic, int days) => new()
        {
            OrganizationId = body, Title = title, Start = now.AddDays(days), End = now.AddDays(days).AddHours(2), IsPublic = isPublic,
            Address = "Nordmarkt 1, 44145 Dortmund", CalendarUid = $"{Guid.NewGuid():N}@test",
        };
        db.Meetings.AddRange(
            Meeting("Sitzung zur Beleuchtung am Nordmarkt", true, 10),
            Meeting("Geheimsitzung Xylophonwerkstatt Nordmarkt", false, 5));
        Measure Measure(string title, bool isPublic, string? description = null) => new()
        {
            FieldOfActionId = field, Title = title, Description = description, IsPublic = isPublic, Status = MeasureStatus.InProgress, UpdatedAt = now,
        };
        db.Measures.AddRange(
            Measure("Beleuchtung der Unterführungen am Nordmarkt", true, "Hellere Lampen in allen Unterführungen rund um den Nordmarkt."),
            Measure("Streetwork", true, "Aufsuchende Arbeit, auch im Kreuzviertel und in der Nordstadt."),
            Measure("Präventionsprojekt Kreuzviertel", true),
            Measure("Öffnungszeiten der Jugendtreffs", true),
            Measure("Depublizierte Xylophonmaßnahme am Nordmarkt", false, "Nicht mehr öffentlich."));
        db.Measures.AddRange(Enumerable.Range(1, 25).Select(i => Measure($"Blätterprobe {i:00}", true)));
        db.Labs.Add(new NeighbourhoodLab
        {
            Title = "Quartierslabor Nordstadt", District = "Innenstadt-Nord", Year = 2026, Quarter = 4,
            ResultsSummary = "Mehr Beleuchtung und Sitzbänke am Nordmarkt.", CreatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    private static IElement? Group(IDocument page, string heading) =>
        page.QuerySelectorAll("main section").FirstOrDefault(s => s.QuerySelector("h2")!.Text().StartsWith(heading, StringComparison.Ordinal));

    private static List<string> Titles(IElement? group) => group is null ? [] : [.. group.QuerySelectorAll("li > a").Select(a => a.Text())];

    [Theory, Engines]
    public async Task The_search_finds_public_items_of_every_kind_grouped_with_German_word_forms_and_nothing_that_is_not_public(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await PlantAsync(app);
        var client = app.CreateClient();

        // "Beleuchtungen", lower case with an umlaut: the plural and the case do not matter.
        var page = await client.GetPageAsync("/suche?q=beleuchtungen+unterführungen");
        Assert.Equal(["Beleuchtung der Unterführungen am Nordmarkt"], Titles(Group(page, "Maßnahmen")));
        Assert.Contains("Hellere Lampen", Group(page, "Maßnahmen")!.QuerySelector(".excerpt")!.Text());

        page = await client.GetPageAsync("/suche?q=Nordmarkt");
        Assert.Equal(["Sitzung zur Beleuchtung am Nordmarkt"], Titles(Group(page, "Sitzungen")));
        Assert.Contains("Quartierslabor Nordstadt", Titles(Group(page, "Quartierslabore")));
        Assert.Contains("Beleuchtung der Unterführungen am Nordmarkt", Titles(Group(page, "Maßnahmen")));
        var meetingLink = Group(page, "Sitzungen")!.QuerySelector("li > a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(meetingLink)).StatusCode);
        Assert.DoesNotContain("Xylophon", page.Body!.Text(), StringComparison.Ordinal);

        // The planted non-public meeting and the depublished measure are found by nobody, not even by their own words.
        page = await client.GetPageAsync("/suche?q=Xylophonwerkstatt");
        Assert.Empty(page.QuerySelectorAll("main section"));
        Assert.Contains("Zu „Xylophonwerkstatt“ wurde nichts gefunden.", page.QuerySelector("main [role=status]")!.Text());
        page = await client.GetPageAsync("/suche?q=Depublizierte+Xylophonmaßnahme");
        Assert.Empty(page.QuerySelectorAll("main section"));

        // An umlaut at the start of a word, typed in lower case.
        page = await client.GetPageAsync("/suche?q=%C3%B6ffnungszeiten");
        Assert.Equal(["Öffnungszeiten der Jugendtreffs"], Titles(Group(page, "Maßnahmen")));

        // A word in the title ranks before the same word in the description.
        page = await client.GetPageAsync("/suche?q=Kreuzviertel&art=massnahmen");
        Assert.Equal(["Präventionsprojekt Kreuzviertel", "Streetwork"], Titles(Group(page, "Maßnahmen")));

        // Papers by number and by words of the draft decision, bodies by name, fields of action by their number today.
        page = await client.GetPageAsync("/suche?q=26093-22");
        Assert.Contains(Group(page, "Vorlagen und Anträge")!.QuerySelectorAll("li > a"), a => a.GetAttribute("href")!.StartsWith("/vorlagen/", StringComparison.Ordinal));
        page = await client.GetPageAsync("/suche?q=Vollversammlung");
        Assert.NotEmpty(Titles(Group(page, "Gremien und Beteiligte")));
        page = await client.GetPageAsync("/suche?q=Prävention&art=handlungsfelder");
        Assert.Contains(Group(page, "Handlungsfelder")!.QuerySelectorAll("li > a"), a => a.GetAttribute("href")!.StartsWith("/handlungsfelder?nummer=", StringComparison.Ordinal));
    }

    /// <summary>The GIN indexes in HandWrittenSql hold exactly the expression the search writes, so PostgreSQL can use them.</summary>
    [PostgresFact]
    public async Task On_PostgreSQL_the_search_of_papers_and_measures_can_use_its_full_text_index()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Postgres);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query = SiteSearch.Parse("Beleuchtung").Value!;
        async Task<string> PlanAsync(IQueryable<object> search)
        {
            // The query as EF writes it, with the typed text as a literal, planned with sequential scans discouraged
            // (on a handful of rows the planner rightly prefers them).
            var sql = string.Join('\n', search.ToQueryString().Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Replace("@Value", "'Beleuchtung'", StringComparison.Ordinal);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SET enable_seqscan = off; EXPLAIN " + sql;
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }

            return string.Join('\n', plan);
        }

        Assert.Contains("IX_Papers_Search", await PlanAsync(db.Papers.Matching(db, query, [p => p.Name, p => p.Reference], p => p.DecisionProposal, p => p.Reasons)));
        Assert.Contains("IX_Measures_Search", await PlanAsync(db.Measures.Matching(db, query, [m => m.Title, m => m.ExternalNumber], m => m.Description, m => m.Partners, m => m.Place)));
    }

    [Theory, Engines]
    public async Task The_search_shows_a_few_hits_per_kind_and_pages_through_one_kind(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await PlantAsync(app);
        var client = app.CreateClient();

        var page = await client.GetPageAsync("/suche?q=Bl%C3%A4tterprobe");
        Assert.Equal(5, Titles(Group(page, "Maßnahmen")).Count);
        Assert.Contains("25 Treffer", page.QuerySelector("main [role=status]")!.Text());
        var all = Group(page, "Maßnahmen")!.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Alle 25 Treffer", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal("/suche?q=Bl%C3%A4tterprobe&art=massnahmen", all);

        page = await client.GetPageAsync(all);
        Assert.Equal(20, Titles(Group(page, "Maßnahmen")).Count);
        Assert.Contains("Seite 1 von 2", page.QuerySelector("main [role=status]")!.Text());
        var next = page.QuerySelectorAll("nav a").Single(a => a.Text() == "Nächste Seite").GetAttribute("href")!;
        page = await client.GetPageAsync(next);
        Assert.Equal(5, Titles(Group(page, "Maßnahmen")).Count);
        Assert.Empty(Titles(Group(page, "Maßnahmen")).Intersect(Titles(Group(await client.GetPageAsync(all), "Maßnahmen"))));

        // A page past the end shows the last one.
        page = await client.GetPageAsync("/suche?q=Bl%C3%A4tterprobe&art=massnahmen&seite=99");
        Assert.Equal(5, Titles(Group(page, "Maßnahmen")).Count);
    }

    [Theory, Engines]
    public async Task Bad_search_input_gets_a_clear_message_and_never_a_server_error(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var client = app.CreateClient();

        async Task<(HttpStatusCode Status, IDocument Page)> SearchAsync(string query)
        {
            var response = await client.GetAsync("/suche?" + query);
            return (response.StatusCode, await Html.ParseAsync(response));
        }

        foreach (var (query, message) in new[]
        {
            ("q=", "Bitte geben Sie einen Suchbegriff ein."),
            ("q=+++", "Bitte geben Sie einen Suchbegriff ein."),
            ("q=" + new string('a', 201), "Der Suchbegriff ist zu lang. Bitte verwenden Sie höchstens 200 Zeichen."),
            ("q=%25%25%25+%27%27+%3B--+%26%7C%21", "Bitte geben Sie Wörter oder eine Nummer ein; Satzzeichen allein findet nichts."),
        })
        {
            var (status, page) = await SearchAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
            Assert.Equal("true", page.QuerySelector("#q")!.GetAttribute("aria-invalid"));
        }

        // Odd characters and the full-text syntax of PostgreSQL are only words (or nothing) to the search.
        foreach (var query in new[]
        {
            "q=%27+OR+1%3D1+--", "q=%22unclosed", "q=-+or+%21%21+%3C-%3E", "q=a%00b%0Ac", "q=x&art=gibt-es-nicht", "q=Nordmarkt&seite=-5",
            "q=%F0%9F%98%80+Sitzung", "q=der+die+das", "q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}"))),
        })
        {
            var (status, page) = await SearchAsync(query);
            Assert.True(status == HttpStatusCode.OK, $"{query} answered {(int)status}");
            Assert.NotNull(page.QuerySelector("main [role=status]"));
        }

        // Opened from a link, without a query: the form and what it finds, no message.
        var (_, empty) = await SearchAsync("");
        Assert.Null(empty.QuerySelector(".error-summary"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var (_, english) = await SearchAsync("q=");
        Assert.Contains("Please enter a search term.", english.QuerySelector(".error-summary")!.Text());
        Assert.Equal("Search", english.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task The_contact_page_shows_the_Office_from_configuration_and_where_to_turn_and_the_footer_links_it()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Contact:Phone"] = "0231 50-12345", ["Contact:People:0:Name"] = "Erika Beispiel", ["Contact:People:0:Role"] = "Fragen zum Masterplan, zu Sitzungen und Vorlagen",
        });
        var client = app.CreateClient();

        var start = await client.GetPageAsync("/");
        Assert.Contains(start.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/kontakt");

        var page = await client.GetPageAsync("/kontakt");
        var main = page.QuerySelector("main")!;
        Assert.Equal("Kontakt", main.QuerySelector("h1")!.Text());
        var address = main.QuerySelector("address")!.Text();
        Assert.Contains("Friedensplatz 1", address);
        Assert.Contains("44135 Dortmund", address);
        Assert.Contains("0231 50-12345", address);
        Assert.NotNull(main.QuerySelector("address a[href='tel:02315012345']"));
        Assert.NotNull(main.QuerySelector("address a[href^='mailto:']"));
        Assert.Contains("Erika Beispiel", main.Text());
        foreach (var link in new[] { "/meldungen/neu", "/vertraulich", "/schutzorte", "/quartierslabore/anmeldung", "/mitmachen" })
        {
            Assert.NotNull(main.QuerySelector($"a[href='{link}']"));
            Assert.True((await client.GetAsync(link)).IsSuccessStatusCode, link);
        }

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.GetPageAsync("/kontakt");
        Assert.Equal("Contact", english.QuerySelector("h1")!.Text());
        Assert.Contains("Where to turn for what", english.QuerySelector("main")!.Text());
        Assert.Contains("Questions about the masterplan", english.QuerySelector("main")!.Text());
    }

    [Theory, Engines]
    public async Task The_start_page_shows_the_next_public_meetings_the_current_lab_and_news(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var client = app.CreateClient();

        // Empty states first: no meeting ahead, no lab yet.
        var page = await client.GetPageAsync("/");
        Assert.Contains("Zurzeit ist keine öffentliche Sitzung geplant.", page.QuerySelector("section[aria-labelledby=next-meetings]")!.Text());
        Assert.Contains("Das erste Quartierslabor wird gerade geplant.", page.QuerySelector("section[aria-labelledby=current-lab]")!.Text());

        await PlantAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Labs.Add(new NeighbourhoodLab { Title = "Quartierslabor Hörde", District = "Hörde", Year = 2026, Quarter = 1, ReportedOn = new DateOnly(2026, 11, 20), CreatedAt = app.Clock.GetUtcNow() });
            db.Papers.Add(new Paper { Name = "Bericht zur Beleuchtung", PaperType = "Mitteilung", Date = new DateOnly(2026, 11, 22) });
            await db.SaveChangesAsync();
        }

        page = await client.GetPageAsync("/");
        var meetings = page.QuerySelector("section[aria-labelledby=next-meetings]")!;
        Assert.Equal(["Sitzung zur Beleuchtung am Nordmarkt"], meetings.QuerySelectorAll("li > a").Select(a => a.Text()));
        Assert.Contains("03.12.2026", meetings.Text());
        Assert.Contains("Vollversammlung", meetings.Text());
        Assert.DoesNotContain("Xylophon", page.Body!.Text(), StringComparison.Ordinal);

        var lab = page.QuerySelector("section[aria-labelledby=current-lab]")!;
        Assert.Equal("Das aktuelle Quartierslabor", lab.QuerySelector("h2")!.Text());
        Assert.Equal("Quartierslabor Nordstadt", lab.QuerySelector("li > a")!.Text());

        var news = page.QuerySelectorAll("section[aria-labelledby=news] li").Select(li => li.Text()).ToList();
        Assert.StartsWith("22.11.2026 · Neue Vorlage Bericht zur Beleuchtung", news[0], StringComparison.Ordinal);
        Assert.Contains(news, n => n.StartsWith("20.11.2026 · Ergebnisse eines Quartierslabors berichtet Quartierslabor Hörde", StringComparison.Ordinal));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.GetPageAsync("/");
        Assert.Equal("The next public meetings", english.QuerySelector("#next-meetings")!.Text());
        Assert.Contains("New paper", english.QuerySelector("section[aria-labelledby=news]")!.Text());
        Assert.Contains("03/12/2026", english.QuerySelector("section[aria-labelledby=next-meetings]")!.Text()); // 3 December, in British order

        // The page keeps what it read while nothing it shows changes; a meeting that is over still leaves it without any change.
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddDays(11));
        Assert.Contains("Zurzeit ist keine öffentliche Sitzung geplant.", (await app.CreateClient().GetPageAsync("/")).QuerySelector("section[aria-labelledby=next-meetings]")!.Text());

        // A change committed by another instance (here: SQL outside this process's saves, moving the version as that instance's
        // commit does) shows within a second: the page asks for the version again at most that late.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Labs\" SET \"Title\" = 'Quartierslabor Nordstadt-Ost' WHERE \"Title\" = 'Quartierslabor Nordstadt'");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"ReferenceDataVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"Name\" = 'start-page'");
        }

        await Task.Delay(StartPageSnapshot.Recheck + TimeSpan.FromMilliseconds(100));
        Assert.Equal("Quartierslabor Nordstadt-Ost", (await app.CreateClient().GetPageAsync("/")).QuerySelector("section[aria-labelledby=current-lab] li > a")!.Text());
    }
}
