using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>Milestones per measure (docs/domain.md#milestones); overdue ones on the Office dashboard and mailed to the responsible unit by the daily job.</summary>
public class MilestoneTests
{
    private const string EditPage = "/verwaltung/massnahmen/bearbeiten";

    [Theory, Engines]
    public async Task Overdue_milestones_reach_the_dashboard_and_the_units_staff_by_mail_once_a_week(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?>
        {
            // The test runs the job itself; a running scheduler would fire it as soon as the test moves the clock.
            ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example", ["Jobs:Enabled"] = "false",
        });
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<Quartz.ICronTrigger>(await scheduler.GetTrigger(MilestoneReminderJob.Daily, CancellationToken.None));
        Assert.Equal(("0 0 7 * * ?", "Europe/Berlin"), (trigger.CronExpressionString, trigger.TimeZone.Id));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (node, unit, other) = await IndicatorTests.QueryAsync(app, async db => (
            await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "Ordnungsamt").Select(o => o.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "Jugendamt").Select(o => o.Id).SingleAsync()));
        var staff = await Users.CreateAsync(app, "ordnungsamt@stadtdo.de", Roles.DepartmentStaff);
        await Users.CreateAsync(app, "jugendamt@stadtdo.de", Roles.DepartmentStaff);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (email, department) in new[] { ("ordnungsamt@stadtdo.de", unit), ("jugendamt@stadtdo.de", other) })
            {
                var user = (await users.FindByEmailAsync(email))!;
                user.DepartmentId = department;
                await users.UpdateAsync(user);
            }
        }

        var created = await office.PostFormAsync(EditPage, new()
        {
            ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Title"] = "Beleuchtung am Nordmarkt", ["Status"] = "InProgress", ["Progress"] = "20",
            ["Weight"] = "1", ["StartDate"] = "2026-01-01", ["SourceKind"] = "MeetingDecision", ["IsPublic"] = "true", ["UnitIds"] = unit.ToString(CultureInfo.InvariantCulture),
        });
        var measure = MeetingChainTests.IdFrom(created);
        var page = $"{EditPage}/{measure}";
        foreach (var (title, due) in new[] { ("Ausschreibung", "2026-11-30"), ("Leuchten montiert", "2026-12-15") })
        {
            var added = await office.PostFormAsync($"{page}?handler=Milestone", new() { ["MilestoneTitle"] = title, ["MilestoneDue"] = due }, page);
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(added));
        }

        var early = await office.PostFormAsync($"{page}?handler=Milestone", new() { ["MilestoneTitle"] = "Vor dem Beginn", ["MilestoneDue"] = "2025-12-01" }, page);
        Assert.Contains("Der Meilenstein kann nicht vor dem Beginn der Maßnahme am 01.01.2026 fällig sein.", await MeetingChainTests.Errors(early));

        // Nothing is overdue yet; the first milestone is due soon.
        var dashboard = await office.GetPageAsync("/verwaltung/meilensteine");
        Assert.Contains("Kein Meilenstein ist überfällig.", dashboard.Body!.Text());
        Assert.Contains("30.11.2026: Ausschreibung", dashboard.Body!.Text());
        Assert.Equal((0, 0), await RemindAsync(app));

        // Ten days later "Ausschreibung" is 3 days overdue.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        office = await Users.SignInAsync(app, (await Users.CreateAsync(app, "office2@stadtdo.de", Roles.Office)));
        dashboard = await office.GetPageAsync("/verwaltung/meilensteine");
        var row = dashboard.QuerySelectorAll("tbody tr").Single().QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Ausschreibung", "Beleuchtung am Nordmarkt", "Ordnungsamt", "30.11.2026", "3", "noch nicht"], row);
        Assert.Contains("überfällig", (await Users.Client(app).GetPageAsync($"/massnahmen/{measure}")).QuerySelector(".milestones")!.Text());

        Assert.Equal((1, 1), await RemindAsync(app));
        var sent = await MeetingChainTests.MailsAsync(mail);
        var reminder = Assert.Single(sent);
        Assert.Equal("ordnungsamt@stadtdo.de", reminder.To.Mailboxes.Single().Address);
        Assert.Contains("Ausschreibung (Maßnahme „Beleuchtung am Nordmarkt“), fällig am 30.11.2026, seit 3 Tagen überfällig: https://masterplan.example/massnahmen/" + measure, reminder.TextBody);

        // Not again within a week; again after it.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal((0, 0), await RemindAsync(app));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal((1, 1), await RemindAsync(app));

        // Done: off the dashboard, no more reminders.
        office = await Users.SignInAsync(app, (await Users.CreateAsync(app, "office3@stadtdo.de", Roles.Office)));
        var milestone = await IndicatorTests.QueryAsync(app, db => db.Milestones.Where(m => m.Title == "Ausschreibung").Select(m => m.Id).SingleAsync());
        var future = await office.PostFormAsync($"{page}?handler=MilestoneDone&milestoneId={milestone}", new() { ["MilestoneDone"] = "2026-12-24" }, page);
        Assert.Contains("Ein Meilenstein kann nicht in der Zukunft erreicht worden sein.", await MeetingChainTests.Errors(future));
        var done = await office.PostFormAsync($"{page}?handler=MilestoneDone&milestoneId={milestone}", new() { ["MilestoneDone"] = "2026-12-10" }, page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Kein Meilenstein ist überfällig.", (await office.GetPageAsync("/verwaltung/meilensteine")).Body!.Text());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero));
        // "Leuchten montiert" is now overdue too; only it is mailed.
        Assert.Equal((1, 1), await RemindAsync(app));
        Assert.Contains("Leuchten montiert", (await MeetingChainTests.MailsAsync(mail)).Last().TextBody);
        Assert.DoesNotContain("Ausschreibung", (await MeetingChainTests.MailsAsync(mail)).Last().TextBody);
        Assert.DoesNotContain(await MeetingChainTests.MailsAsync(mail), m => m.To.Mailboxes.Any(a => a.Address == "jugendamt@stadtdo.de"));
    }

    [Theory, Engines]
    public async Task The_dashboard_names_the_units_no_reminder_reaches_and_what_to_do(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (node, reached, unreached) = await IndicatorTests.QueryAsync(app, async db => (
            await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "Ordnungsamt").Select(o => o.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "Sozialamt").Select(o => o.Id).SingleAsync()));
        await Users.CreateAsync(app, "ordnungsamt@stadtdo.de", Roles.DepartmentStaff);
        // An account of the Sozialamt without the role, and a disabled one with it: neither is reminded.
        await Users.CreateAsync(app, "sozialamt.ohne.rolle@stadtdo.de", Roles.Moderator);
        await Users.CreateAsync(app, "sozialamt.gesperrt@stadtdo.de", Roles.DepartmentStaff);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (email, department, disabled) in new[] { ("ordnungsamt@stadtdo.de", reached, false), ("sozialamt.ohne.rolle@stadtdo.de", unreached, false), ("sozialamt.gesperrt@stadtdo.de", unreached, true) })
            {
                var user = (await users.FindByEmailAsync(email))!;
                user.DepartmentId = department;
                user.IsDisabled = disabled;
                await users.UpdateAsync(user);
            }
        }

        var created = await office.PostFormAsync(EditPage, new()
        {
            ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Title"] = "Streetwork am Nordmarkt", ["Status"] = "InProgress", ["Progress"] = "20",
            ["Weight"] = "1", ["StartDate"] = "2026-01-01", ["SourceKind"] = "MeetingDecision", ["IsPublic"] = "true",
            ["UnitIds[0]"] = reached.ToString(CultureInfo.InvariantCulture), ["UnitIds[1]"] = unreached.ToString(CultureInfo.InvariantCulture),
        });
        var page = $"{EditPage}/{MeetingChainTests.IdFrom(created)}";
        var added = await office.PostFormAsync($"{page}?handler=Milestone", new() { ["MilestoneTitle"] = "Konzept", ["MilestoneDue"] = "2026-11-30" }, page);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(added));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office2@stadtdo.de", Roles.Office));

        var dashboard = await office.GetPageAsync("/verwaltung/meilensteine");
        var notice = dashboard.QuerySelector("#unreached")!.Text();
        Assert.Contains("Diese Stelle bekommt keine Erinnerung, weil sie kein aktives Konto mit der Rolle „Fachdienststelle“ und einer E-Mail-Adresse hat: Sozialamt.", notice);
        Assert.Contains("Was zu tun ist", notice);
        Assert.Contains("ohne Erinnerung: Sozialamt", dashboard.QuerySelector("tbody tr")!.Text());
        Assert.DoesNotContain("Ordnungsamt", notice);
    }

    private static async Task<(int Mails, int Milestones)> RemindAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        return await ActivatorUtilities.CreateInstance<MilestoneReminderJob>(scope.ServiceProvider).RemindAsync(CancellationToken.None);
    }
}
