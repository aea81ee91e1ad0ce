using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Organizations;

public class OrganizationPagesTests
{
    [Theory, Engines]
    public async Task The_organizations_page_shows_the_masterplan_bodies_with_kind_and_parent(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);

        var page = await app.CreateClient().GetPageAsync("/gremien");

        string Section(string heading) => page.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.Text().StartsWith(heading, StringComparison.Ordinal)).Text();
        Assert.Contains("Vollversammlung Masterplan Kommunale Sicherheit 2.0", Section("Vollversammlung"));
        Assert.Contains("Lenkungskreis Masterplan Kommunale Sicherheit 2.0", Section("Lenkungskreis"));
        Assert.Contains("Sonderstab „Ordnung und Stadtleben“", Section("Sonderstab"));
        var groups = Section("Arbeitsgruppe");
        foreach (var sub in new[] { "Stadtbild verschönern", "Campieren reduzieren", "Belästigungen bekämpfen", "Sucht vermeiden", "Suchthilfe weiterentwickeln" })
        {
            Assert.Contains($"{sub} Teil von Sonderstab „Ordnung und Stadtleben“", groups);
        }
    }

    [Fact]
    public async Task The_Sonderstab_page_lists_its_five_sub_groups()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        int id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == OrganizationKind.SpecialTaskForce).Select(o => o.Id).SingleAsync();
        }

        var page = await app.CreateClient().GetPageAsync($"/gremien/{id}");

        Assert.Equal("Sonderstab „Ordnung und Stadtleben“", page.QuerySelector("h1")!.Text());
        Assert.Equal(
            ["Belästigungen bekämpfen", "Campieren reduzieren", "Stadtbild verschönern", "Sucht vermeiden", "Suchthilfe weiterentwickeln"],
            page.QuerySelectorAll("main h2 + ul li a").Select(a => a.Text()).Order(StringComparer.Ordinal));
    }

    [Theory, Engines]
    public async Task The_seeded_structure_has_the_bodies_of_004_and_the_current_council_groups(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var orgs = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.AsNoTracking().ToListAsync();

        // 004 §3: the eight institutions that each send one voting member.
        foreach (var name in new[] { "Behindertenpolitisches Netzwerk", "Integrationsrat", "Seniorenbeirat", "Cityring", "Handelsverband", "Drogenhilfe", "Arbeitsgemeinschaft der Wohlfahrtspflege", "Polizei" })
        {
            Assert.Contains(orgs, o => o.Name == name);
        }

        // 004 §3: the advisory members "in any case" (16 entries).
        foreach (var name in new[] { "Staatsanwaltschaft", "Amtsgericht", "Feuerwehr", "EDG", "Ordnungsamt", "Sozialamt", "Gesundheitsamt", "Jugendamt", "IHK", "Gleichstellungsbeauftragte", "LSBTIQ-Koordinierungsstelle", "SLADO", "Aidshilfe", "Weißer Ring", "Jugendring" })
        {
            Assert.Contains(orgs, o => o.Name == name);
        }

        Assert.Contains(orgs, o => o.Name.Contains("Obdach- und Wohnungslosigkeit", StringComparison.Ordinal));

        // The council from November 2025 (sources in reference-data.json): five Fraktionen and two Gruppen.
        var onDay = new DateOnly(2026, 1, 15);
        var current = orgs.Where(o => o.Kind == OrganizationKind.Fraction && o.IsActiveOn(onDay)).ToDictionary(o => o.Name, o => o.CouncilSeats);
        Assert.Equal(26, current["SPD-Fraktion"]);
        Assert.Equal(23, current["CDU-Fraktion"]);
        Assert.Equal(18, current["AfD-Fraktion"]);
        Assert.Equal(18, current["Fraktion GRÜNE & Volt"]);
        Assert.Equal(10, current["Fraktion Die Linke & Tierschutzpartei"]);
        Assert.Equal(7, current.Count);

        // The 2020–2025 council stays as history.
        Assert.Equal(88, orgs.Where(o => o.Kind == OrganizationKind.Fraction && o.IsActiveOn(new DateOnly(2023, 12, 12))).Sum(o => o.CouncilSeats));
        Assert.Equal(12, orgs.Count(o => o.Kind == OrganizationKind.Council && o.DistrictId != null));
        Assert.Contains(orgs, o => o.ShortName == "ABöOAB" && o.Kind == OrganizationKind.Committee);
        Assert.Contains(orgs, o => o.Name == "Rat der Stadt Dortmund" && o.Kind == OrganizationKind.Council);
        Assert.Contains(orgs, o => o.Kind == OrganizationKind.Department);
    }

    [Fact]
    public async Task The_organizations_API_lists_and_filters_by_kind()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/organizations"));
        using var fractions = JsonDocument.Parse(await client.GetStringAsync("/api/v1/organizations?kind=Fraction"));

        Assert.True(all.RootElement.GetArrayLength() > 60);
        Assert.All(fractions.RootElement.EnumerateArray(), f => Assert.Equal("Fraction", f.GetProperty("kind").GetString()));
        Assert.Equal(14, fractions.RootElement.GetArrayLength());
        var sub = all.RootElement.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Sucht vermeiden");
        Assert.Equal("Sonderstab „Ordnung und Stadtleben“", sub.GetProperty("parentName").GetString());
        var one = await client.GetAsync($"/api/v1/organizations/{sub.GetProperty("id").GetInt32()}");
        Assert.Equal(System.Net.HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organizations/987654")).StatusCode);
    }

    [Fact]
    public async Task Demo_members_are_marked_and_names_appear_only_with_consent()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        int id;
        List<Person> persons;
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = await data.Organizations.Where(o => o.Kind == OrganizationKind.PlenaryAssembly).Select(o => o.Id).SingleAsync();
            persons = await data.Persons.ToListAsync();
        }

        var page = await app.CreateClient().GetPageAsync($"/gremien/{id}");

        var rows = page.QuerySelectorAll("table.members tbody tr").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Demo", r.QuerySelector(".badge")!.Text()));
        Assert.All(persons, p => Assert.True(p.IsDemo));
        var text = page.Body!.Text();
        foreach (var hidden in persons.Where(p => !p.PublicConsent))
        {
            Assert.DoesNotContain(hidden.DisplayName, text);
        }

        Assert.Contains(persons, p => p.PublicConsent && text.Contains(p.DisplayName, StringComparison.Ordinal));
        Assert.Contains("Name nicht veröffentlicht", text);
        Assert.DoesNotContain("@", string.Concat(rows.Select(r => r.Text()))); // never contact data
    }
}
