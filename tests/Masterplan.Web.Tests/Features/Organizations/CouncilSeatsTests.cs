using System.Net;
using Masterplan.Algorithms.SeatAllocation;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Organizations;

/// <summary>New council seats (docs/domain.md#seat-allocation) are recomputed, shown as gains and losses, and a tie is decided by a recorded lot.</summary>
public class CouncilSeatsTests
{
    private static async Task<Dictionary<string, int>> FractionIdsAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var today = new DateOnly(2026, 11, 23);
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == OrganizationKind.Fraction && o.Classification == "Fraktion").ToListAsync())
            .Where(o => o.IsActiveOn(today)).ToDictionary(o => o.Name, o => o.Id);
    }

    private static Dictionary<string, string> Form(Dictionary<string, int> ids, int spd, int cdu, int afd, int gruene, int linke, string reason) => new()
    {
        [$"Seats[{ids["SPD-Fraktion"]}]"] = spd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Seats[{ids["CDU-Fraktion"]}]"] = cdu.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Seats[{ids["AfD-Fraktion"]}]"] = afd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Seats[{ids["Fraktion GRÜNE & Volt"]}]"] = gruene.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Seats[{ids["Fraktion Die Linke & Tierschutzpartei"]}]"] = linke.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Reason"] = reason,
    };

    [Fact]
    public async Task New_council_seats_show_gains_and_losses_and_a_tie_is_decided_by_a_recorded_lot()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var ids = await FractionIdsAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        // SPD 30, CDU 25, AfD 15, GRÜNE & Volt 15, Linke 10 (95 seats): floors 3+2+1+1+1 = 8; CDU's remainder .632 takes
        // the ninth seat, AfD and GRÜNE & Volt tie at .579 for the tenth.
        var preview = await Html.ParseAsync(await office.PostFormAsync("/verwaltung/ratssitze?handler=Preview", Form(ids, 30, 25, 15, 15, 10, "Fraktionswechsel"), "/verwaltung/ratssitze"));
        var rows = preview.QuerySelectorAll("table.preview tbody tr").ToDictionary(r => r.QuerySelector("th")!.Text(), r => r.Text());
        Assert.Contains("verliert 1 Sitz", rows["AfD-Fraktion"]);
        Assert.Contains("Mitgliedschaften beenden", rows["AfD-Fraktion"]);
        Assert.Contains("unverändert", rows["SPD-Fraktion"]);
        Assert.Contains("1 Sitz ist zwischen AfD-Fraktion, Fraktion GRÜNE & Volt gleich", preview.QuerySelector("p.violations")!.Text());

        await using (var scope = app.Scope())
        {
            Assert.Equal(26, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.FindAsync(ids["SPD-Fraktion"]))!.CouncilSeats); // a preview saves nothing
        }

        var applied = await office.PostFormAsync("/verwaltung/ratssitze?handler=Apply", Form(ids, 30, 25, 15, 15, 10, "Fraktionswechsel"), "/verwaltung/ratssitze");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        int plenary;
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            plenary = await data.Organizations.Where(o => o.Kind == OrganizationKind.PlenaryAssembly).Select(o => o.Id).SingleAsync();
            Assert.Contains(await data.AuditEntries.Where(a => a.Action == "organization.updated" && a.EntityId == ids["SPD-Fraktion"].ToString()).ToListAsync(),
                a => a.Reason == "Fraktionswechsel" && a.Changes!.Contains("\"CouncilSeats\":[26,30]", StringComparison.Ordinal));
        }

        var tied = await app.CreateClient().GetPageAsync($"/gremien/{plenary}");
        Assert.Contains("Gleichstand um 1 Sitz zwischen AfD-Fraktion, Fraktion GRÜNE & Volt: das Los muss entscheiden.", tied.QuerySelector(".violations")!.Text());

        var drawn = await office.PostFormAsync("/verwaltung/ratssitze?handler=Lot", new() { ["Seed"] = "7 12 33 41" }, "/verwaltung/ratssitze");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);

        // Anyone can replay the lot from the seed with the algorithm library.
        var replay = SeatAllocator.ResolveTieByLot(
            SeatAllocator.HareNiemeyer(10, [new("SPD-Fraktion", 30), new("CDU-Fraktion", 25), new("AfD-Fraktion", 15), new("Fraktion GRÜNE & Volt", 15), new("Fraktion Die Linke & Tierschutzpartei", 10)]),
            "7 12 33 41");
        var winner = replay.Lot!.Winners.Single();
        var decided = await app.CreateClient().GetPageAsync($"/gremien/{plenary}");
        Assert.Contains($"durch Los entschieden (Startwert „7 12 33 41“): {winner}.", decided.Body!.Text());
        var allocation = decided.QuerySelectorAll("table.allocation tbody tr").ToDictionary(r => r.QuerySelector("th")!.Text(), r => r.QuerySelectorAll("td")[4].Text());
        Assert.Equal("2", allocation[winner]);
        Assert.Equal("1", allocation[winner == "AfD-Fraktion" ? "Fraktion GRÜNE & Volt" : "AfD-Fraktion"]);
        Assert.DoesNotContain("Gleichstand", decided.QuerySelector(".violations")?.Text() ?? "");
    }

    [Theory, Engines]
    public async Task The_lot_is_published_with_its_public_act_and_replays_from_the_file_alone(DatabaseProvider engine)
    {
        const string act = "Gezogen vom ältesten Mitglied in der öffentlichen Sitzung der Vollversammlung am 20.11.2026";
        var folder = Directory.CreateTempSubdirectory("seat-lot-").FullName;
        var file = Path.Combine(folder, "sitzlos.json");
        await using (var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Seed:Demo"] = "true" }))
        {
            var ids = await FractionIdsAsync(app);
            var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/verwaltung/ratssitze?handler=Apply", Form(ids, 30, 25, 15, 15, 10, "Fraktionswechsel"), "/verwaltung/ratssitze")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/verwaltung/ratssitze?handler=Lot", new() { ["Seed"] = "7 12 33 41", ["SeedAct"] = act }, "/verwaltung/ratssitze")).StatusCode);
            int plenary;
            List<string> personal;
            await using (var scope = app.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                plenary = await db.Organizations.Where(o => o.Kind == OrganizationKind.PlenaryAssembly).Select(o => o.Id).SingleAsync();
                // A planted member: nothing about any person may reach the file, only fractions, seats and the lot.
                db.Persons.Add(new Person { GivenName = "Plantina", FamilyName = "Zwiebelsack", Email = "plantina.zwiebelsack@example.org" });
                await db.SaveChangesAsync();
                // The planted names and every person's e-mail (demo family names such as "Meyer" stand inside "Hare-Niemeyer").
                personal = ["Plantina", "Zwiebelsack", .. (await db.Persons.Where(p => p.Email != null).Select(p => p.Email!).ToListAsync())];
            }

            // The body's page names the public act and links the file; anyone downloads it.
            var anonymous = Users.Client(app);
            var page = await anonymous.GetPageAsync($"/gremien/{plenary}");
            Assert.Contains(act, page.Body!.Text());
            var link = page.QuerySelector("a[href^='/gremien/sitzlose/']")!;
            Assert.Contains("Los selbst nachprüfen", link.Text());
            var download = await anonymous.GetAsync(link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
            Assert.False(download.Headers.CacheControl?.Public ?? false, $"{download.Headers.CacheControl}");
            var bytes = await download.Content.ReadAsByteArrayAsync();
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains("Plantina.Zwiebelsack@example.org", personal, StringComparer.OrdinalIgnoreCase);
            Assert.All(personal, value => Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase));
            await File.WriteAllBytesAsync(file, bytes);
        }

        // Without the app and its database: the command replays the lot from the file.
        var (exit, output) = await Labs.PublicDrawFileTests.ReplayAsync(file);
        Assert.True(exit == 0, output);
        Assert.Contains("Sitzlos: 10 Sitze nach Hare-Niemeyer für 5 Fraktionen, 1 durch Los zwischen AfD-Fraktion, Fraktion GRÜNE & Volt", output);
        Assert.Contains("MATCH: the draw replays exactly.", output);

        // The other fraction published as the winner: the command says who was drawn and who is claimed.
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal(act, (string?)json["seedAct"]);
        var winner = (string)json["winners"]![0]!;
        var loser = winner == "AfD-Fraktion" ? "Fraktion GRÜNE & Volt" : "AfD-Fraktion";
        json["winners"]![0] = loser;
        await File.WriteAllTextAsync(file, json.ToJsonString());
        (exit, output) = await Labs.PublicDrawFileTests.ReplayAsync(file);
        Assert.Equal(1, exit);
        Assert.Contains($"Sitzlos: gezogen wurden nachgerechnet {winner}, veröffentlicht {loser}.", output);
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Seat_numbers_that_are_not_whole_numbers_are_refused_and_nothing_changes()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var ids = await FractionIdsAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var form = Form(ids, 30, 25, 15, 15, 10, "Test");
        form[$"Seats[{ids["CDU-Fraktion"]}]"] = "zwölf";

        var response = await office.PostFormAsync("/verwaltung/ratssitze?handler=Apply", form, "/verwaltung/ratssitze");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bitte geben Sie für CDU-Fraktion eine ganze Zahl von 0 bis 1000 ein.", html);
        Assert.DoesNotContain("is not valid", html); // binding errors speak German too
        await using var scope = app.Scope();
        Assert.Equal(26, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.FindAsync(ids["SPD-Fraktion"]))!.CouncilSeats);

        // The form sent without its button's handler shows the page again, never a 500, and changes nothing.
        var bare = await office.PostFormAsync("/verwaltung/ratssitze", Form(ids, 30, 25, 15, 15, 10, "Test"));
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(26, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.AsNoTracking().SingleAsync(o => o.Id == ids["SPD-Fraktion"])).CouncilSeats);
    }
}
