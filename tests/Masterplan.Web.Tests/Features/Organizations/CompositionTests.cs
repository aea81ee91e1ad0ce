using System.Net;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Organizations;

/// <summary>The composition rules of 004 §2–§3 (docs/domain.md#bodies) on the Vollversammlung's page, and membership history.</summary>
public class CompositionTests
{
    private static readonly Dictionary<string, string?> Demo = new() { ["Seed:Demo"] = "true" };

    private static async Task<int> IdAsync(AppFactory app, OrganizationKind kind)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == kind).Select(o => o.Id).SingleAsync();
    }

    [Theory, Engines]
    public async Task The_staffed_Vollversammlung_shows_20_voting_seats_the_arithmetic_and_no_violation(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Demo);

        var page = await app.CreateClient().GetPageAsync($"/gremien/{await IdAsync(app, OrganizationKind.PlenaryAssembly)}");

        Assert.Contains("Stimmberechtigte Mitglieder: 20 von 20.", page.Body!.Text());
        var rows = page.QuerySelectorAll("table.allocation tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.Text()).ToArray()).ToList();
        // Council from November 2025: quotas 10 × seats / 95; floors 2,2,1,1,1 = 7; the largest remainders (SPD .737, AfD and GRÜNE & Volt .895) get the rest.
        Assert.Equal(["SPD-Fraktion", "26", "2.736842", "2", "0.736842", "3", "3"], rows[0]);
        Assert.Equal(["CDU-Fraktion", "23", "2.421053", "2", "0.421053", "2", "2"], rows[1]);
        Assert.Equal(["Fraktion Die Linke & Tierschutzpartei", "10", "1.052632", "1", "0.052632", "1", "1"], rows[4]);
        Assert.Equal(["95", "", "7", "", "10", "10"], page.QuerySelectorAll("table.allocation tfoot td").Select(c => c.Text()));
        Assert.Contains("Die Zusammensetzung entspricht den Regeln", page.Body!.Text());
        Assert.Null(page.QuerySelector(".violations"));
    }

    [Fact]
    public async Task A_deputy_whose_principal_left_is_named_by_the_check_without_naming_the_person()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Demo);
        var plenary = await IdAsync(app, OrganizationKind.PlenaryAssembly);
        int principal;
        string deputyName;
        await using (var scope = app.Scope())
        {
            var deputy = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.Include(m => m.Person)
                .Where(m => m.OrganizationId == plenary && m.DeputyFor!.OnBehalfOf!.SeedKey == "org:polizei").SingleAsync();
            (principal, deputyName) = (deputy.DeputyForId!.Value, deputy.Person.FamilyName);
        }

        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var ended = await office.PostFormAsync($"/verwaltung/gremien/{plenary}?handler=End&membershipId={principal}",
            new() { ["endDate"] = "2026-11-22", ["reason"] = "Wechsel bei der Polizei" }, $"/verwaltung/gremien/{plenary}");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var violations = (await app.CreateClient().GetPageAsync($"/gremien/{plenary}")).QuerySelectorAll(".violations li").Select(l => l.Text()).ToList();
        var orphan = Assert.Single(violations, v => v.StartsWith("Die Stellvertretung für Polizei", StringComparison.Ordinal));
        Assert.Contains("endete: beenden Sie sie oder ordnen Sie sie der neuen Mitgliedschaft zu.", orphan);
        Assert.DoesNotContain(deputyName, orphan);
    }

    [Fact]
    public async Task Ending_an_institutions_member_makes_a_violation_appear_and_it_is_audited()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Demo);
        var plenary = await IdAsync(app, OrganizationKind.PlenaryAssembly);
        int police;
        await using (var scope = app.Scope())
        {
            police = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships
                .Where(m => m.OrganizationId == plenary && m.OnBehalfOf!.SeedKey == "org:polizei" && m.DeputyForId == null).Select(m => m.Id).SingleAsync();
        }

        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var ended = await office.PostFormAsync($"/verwaltung/gremien/{plenary}?handler=End&membershipId={police}",
            new() { ["endDate"] = "2026-11-22", ["reason"] = "Wechsel bei der Polizei" }, $"/verwaltung/gremien/{plenary}");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var page = await app.CreateClient().GetPageAsync($"/gremien/{plenary}");
        var violations = page.QuerySelectorAll(".violations li").Select(l => l.Text()).ToList();
        Assert.Contains(violations, v => v.StartsWith("Polizei entsendet ein stimmberechtigtes Mitglied; der Sitz ist nicht besetzt.", StringComparison.Ordinal) && v.EndsWith("Quelle: Gemeinsamer Antrag von SPD, GRÜNEN und CDU im Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden vom 12.12.2023, Nummer 3", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Die Vollversammlung hat 20 stimmberechtigte Mitglieder; besetzt sind 19.", StringComparison.Ordinal));

        await using var check = app.Scope();
        var audit = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ToListAsync();
        Assert.Contains(audit, a => a.Action == "membership.updated" && a.EntityId == police.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Reason == "Wechsel bei der Polizei");
        Assert.Contains(audit, a => a.Action == "composition.violation" && a.Changes!.Contains("Polizei", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_members_every_seat_is_reported_vacant_and_the_Lenkungskreis_refuses_external_members()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var plenary = await app.CreateClient().GetPageAsync($"/gremien/{await IdAsync(app, OrganizationKind.PlenaryAssembly)}");
        Assert.Contains("Die Vollversammlung hat 20 stimmberechtigte Mitglieder; besetzt sind 0.", plenary.QuerySelector(".violations")!.Text());

        var steering = await IdAsync(app, OrganizationKind.SteeringCircle);
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cityring = await data.Organizations.SingleAsync(o => o.SeedKey == "org:cityring");
            data.Memberships.Add(new Membership { Person = new Person { GivenName = "Extern", FamilyName = "Handel" }, OrganizationId = steering, OnBehalfOf = cityring, StartDate = new DateOnly(2026, 1, 1) });
            await data.SaveChangesAsync();
        }

        var page = await app.CreateClient().GetPageAsync($"/gremien/{steering}");
        Assert.Contains("ist extern", page.QuerySelector(".violations")!.Text());
        Assert.Contains("Beschwerden vom 12.12.2023, Nummer 2", page.QuerySelector(".violations")!.Text());
    }

    [Theory, Engines]
    public async Task Who_sat_in_the_Vollversammlung_on_a_day_is_answerable(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var plenary = await IdAsync(app, OrganizationKind.PlenaryAssembly);
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            data.Memberships.Add(new Membership { Person = new Person { GivenName = "Frieda", FamilyName = "Früher", PublicConsent = true }, OrganizationId = plenary, StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2025, 6, 30) });
            data.Memberships.Add(new Membership { Person = new Person { GivenName = "Nora", FamilyName = "Neu", PublicConsent = true }, OrganizationId = plenary, StartDate = new DateOnly(2025, 7, 1) });
            data.Memberships.Add(new Membership { Person = new Person { GivenName = "Geheim", FamilyName = "Ohne", PublicConsent = false }, OrganizationId = plenary, StartDate = new DateOnly(2024, 1, 1) });
            await data.SaveChangesAsync();
        }

        var client = app.CreateClient();
        async Task<List<string?>> NamesOn(string day)
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/organizations/{plenary}/memberships?at={day}"));
            return doc.RootElement.EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        }

        Assert.Equal(["Frieda Früher", null], await NamesOn("2025-03-01"));
        Assert.Equal(["Nora Neu", null], (await NamesOn("2025-07-01")).OrderBy(n => n is null).ToList());
        Assert.Empty(await NamesOn("2023-12-31"));
        var bad = await client.GetAsync($"/api/v1/organizations/{plenary}/memberships?at=01.03.2025");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"at\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organizations/999999/memberships")).StatusCode);
    }
}
