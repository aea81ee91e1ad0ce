using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared.Mail;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>
/// Removes what has served its purpose: expired sessions, stale throttling records, expired invitations (DSGVO: no
/// longer than needed), and unsent mail in the pickup folder once the links in it have expired.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(AppDbContext db, TimeProvider time, IMailSender mail, IOptions<AccountOptions> accounts) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "platform");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await JobRuns.StartAsync(db, time, context, cancellationToken);
        var now = time.GetUtcNow();
        var sessions = await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var dayAgo = now.AddDays(-1);
        var throttles = await db.LoginThrottles.Where(t => t.NotBefore < now && t.LastFailureAt < dayAgo).ExecuteDeleteAsync(cancellationToken);
        var monthAgo = now.AddDays(-30);
        var invitations = await db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt < monthAgo).ExecuteDeleteAsync(cancellationToken);
        // The invitation link is the longest-lived link a mail carries; once it has expired, nothing in the file works.
        var mails = mail is PickupDirectoryMailSender pickup ? pickup.DeleteWrittenBefore(now - accounts.Value.InvitationLifetime) : 0;
        await JobRuns.FinishAsync(db, time, run, $"{sessions} sessions, {throttles} throttling records, {invitations} invitations, {mails} mail files removed", cancellationToken);
    }
}

/// <summary>Records job runs in <see cref="JobRun"/>.</summary>
public static class JobRuns
{
    public static async Task<JobRun> StartAsync(AppDbContext db, TimeProvider time, IJobExecutionContext context, CancellationToken ct)
    {
        var run = new JobRun
        {
            Job = context.JobDetail.Key.ToString(), FireInstanceId = context.FireInstanceId, Node = context.Scheduler.SchedulerInstanceId, StartedAt = time.GetUtcNow(),
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    public static async Task FinishAsync(AppDbContext db, TimeProvider time, JobRun run, string result, CancellationToken ct)
    {
        run.FinishedAt = time.GetUtcNow();
        run.Result = result;
        await db.SaveChangesAsync(ct);
    }
}
