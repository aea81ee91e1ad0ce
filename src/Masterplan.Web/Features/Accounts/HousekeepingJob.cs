using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Removes what has served its purpose: expired sessions, stale throttling records, expired invitations (DSGVO: no longer than needed).</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(AppDbContext db, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "platform");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var now = time.GetUtcNow();
        var sessions = await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var dayAgo = now.AddDays(-1);
        var throttles = await db.LoginThrottles.Where(t => t.NotBefore < now && t.LastFailureAt < dayAgo).ExecuteDeleteAsync(ct);
        var monthAgo = now.AddDays(-30);
        var invitations = await db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt < monthAgo).ExecuteDeleteAsync(ct);
        return $"{sessions} sessions, {throttles} throttling records, {invitations} invitations removed";
    }, cancellationToken);
}
