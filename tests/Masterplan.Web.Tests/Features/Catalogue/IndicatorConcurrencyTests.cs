using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>Several people (or a double click) record a value for the same date at once: one wins, the others hear why, nobody gets a 500.</summary>
public class IndicatorConcurrencyTests
{
    private const string EditPage = "/verwaltung/kennzahlen/bearbeiten";

    [Theory, Engines]
    public async Task Simultaneous_values_for_one_date_store_one_and_answer_the_others_as_if_they_had_come_alone(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var node = await IndicatorTests.NodeAsync(app, "2.5");
        var created = await office.PostAsJsonAsync("/api/v1/indicators", new { fieldOfActionId = node, name = "Beleuchtete Angsträume", unit = "Orte", direction = "HigherIsBetter", isPublic = true });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The API: 20 requests for 01.06.2026 at once.
        var api = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => office.PostAsJsonAsync($"/api/v1/indicators/{id}/values", new { date = "2026-06-01", value = 10 + i }))));
        Assert.DoesNotContain(api, r => (int)r.StatusCode >= 500);
        Assert.Single(api, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in api.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("Für den 01.06.2026 ist bereits ein Wert erfasst.", problem.GetProperty("errors").GetProperty("date")[0].GetString());
        }

        // The form: 10 posts for 01.07.2026 at once (the tokens are fetched first, so the posts really overlap).
        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => office.AntiforgeryTokenAsync($"{EditPage}/{id}")));
        var pages = await Task.WhenAll(tokens.Select((token, i) => Task.Run(() => office.PostAsync($"{EditPage}/{id}?handler=Value", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ValueDate"] = "2026-07-01", ["Value"] = (20 + i).ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        })))));
        Assert.DoesNotContain(pages, r => (int)r.StatusCode >= 500);
        Assert.Single(pages, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in pages.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Contains("Für den 01.07.2026 ist bereits ein Wert erfasst.", await Meetings.MeetingChainTests.Errors(refused));
        }

        // CSV imports of the same file at once: one imports, the others list the lines as already recorded.
        var imports = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            office.PostAsync($"/api/v1/indicators/{id}/values/csv", new StringContent("date,value\n2026-08-01,3\n2026-09-01,4\n", Encoding.UTF8, "text/csv")))));
        Assert.DoesNotContain(imports, r => (int)r.StatusCode >= 500);
        Assert.Single(imports, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in imports.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Für den 01.08.2026 ist bereits ein Wert erfasst.", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(4, await IndicatorTests.QueryAsync(app, db => db.IndicatorValues.CountAsync(v => v.IndicatorId == id)));
    }

    [Theory, Engines]
    public async Task A_unique_key_violation_is_recognised_on_both_engines_and_nothing_else_is(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var node = await IndicatorTests.NodeAsync(app, "2.5");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var indicator = new Indicator { FieldOfActionId = node, Name = "Test", Unit = "Orte", UpdatedAt = app.Clock.GetUtcNow() };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        db.IndicatorValues.Add(new IndicatorValue { IndicatorId = indicator.Id, Date = new DateOnly(2026, 1, 1), Value = 1 });
        await db.SaveChangesAsync();

        db.IndicatorValues.Add(new IndicatorValue { IndicatorId = indicator.Id, Date = new DateOnly(2026, 1, 1), Value = 2 });
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(duplicate.IsUniqueViolation());
        db.ChangeTracker.Clear();

        // A missing parent is a different fault and stays one.
        db.IndicatorValues.Add(new IndicatorValue { IndicatorId = 999_999, Date = new DateOnly(2026, 1, 2), Value = 3 });
        var orphan = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.False(orphan.IsUniqueViolation());
    }
}
