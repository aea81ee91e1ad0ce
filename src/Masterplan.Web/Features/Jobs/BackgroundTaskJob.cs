using System.Globalization;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>
/// Runs one <see cref="BackgroundTask"/>: claims it (only one instance can), runs its <see cref="IBackgroundWork"/> in the
/// culture of the user who started it, writes progress and a heartbeat every <c>Jobs:Tasks:HeartbeatInterval</c> from
/// its own connection (the work's transaction is not touched), stops the work when the user cancels, and stores the
/// outcome. Uploaded bytes are deleted with the outcome, whatever it is.
/// </summary>
public sealed class BackgroundTaskJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<BackgroundTaskOptions> options, IStringLocalizer<SharedResource> t,
    ILogger<BackgroundTaskJob> log) : IJob
{
    public const string TaskIdKey = "taskId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var shutdown = cancellationToken;
        var id = int.Parse(context.MergedJobDataMap.GetString(TaskIdKey)!, CultureInfo.InvariantCulture);
        BackgroundTask task;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow();
            var node = context.Scheduler.SchedulerInstanceId;
            if (await db.BackgroundTasks.Where(x => x.Id == id && x.State == BackgroundTaskState.Queued)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, BackgroundTaskState.Running).SetProperty(x => x.StartedAt, now)
                        .SetProperty(x => x.HeartbeatAt, now).SetProperty(x => x.Node, node), shutdown) == 0)
            {
                return; // cancelled while queued, or already taken for dead
            }

            task = await db.BackgroundTasks.AsNoTracking().SingleAsync(x => x.Id == id, shutdown);
        }

        // Messages and numbers written in the background are in the language of the user who started the work.
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = BackgroundTasks.CultureOf(task.Culture);
        var work = new BackgroundWorkContext(task, t);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        using var stopBeat = new CancellationTokenSource();
        var beat = BeatAsync(id, work, cancel, stopBeat.Token);
        BackgroundOutcome? outcome = null;
        string? failure = null;
        var state = BackgroundTaskState.Failed;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            outcome = await scope.ServiceProvider.GetRequiredKeyedService<IBackgroundWork>(task.Kind).RunAsync(work, cancel.Token);
            state = outcome.Errors.Count == 0 ? BackgroundTaskState.Done : BackgroundTaskState.Failed;
            failure = outcome.Errors.Count == 0 ? null : string.Join('\n', outcome.Errors.Select(e => e.Localize(t)));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            state = shutdown.IsCancellationRequested ? BackgroundTaskState.Failed : BackgroundTaskState.Cancelled;
            failure = shutdown.IsCancellationRequested ? t[BackgroundTasks.ServerStopped].Value : t[BackgroundTasks.Cancelled].Value;
        }
        catch (Exception e)
        {
            log.LogError(e, "Background task {Id} ({Kind}) failed", id, task.Kind);
            failure = t[BackgroundTasks.Crashed].Value;
        }
        finally
        {
            await stopBeat.CancelAsync();
            await beat;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow();
            var file = state == BackgroundTaskState.Done ? outcome?.File : null;
            var url = outcome?.ResultUrl ?? task.ResultUrl;
            var (stage, done, total, unit) = work.Progress;
            var finished = state == BackgroundTaskState.Done ? t[BackgroundTasks.Finished].Value : stage ?? task.Stage;
            // Unconditional: a task wrongly taken for dead while its commit was still waiting ends as what it really did.
            await db.BackgroundTasks.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, state).SetProperty(x => x.Message, failure).SetProperty(x => x.FinishedAt, now).SetProperty(x => x.HeartbeatAt, now)
                .SetProperty(x => x.Input, (byte[]?)null).SetProperty(x => x.Stage, finished)
                .SetProperty(x => x.Done, state == BackgroundTaskState.Done && total is { } all ? all : done).SetProperty(x => x.Total, total).SetProperty(x => x.Unit, unit)
                .SetProperty(x => x.ResultUrl, url).SetProperty(x => x.ResultFile, file).SetProperty(x => x.ResultFileName, file == null ? null : outcome!.FileName)
                .SetProperty(x => x.ResultContentType, file == null ? null : outcome!.ContentType)
                .SetProperty(x => x.ResultExpiresAt, file == null ? null : now + options.Value.ResultLifetime), CancellationToken.None);
        }
    }

    // Progress and heartbeat from a connection of their own; a cancellation request is seen here.
    private async Task BeatAsync(int id, BackgroundWorkContext work, CancellationTokenSource cancel, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var (stage, done, total, unit) = work.Progress;
                    var now = time.GetUtcNow();
                    await db.BackgroundTasks.Where(x => x.Id == id && x.State == BackgroundTaskState.Running).ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.HeartbeatAt, now).SetProperty(x => x.Stage, x => stage ?? x.Stage).SetProperty(x => x.Done, done)
                        .SetProperty(x => x.Total, total).SetProperty(x => x.Unit, unit), stop);
                    if (await db.BackgroundTasks.AnyAsync(x => x.Id == id && x.CancelRequested, stop))
                    {
                        await cancel.CancelAsync();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy database delays one beat; the next tries again.
                    log.LogWarning(e, "Heartbeat of background task {Id} failed", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
