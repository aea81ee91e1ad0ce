using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>
/// Background jobs with Quartz.NET: on PostgreSQL the clustered ADO.NET store (several instances, each
/// firing runs once; tables from the Initial migration), on SQLite the in-memory store (one instance).
/// </summary>
public sealed class JobsModule : IModule
{
    public IReadOnlyList<Type> PublicApi =>
        [typeof(JobRuns), typeof(JobRun), typeof(BackgroundTasks), typeof(BackgroundTask), typeof(BackgroundTaskState), typeof(IBackgroundWork), typeof(BackgroundOutcome), typeof(BackgroundWorkContext)];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<BackgroundTaskSweepJob>(BackgroundTaskSweepJob.Key, new("background-task-sweep-minutely", "jobs"), "Jobs:BackgroundTaskSweep:Cron", "0 * * * * ?")];

    public IEnumerable<string> TranslationLabels => [BackgroundTasks.ServerStopped, BackgroundTasks.Cancelled, BackgroundTasks.Crashed, BackgroundTasks.Finished, "In der Warteschlange", Tasks.ShowModel.LongWait];

    /// <summary>The scheduler, with the jobs every module declares.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var jobs = ModuleList.From(services).All.SelectMany(m => m.Jobs).ToList();
        services.AddOptions<BackgroundTaskOptions>().BindConfiguration("Jobs:Tasks");
        services.AddScoped<BackgroundTasks>();
        services.AddQuartz(q =>
        {
            // Each instance needs its own id in the cluster.
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "masterplan";
                o.InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}";
            });
            if (TryReadSettings(configuration) is { Provider: DatabaseProvider.Postgres } settings)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(settings.ConnectionString); // tables qrtz_* from the Initial migration
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                    s.UseSystemTextJsonSerializer();
                });
            }

            foreach (var job in jobs)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key).StoreDurably());
                var cron = configuration[job.CronSetting] ?? job.DefaultCron;
                if (cron.Length == 0)
                {
                    continue; // an empty schedule switches the job off
                }

                q.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.Trigger).WithCronSchedule(cron, c =>
                {
                    if (job.InCityTime)
                    {
                        c.InTimeZone(CityTime.Zone);
                    }
                }));
            }
        });
        if (Enabled(configuration))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
    }

    /// <summary>
    /// Creates the scheduler (and, on PostgreSQL, stores the jobs) before the host starts it. Needs the
    /// migrated schema.
    /// </summary>
    public async Task PrepareAsync(WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            // Once at start-up: the tasks this or another instance left running when it stopped are marked failed.
            var time = app.Services.GetRequiredService<TimeProvider>(); // the scheduler's clock (see BackgroundTasks.StartAsync)
            await scheduler.ScheduleJob(TriggerBuilder.Create(time).ForJob(BackgroundTaskSweepJob.Key).StartAt(time.GetUtcNow()).Build());
        }
    }

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue("Jobs:Enabled", true);

    // A wrong database setting is reported by the start-up check as one line; here it just means no shared store.
    private static DatabaseSettings? TryReadSettings(IConfiguration configuration)
    {
        try
        {
            return DatabaseSettings.From(configuration, AppContext.BaseDirectory);
        }
        catch (StartupException)
        {
            return null;
        }
    }
}
