using Masterplan.Web.Data;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>
/// Background jobs with Quartz.NET: on PostgreSQL the clustered ADO.NET store (several instances, each
/// firing runs once; tables from the Jobs migration), on SQLite the in-memory store (one instance).
/// </summary>
public static class JobsModule
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
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
                    s.UsePostgres(settings.ConnectionString); // tables qrtz_* from the Jobs migration
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                    s.UseSystemTextJsonSerializer();
                });
            }

            q.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(HousekeepingJob.Key).WithIdentity("housekeeping-hourly", "platform")
                .WithCronSchedule(configuration["Jobs:Housekeeping:Cron"] ?? "0 17 * * * ?"));
            q.AddJob<Catalogue.MilestoneReminderJob>(j => j.WithIdentity(Catalogue.MilestoneReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Catalogue.MilestoneReminderJob.Key).WithIdentity(Catalogue.MilestoneReminderJob.Daily)
                .WithCronSchedule(configuration["Jobs:MilestoneReminders:Cron"] ?? "0 0 7 * * ?", c => c.InTimeZone(Shared.CityTime.Zone)));
            q.AddJob<Masterplan.Web.Features.Labs.LabDataDeletionJob>(j => j.WithIdentity(Masterplan.Web.Features.Labs.LabDataDeletionJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Masterplan.Web.Features.Labs.LabDataDeletionJob.Key).WithIdentity("lab-data-deletion-hourly", "labs")
                .WithCronSchedule(configuration["Jobs:LabDataDeletion:Cron"] ?? "0 37 * * * ?"));
            Audit.AuditCheckpointJob.Schedule(q, configuration);
        });
        if (Enabled(configuration))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>
    /// Creates the scheduler (and, on PostgreSQL, stores the jobs) before the host starts it. Needs the
    /// migrated schema.
    /// </summary>
    public static async Task CreateSchedulerAsync(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
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
