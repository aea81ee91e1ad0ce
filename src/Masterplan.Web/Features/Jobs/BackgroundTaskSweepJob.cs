using Masterplan.Web.Data;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>
/// Every minute and once at start-up: marks the tasks of stopped instances failed and deletes files that came out and
/// expired (<see cref="BackgroundTasks.FailDeadAsync"/>). A run is recorded in <see cref="JobRun"/> only when it marked a task failed.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BackgroundTaskSweepJob(AppDbContext db, TimeProvider time, BackgroundTasks tasks) : IJob
{
    public static readonly JobKey Key = new("background-task-sweep", "jobs");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordWhenDoneSomethingAsync(db, time, context, async ct =>
    {
        var failed = await tasks.FailDeadAsync(null, ct);
        return failed == 0 ? null : $"{failed} tasks of stopped instances marked failed";
    }, cancellationToken);
}
