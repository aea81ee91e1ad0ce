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
            q.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(HousekeepingJob.Key).WithIdentity("housekeeping-hourly", "platform")
                .WithCronSchedule(configuration["Jobs:Housekeeping:Cron"] ?? "0 17 * * * ?"));
        });
        // The store follows Database:Provider, read when the scheduler is built (hosts and tests configure late).
        services.AddOptions<QuartzOptions>().Configure<DatabaseSettings>((o, settings) =>
        {
            if (settings.Provider != DatabaseProvider.Postgres)
            {
                return; // in-memory store: one instance
            }

            o.Properties["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz";
            o.Properties["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz";
            o.Properties["quartz.jobStore.tablePrefix"] = "qrtz_";
            o.Properties["quartz.jobStore.dataSource"] = "default";
            o.Properties["quartz.dataSource.default.provider"] = "Npgsql";
            o.Properties["quartz.dataSource.default.connectionString"] = settings.ConnectionString;
            o.Properties["quartz.jobStore.clustered"] = "true";
            o.Properties["quartz.jobStore.clusterCheckinInterval"] = "5000";
            o.Properties["quartz.serializer.type"] = "stj";
        });
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
