using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>Several instances (docs/domain.md#operations): two app instances against one PostgreSQL behave as one platform.</summary>
public class TwoInstanceTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Jobs:Housekeeping:Cron"] = "0 0 3 1 1 ? 2099" };

    [PostgresFact]
    public async Task A_sign_in_on_instance_A_is_valid_on_B_and_ends_on_both()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = new AppFactory(db, Settings);
        await using var b = new AppFactory(db, Settings);
        await a.StartServerAsync();
        await b.StartServerAsync();
        var user = await Users.CreateAsync(a, "zwei@stadtdo.de", Roles.Moderator);

        var onA = await Users.SignInAsync(a, user);
        var cookie = (await onA.GetAsync("/konto")).RequestMessage!.Headers.GetValues("Cookie").Single();
        var onB = Users.Client(b);
        onB.DefaultRequestHeaders.Add("Cookie", cookie);

        var page = await onB.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("zwei@stadtdo.de", await page.Content.ReadAsStringAsync());

        await onA.PostFormAsync("/konto/abmelden", []);
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/konto")).StatusCode);
    }

    [PostgresFact]
    public async Task A_job_fired_in_the_cluster_runs_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = new AppFactory(db, Settings);
        await using var b = new AppFactory(db, Settings);
        await a.StartServerAsync();
        await b.StartServerAsync();
        var schedulerA = await a.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await b.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True((await schedulerA.GetMetadata()).JobStoreClustered);
        Assert.NotEqual(schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId);

        await schedulerA.TriggerJob(HousekeepingJob.Key);

        async Task<List<JobRun>> RunsAsync()
        {
            await using var scope = a.Scope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobRuns.AsNoTracking().ToListAsync();
        }

        // Both instances swept for dead background tasks at start-up and found none: such idle runs leave no record.
        Assert.DoesNotContain(await RunsAsync(), r => r.Job == BackgroundTaskSweepJob.Key.ToString());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await RunsAsync()).Any(r => r.FinishedAt != null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        await Task.Delay(TimeSpan.FromSeconds(6)); // time for a second node to (wrongly) run it too
        var runs = await RunsAsync();
        var run = Assert.Single(runs);
        Assert.NotNull(run.FinishedAt);
        Assert.Contains(run.Node, new[] { schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId });
    }
}
