using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// Removes what has served its purpose: expired sessions, stale throttling records, expired invitations and password
/// reset links (DSGVO: no longer than needed), and unsent mail in the pickup folder once the links in it have expired.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(AppDbContext db, TimeProvider time, IMailSender mail, IOptions<AccountOptions> accounts) : IJob
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
        var resets = await db.PasswordResetRequests.Where(r => r.ExpiresAt < dayAgo).ExecuteDeleteAsync(ct);

        // The invitation link is the longest-lived link a mail carries; once it has expired, nothing in the file works.
        var mails = mail is PickupDirectoryMailSender pickup ? pickup.DeleteWrittenBefore(now - accounts.Value.InvitationLifetime) : 0;
        return $"{sessions} sessions, {throttles} throttling records, {invitations} invitations, {resets} password reset links, {mails} mail files removed";
    }, cancellationToken);
}
