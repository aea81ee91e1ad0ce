using Masterplan.Web.Data;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>One execution of a background job on one instance: operations can see what ran where.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    public required string Job { get; set; }

    /// <summary>Quartz's id of this firing; unique per firing across the cluster.</summary>
    public required string FireInstanceId { get; set; }

    public required string Node { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Result { get; set; }
}

/// <summary>Records the runs of every job in <see cref="JobRun"/>: what ran where, when it finished and what it did.</summary>
public static class JobRuns
{
    /// <summary>Runs <paramref name="work"/> between the start and the finish of its record; the work returns what it did, in one line.</summary>
    public static async ValueTask RecordAsync(AppDbContext db, TimeProvider time, IJobExecutionContext context, Func<CancellationToken, Task<string>> work, CancellationToken ct)
    {
        var run = Of(context, time.GetUtcNow());
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var result = await work(ct);
        run.FinishedAt = time.GetUtcNow();
        run.Result = result;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// For a job that runs every minute: records the run only when <paramref name="work"/> did something (returns its line, else
    /// null), after it finished, so that idle runs do not add 1,440 rows a day.
    /// </summary>
    public static async ValueTask RecordWhenDoneSomethingAsync(AppDbContext db, TimeProvider time, IJobExecutionContext context, Func<CancellationToken, Task<string?>> work, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        if (await work(ct) is not { } result)
            return;
        var run = Of(context, startedAt);
        (run.FinishedAt, run.Result) = (time.GetUtcNow(), result);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
    }

    private static JobRun Of(IJobExecutionContext context, DateTimeOffset startedAt) => new()
    {
        Job = context.JobDetail.Key.ToString(), FireInstanceId = context.FireInstanceId, Node = context.Scheduler.SchedulerInstanceId, StartedAt = startedAt,
    };
}
