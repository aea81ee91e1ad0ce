using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Organizations;

/// <summary>Working groups (004 §4, docs/domain.md#arbeitsgruppen): formed by a recorded decision, external members, rules of procedure kept in versions.</summary>
public class WorkingGroupTests
{
    [Fact]
    public async Task The_Office_forms_a_working_group_with_an_external_member_and_versioned_rules_of_procedure()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        int plenary;
        await using (var seeded = app.Scope())
        {
            plenary = await seeded.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == OrganizationKind.PlenaryAssembly).Select(o => o.Id).SingleAsync();
        }

        var missingDecision = await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new() { ["Name"] = "AG Sichere öffentliche Räume", ["Kind"] = "WorkingGroup" });
        Assert.Contains("Bitte nennen Sie den Beschluss", await missingDecision.Content.ReadAsStringAsync());

        var created = await office.PostFormAsync("/verwaltung/gremien/bearbeiten", new()
        {
            ["Name"] = "AG Sichere öffentliche Räume", ["Kind"] = "WorkingGroup", ["ParentId"] = $"{plenary}", ["FormedBy"] = "Vollversammlung, Sitzung vom 12.03.2026, TOP 4", ["StartDate"] = "2026-03-12",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var added = await office.PostFormAsync($"/verwaltung/gremien/{id}?handler=Add", new()
        {
            ["GivenName"] = "Petra", ["FamilyName"] = "Planerin", ["VotingRight"] = "Advisory", ["Role"] = "Mitglied", ["StartDate"] = "2026-04-01",
            ["IsExternal"] = "true", ["PublicConsent"] = "true",
        }, $"/verwaltung/gremien/{id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        foreach (var (version, rules) in new[] { ("12.03.2026", "§ 1 Die AG tagt anlassbezogen."), ("01.10.2026", "§ 1 Die AG tagt monatlich.") })
        {
            var date = DateOnly.ParseExact(version, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var saved = await office.PostFormAsync($"/verwaltung/gremien/bearbeiten/{id}?handler=Rules",
                new() { ["RulesAdoptedBy"] = "Vollversammlung", ["RulesAdoptedOn"] = date, ["RulesText"] = rules }, $"/verwaltung/gremien/bearbeiten/{id}");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await app.CreateClient().GetPageAsync($"/gremien/{id}");
        var text = page.Body!.Text();
        Assert.Contains("Gebildet durch Vollversammlung, Sitzung vom 12.03.2026, TOP 4", text);
        Assert.Contains("Teil von", (await app.CreateClient().GetPageAsync("/gremien")).Body!.Text());
        Assert.Contains("Fassung 2, beschlossen am 01.10.2026 (Vollversammlung)", text);
        Assert.Contains("§ 1 Die AG tagt monatlich.", text);
        Assert.Contains("Fassung 1, beschlossen am 12.03.2026", text);
        Assert.Contains("Petra Planerin", page.QuerySelector("table.members")!.Text());

        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var group = await data.Organizations.Include(o => o.Parent).SingleAsync(o => o.Id == id);
        Assert.Equal(OrganizationKind.WorkingGroup, group.Kind);
        Assert.Equal(OrganizationKind.PlenaryAssembly, group.Parent!.Kind);
        Assert.True(await data.Memberships.AnyAsync(m => m.OrganizationId == id && m.IsExternal));
        Assert.Equal(2, await data.AuditEntries.CountAsync(a => a.Action == "rulesOfProcedure.created"));
    }
}
