using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Organizations;

/// <summary>The Office creates any body, with or without a parent (002 l. 87–91), and the rules that still hold: no cycle, a parent that exists, one Vollversammlung.</summary>
public class BodiesTests
{
    private const string RoundTable = "Runder Tisch Wohnungslosigkeit und Drogenkonsum";

    [Theory, Engines]
    public async Task The_Office_creates_a_further_body_without_a_parent_and_a_sub_group_below_it(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        var form = await office.GetPageAsync("/verwaltung/gremien/bearbeiten");
        Assert.Contains("Weiteres Gremium", form.QuerySelector("select#Kind")!.Text());
        Assert.DoesNotContain("Vollversammlung", form.QuerySelectorAll("select#Kind option").Select(o => o.Text()));
        Assert.Equal("", form.QuerySelector("select#ParentId option[selected]")!.GetAttribute("value"));

        var created = await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new()
        {
            ["Name"] = RoundTable, ["Kind"] = "Forum", ["ParentId"] = "",
            ["Purpose"] = "Konflikte rund um Obdachlosigkeit und Drogenkonsum: Politik, Behörden, Beratungsstellen, Betroffene und Handel an einem Tisch.",
            ["StartDate"] = "2026-12-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdOf(created);

        var page = await app.CreateClient().GetPageAsync($"/gremien/{id}");
        var facts = page.QuerySelector("dl.facts")!.Text();
        Assert.Contains("Art Weiteres Gremium", facts);
        Assert.DoesNotContain("Gehört zu", facts);
        var list = await app.CreateClient().GetPageAsync("/gremien");
        var section = list.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.Text().StartsWith("Weiteres Gremium", StringComparison.Ordinal));
        Assert.Contains(RoundTable, section.Text());

        // A sub-group of the new body, reached from its page.
        var subForm = await office.GetPageAsync($"/gremien/{id}");
        var link = subForm.QuerySelectorAll("a").Single(a => a.Text() == "Untergruppe anlegen").GetAttribute("href")!;
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), (await office.GetPageAsync(link)).QuerySelector("select#ParentId option[selected]")!.GetAttribute("value"));
        var sub = await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new()
        {
            ["Name"] = "AG Nordmarkt", ["Kind"] = "WorkingGroup", ["ParentId"] = id.ToString(CultureInfo.InvariantCulture), ["FormedBy"] = "Runder Tisch, Sitzung vom 10.12.2026, TOP 2",
        }, link);
        Assert.Equal(HttpStatusCode.Redirect, sub.StatusCode);
        var subId = IdOf(sub);
        Assert.Contains("AG Nordmarkt", (await app.CreateClient().GetPageAsync($"/gremien/{id}")).QuerySelector("main")!.Text());
        Assert.Contains($"Gehört zu {RoundTable}", (await app.CreateClient().GetPageAsync($"/gremien/{subId}")).QuerySelector("dl.facts")!.Text());

        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await data.Organizations.SingleAsync(o => o.Id == id);
        Assert.Equal(OrganizationKind.Forum, body.Kind);
        Assert.Null(body.ParentId);
        Assert.Equal(id, (await data.Organizations.SingleAsync(o => o.Id == subId)).ParentId);
        Assert.True(await data.AuditEntries.AnyAsync(a => a.EntityType == nameof(Organization) && a.EntityId == id.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory, Engines]
    public async Task A_body_cannot_sit_below_itself_below_a_missing_body_or_be_a_second_Vollversammlung(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var top = IdOf(await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new() { ["Name"] = RoundTable, ["Kind"] = "Forum" }));
        var middle = IdOf(await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new() { ["Name"] = "AG Nordmarkt", ["Kind"] = "Forum", ["ParentId"] = $"{top}" }));
        var bottom = IdOf(await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new() { ["Name"] = "AG Nordmarkt Ost", ["Kind"] = "Forum", ["ParentId"] = $"{middle}" }));

        async Task<string> Refusal(string url, Dictionary<string, string> fields)
        {
            var answer = await office.PostFormAsync(url, fields);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return (await Html.ParseAsync(answer)).QuerySelector(".error-summary")!.Text();
        }

        var edit = $"/verwaltung/gremien/bearbeiten/{top}";
        const string Cycle = "Ein Gremium kann nicht zu sich selbst oder zu einem Gremium gehören, das unter ihm steht.";
        Assert.Contains(Cycle, await Refusal(edit, new() { ["Name"] = RoundTable, ["Kind"] = "Forum", ["ParentId"] = $"{bottom}" }));
        Assert.Contains(Cycle, await Refusal(edit, new() { ["Name"] = RoundTable, ["Kind"] = "Forum", ["ParentId"] = $"{top}" }));
        Assert.Contains("Das gewählte übergeordnete Gremium gibt es nicht.", await Refusal(edit, new() { ["Name"] = RoundTable, ["Kind"] = "Forum", ["ParentId"] = "999999" }));
        Assert.Contains("Es gibt bereits eine Vollversammlung (004 §3)", await Refusal("/verwaltung/gremien/bearbeiten", new() { ["Name"] = "Zweite Vollversammlung", ["Kind"] = "PlenaryAssembly" }));
        Assert.Contains("Bitte nennen Sie den Beschluss, mit dem die Arbeitsgruppe gebildet wurde.", await Refusal("/verwaltung/gremien/bearbeiten", new() { ["Name"] = "AG ohne Beschluss", ["Kind"] = "WorkingGroup" }));
        Assert.Contains("Bitte wählen Sie die Art des Gremiums.", await Refusal("/verwaltung/gremien/bearbeiten", new() { ["Name"] = "Ohne Art" }));

        // The form offers neither the body itself nor what sits below it as parent.
        var form = await office.GetPageAsync(edit);
        var offered = form.QuerySelectorAll("select#ParentId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain($"{top}", offered);
        Assert.DoesNotContain($"{bottom}", offered);

        // Moving the bottom body to the top level is fine.
        var moved = await office.PostFormAsync($"/verwaltung/gremien/bearbeiten/{bottom}", new() { ["Name"] = "AG Nordmarkt Ost", ["Kind"] = "Forum", ["ParentId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Null((await data.Organizations.SingleAsync(o => o.Id == bottom)).ParentId);
        Assert.Null((await data.Organizations.SingleAsync(o => o.Id == top)).ParentId);
        Assert.Equal(1, await data.Organizations.CountAsync(o => o.Kind == OrganizationKind.PlenaryAssembly));
    }

    [Theory, Engines]
    public async Task A_bodys_page_shows_former_members_with_their_dates_and_deputies_and_hides_what_the_member_list_hides(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = IdOf(await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new() { ["Name"] = RoundTable, ["Kind"] = "Forum" }));
        int police, cityring;
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            police = await data.Organizations.Where(o => o.Name == "Polizei").Select(o => o.Id).SingleAsync();
            cityring = await data.Organizations.Where(o => o.Name == "Cityring").Select(o => o.Id).SingleAsync();
        }

        var members = $"/verwaltung/gremien/{id}";
        async Task<int> AddAsync(string given, string family, bool consent, string start, int? onBehalfOf = null, int? deputyFor = null, string role = "Mitglied")
        {
            var fields = new Dictionary<string, string>
            {
                ["GivenName"] = given, ["FamilyName"] = family, ["Email"] = $"{given.ToLowerInvariant()}@example.org", ["VotingRight"] = "Voting", ["Role"] = role,
                ["StartDate"] = start, ["PublicConsent"] = consent ? "true" : "false",
                ["OnBehalfOfId"] = onBehalfOf?.ToString(CultureInfo.InvariantCulture) ?? "", ["DeputyForId"] = deputyFor?.ToString(CultureInfo.InvariantCulture) ?? "",
            };
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{members}?handler=Add", fields, members)).StatusCode);
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.Where(m => m.Person.FamilyName == family).Select(m => m.Id).SingleAsync();
        }

        async Task EndAsync(int membership, string end) =>
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{members}?handler=End&membershipId={membership}", new() { ["endDate"] = end, ["reason"] = "Wechsel" }, members)).StatusCode);

        var anna = await AddAsync("Anna", "Alt", consent: true, "2025-01-01", police, role: "Vorsitz");
        var bernd = await AddAsync("Bernd", "Geheim", consent: false, "2025-02-01", cityring);
        var dora = await AddAsync("Dora", "Vertreterin", consent: true, "2025-01-01", police, deputyFor: anna);
        var emil = await AddAsync("Emil", "Ersatz", consent: true, "2025-02-01", deputyFor: bernd);
        await AddAsync("Clara", "Neu", consent: true, "2026-07-01", police);
        await EndAsync(anna, "2026-06-30");
        await EndAsync(dora, "2026-06-30");
        await EndAsync(bernd, "2026-03-31");
        await EndAsync(emil, "2026-03-31");

        var page = await app.CreateClient().GetPageAsync($"/gremien/{id}");
        var current = page.QuerySelectorAll("table.members tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(["Clara Neu Polizei Mitglied stimmberechtigt 01.07.2026"], current);
        var former = page.QuerySelectorAll("table.former-members tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.Text()).ToList()).ToList();
        Assert.Equal(4, former.Count);
        Assert.Contains(["Anna Alt", "Polizei", "Vorsitz", "stimmberechtigt", "01.01.2025", "30.06.2026"], former);
        Assert.Contains(["Dora Vertreterin", "Polizei", "Mitglied Vertretung für Anna Alt", "stimmberechtigt", "01.01.2025", "30.06.2026"], former);
        Assert.Equal(["Name nicht veröffentlicht", "–", "Mitglied", "stimmberechtigt", "01.02.2025", "31.03.2026"], former[2][0] == "Name nicht veröffentlicht" ? former[2] : former[3]);
        Assert.Contains(["Emil Ersatz", "–", "Mitglied Vertretung für ein Mitglied, dessen Name nicht veröffentlicht ist", "stimmberechtigt", "01.02.2025", "31.03.2026"], former);
        Assert.Equal(["30.06.2026", "30.06.2026", "31.03.2026", "31.03.2026"], former.Select(r => r[5]));
        var html = page.DocumentElement.OuterHtml;
        foreach (var hidden in new[] { "Geheim", "Bernd", "Cityring", "@example.org" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }

        // The member list of an earlier day.
        var earlier = await app.CreateClient().GetPageAsync($"/gremien/{id}?stand=2026-05-01");
        var then = earlier.QuerySelectorAll("table.members tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(2, then.Count);
        Assert.Contains(then, r => r.StartsWith("Anna Alt Polizei Vorsitz", StringComparison.Ordinal));
        Assert.Contains(then, r => r.StartsWith("Dora Vertreterin Polizei Mitglied Vertretung für Anna Alt", StringComparison.Ordinal));
        Assert.Equal("2026-05-01", earlier.QuerySelector("input#stand")!.GetAttribute("value"));
        Assert.Contains("Am 01.01.2024 hatte das Gremium keine eingetragenen Mitglieder.", (await app.CreateClient().GetPageAsync($"/gremien/{id}?stand=2024-01-01")).QuerySelector("main")!.Text());
    }

    private static int IdOf(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }
}
