using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>LEXIMIN stopped by its limit: a message on the progress page in the language of whoever started the draw, and nothing drawn.</summary>
public class PanelLimitTests
{
    [Theory, Engines]
    public async Task A_panel_draw_that_LEXIMIN_cannot_finish_in_time_says_so_and_stores_nothing(DatabaseProvider engine)
    {
        // One tick: the solver stops before its first step, as a large pool would at a real limit.
        var settings = new Dictionary<string, string?>(LabChainTests.Settings) { ["Labs:LeximinTimeLimit"] = "00:00:00.0000001" };
        await using var app = await AppFactory.StartAsync(engine, settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await LabChainTests.RegisteredLabAsync(app, office);

        var draw = $"/verwaltung/quartierslabore/{id}/losverfahren";
        var select = new Dictionary<string, string>
        {
            ["PanelSize"] = "4", ["Algorithm"] = "leximin", ["Seed"] = "3 9 21 30 41 45",
            ["Quotas"] = "Altersgruppe; 25-34; 1; 3\nAltersgruppe; 50-64; 1; 3\nGeschlecht; weiblich; 2; 2\nGeschlecht; männlich; 2; 2",
        };
        // The limit is met in the background: the progress page says why nothing was drawn, in the language of whoever started it.
        var german = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw));
        Assert.Equal("failed", german.State);
        Assert.Contains("LEXIMIN hat an seiner Zeitgrenze von 1 s aufgehört, bevor die fairste Verlosung feststand. Es wurde nichts ausgelost und nichts gespeichert.", german.Page);

        office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw));
        Assert.Equal("failed", english.State);
        var text = english.Page;
        Assert.Contains("LEXIMIN stopped at its time limit of 1 s, before the fairest lottery was found. Nobody was drawn and nothing was stored.", text);
        Assert.DoesNotContain("aufgehört", text);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.PanelSelections.AnyAsync(s => s.LabId == id));
            Assert.Equal(LabState.RegistrationOpen, (await db.Labs.SingleAsync(l => l.Id == id)).State);
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityType).ToListAsync(), t => t == "PanelSelectionRecord");
        }
    }
}
